"""The jury's forms (scoring, conflict of interest) and staff's (assigning jurors, choosing the selection)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consortium.models import Project

DECISION_CHOICES = [
    (Project.Status.SELECTED.value, _("Selected")),
    (Project.Status.RESERVE.value, _("Reserve")),
    (Project.Status.NOT_SELECTED.value, _("Not selected")),
]


class ReviewForm(forms.Form):
    """A score and a comment per criterion of the grid, and an overall comment.

    A draft may leave criteria unscored; submitting (``submitting=True``) needs every one. Each score is checked
    against its own criterion's maximum, with the criterion named in the error.
    """

    comment = forms.CharField(
        label=_("Overall comment"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Strengths, weaknesses and what the support should focus on."),
    )

    def __init__(self, *args, criteria, scores=None, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.submitting = submitting
        scores = scores or {}
        comment_field = self.fields.pop("comment")
        for criterion in self.criteria:
            message = _("Give “%(criterion)s” a score between 0 and %(max)s.") % {
                "criterion": criterion.title,
                "max": criterion.max_score,
            }
            self.fields[f"score_{criterion.pk}"] = forms.DecimalField(
                label=_("Score (0 to %(max)s)") % {"max": criterion.max_score},
                required=False,
                min_value=0,
                max_value=criterion.max_score,
                max_digits=5,
                decimal_places=2,
                error_messages={"min_value": message, "max_value": message},
                widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal", "class": "score-input"}),
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.title},
                required=False,
                max_length=3000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            score = scores.get(criterion.pk)
            if score is not None:
                self.initial.setdefault(f"score_{criterion.pk}", score.value.normalize())
                self.initial.setdefault(f"comment_{criterion.pk}", score.comment)
        self.fields["comment"] = comment_field

    def clean(self):
        cleaned = super().clean()
        for criterion in self.criteria:
            score_name, comment_name = f"score_{criterion.pk}", f"comment_{criterion.pk}"
            if score_name in self.errors or cleaned.get(score_name) is not None:
                continue
            if self.submitting:
                self.add_error(score_name, _("Score this criterion before submitting."))
            elif cleaned.get(comment_name, "").strip():
                # A comment is stored with its score; ask for the score rather than drop the comment.
                self.add_error(score_name, _("Give a score to keep your comment (you can change it later)."))
        return cleaned

    def rows(self):
        """Per criterion: the criterion, its score field and its comment field, for the template."""
        return [
            (criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"]) for criterion in self.criteria
        ]

    def scores(self):
        """{criterion id: (score or None, comment)} as the review service takes it."""
        return {
            criterion.pk: (
                self.cleaned_data.get(f"score_{criterion.pk}"),
                self.cleaned_data.get(f"comment_{criterion.pk}", ""),
            )
            for criterion in self.criteria
        }


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you have a conflict of interest?"),
        max_length=300,
        help_text=_("For example: “I advise this company.” Staff see this reason; the holder does not."),
        error_messages={"required": _("Say briefly why you have a conflict of interest.")},
    )


class JurorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class AssignForm(forms.Form):
    jurors = JurorChoiceField(
        label=_("Jurors"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one juror.")},
        help_text=_(
            "Each eligible application goes to each juror ticked. Applications already assigned stay as they are."
        ),
    )

    def __init__(self, *args, call, jury=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["jurors"]
        field.queryset = call.jury.filter(is_active=True).order_by("last_name", "first_name", "pk")
        if jury is not None:
            # The call board already read the jury: reuse it rather than query it again when rendering.
            field.choices = [(juror.pk, field.label_from_instance(juror)) for juror in jury]
        self.initial.setdefault("jurors", [juror.pk for juror in jury] if jury is not None else [])


class ProposalForm(forms.Form):
    """How many to select and how many on the reserve list: pre-ticks the ranking's top applications."""

    top = forms.IntegerField(label=_("Places to fill"), min_value=0, max_value=999)
    reserve = forms.IntegerField(label=_("Reserve list"), min_value=0, max_value=999)


class SelectionForm(forms.Form):
    """One decision per eligible application, proposed from the ranking and changeable by staff."""

    confirm = forms.BooleanField(
        label=_("I confirm these decisions. Each holder gets an email, and the decisions cannot be taken back."),
        error_messages={"required": _("Tick the confirmation to publish the decisions.")},
    )

    def __init__(self, *args, projects, proposal=None, **kwargs):
        super().__init__(*args, **kwargs)
        proposal = proposal or {}
        confirm = self.fields.pop("confirm")
        self.projects = list(projects)
        for project in self.projects:
            self.fields[f"decision_{project.pk}"] = forms.ChoiceField(
                label=_("Decision for “%(title)s”") % {"title": project.title},
                choices=DECISION_CHOICES,
                initial=proposal.get(project.pk, Project.Status.NOT_SELECTED.value),
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )
        self.fields["confirm"] = confirm

    def decision_field(self, project):
        return self[f"decision_{project.pk}"]

    def ids_with(self, status):
        return [project.pk for project in self.projects if self.cleaned_data.get(f"decision_{project.pk}") == status]
