from django import forms
from django.utils.translation import gettext_lazy as _

from autumn_school.selectors.quizzes import correct_choice_ids


def field_name(question):
    return f"question_{question.pk}"


class QuizForm(forms.Form):
    """One field per question: radio buttons when one choice is correct, checkboxes when several are."""

    def __init__(self, *args, quiz, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(quiz.questions.all())
        for number, question in enumerate(self.questions, start=1):
            choices = [(str(choice.pk), choice.text) for choice in question.choices.all()]
            options = {
                "label": _("Question %(number)s. %(text)s") % {"number": number, "text": question.text},
                "choices": choices,
                "error_messages": {"required": _("Answer this question.")},
            }
            if len(correct_choice_ids(question)) > 1:
                field = forms.MultipleChoiceField(
                    widget=forms.CheckboxSelectMultiple, help_text=_("Select all that apply."), **options
                )
            else:
                field = forms.ChoiceField(widget=forms.RadioSelect, **options)
            self.fields[field_name(question)] = field

    def clean(self):
        cleaned = super().clean()
        unanswered = [name for name in self.fields if name in self.errors]
        if unanswered:
            raise forms.ValidationError(
                _("Answer every question before you submit (%(count)s left unanswered).") % {"count": len(unanswered)},
                code="unanswered",
            )
        return cleaned

    def answers(self) -> dict:
        """Question id → the choice ids ticked, as the quiz service takes them."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            values = value if isinstance(value, list) else [value]
            answers[str(question.pk)] = sorted(int(v) for v in values if v)
        return answers
