"""Registration forms: the event's custom questions, built from what organisers defined in the admin, plus the
category and, for guests, who they are."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dimobel.countries import country_choices
from events.models import Question
from events.selectors.seats import category_seats_left

MAX_TEXT_ANSWER = 1000


def _field_name(question):
    return f"question_{question.pk}"


def _yes_no(value):
    return {"yes": True, "no": False}.get(value)


def question_field(question):
    common = {"label": question.label, "help_text": question.help_text, "required": question.required}
    options = [(choice, choice) for choice in question.choices]
    if question.kind == Question.Kind.SINGLE:
        return forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)
    if question.kind == Question.Kind.MULTIPLE:
        return forms.MultipleChoiceField(choices=options, widget=forms.CheckboxSelectMultiple, **common)
    if question.kind == Question.Kind.YES_NO:
        # Two radios rather than a checkbox, so "no" and "not answered" differ and "required" means something.
        return forms.TypedChoiceField(
            choices=[("yes", _("Yes")), ("no", _("No"))],
            coerce=_yes_no,
            empty_value=None,
            widget=forms.RadioSelect,
            **common,
        )
    return forms.CharField(max_length=MAX_TEXT_ANSWER, widget=forms.Textarea(attrs={"rows": 2}), **common)


def _initial(question, value):
    if question.kind == Question.Kind.YES_NO and isinstance(value, bool):
        return "yes" if value else "no"
    return value


class AnswersForm(forms.Form):
    """The event's questions; ``answers()`` gives {question id: text, option, options or True/False}."""

    def __init__(self, *args, questions, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        answers = answers or {}
        for question in self.questions:
            name = _field_name(question)
            self.fields[name] = question_field(question)
            if question.pk in answers:
                self.initial.setdefault(name, _initial(question, answers[question.pk]))

    def answers(self):
        return {question.pk: self.cleaned_data.get(_field_name(question)) for question in self.questions}

    def question_fields(self):
        """The bound question fields, for templates that show them as a group."""
        return [self[_field_name(question)] for question in self.questions]


class CategoryChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, event, event_seats_left, **kwargs):
        self.event = event
        self.event_seats_left = event_seats_left
        super().__init__(*args, **kwargs)

    def label_from_instance(self, category):
        left = category_seats_left(self.event, category, self.event_seats_left)
        if left is None:
            note = ""
        elif left == 0:
            note = _("full – you will join the waitlist")
        else:
            note = ngettext("%(count)s seat left", "%(count)s seats left", left) % {"count": left}
        parts = [category.name, note]
        if category.requires_approval or self.event.requires_approval:
            parts.append(_("subject to approval"))
        return " – ".join(str(part) for part in parts if part)


class MemberRegistrationForm(AnswersForm):
    """A member registers in one step: a category and the event's questions; the rest comes from the account."""

    def __init__(self, *args, event, categories, event_seats_left, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"] = CategoryChoiceField(
            queryset=categories,
            event=event,
            event_seats_left=event_seats_left,
            label=_("Registration category"),
            empty_label=None,
            widget=forms.RadioSelect,
        )
        if len(categories) == 1:
            self.initial.setdefault("category", categories[0].pk)
        self.order_fields(["category"])


GUEST_FIELDS = ["first_name", "last_name", "email", "organisation_name", "country", "language"]


class GuestRegistrationForm(MemberRegistrationForm):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"), help_text=_("We send a link to this address to confirm your registration.")
    )
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language of our emails"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *country_choices()]
        self.initial.setdefault("language", translation.get_language())
        self.order_fields(["category", *GUEST_FIELDS])

    def guest_fields(self):
        return [self[name] for name in GUEST_FIELDS]

    def guest_details(self):
        return {name: self.cleaned_data[name] for name in GUEST_FIELDS}
