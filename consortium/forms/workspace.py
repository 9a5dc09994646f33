"""Forms of the accompaniment workspace: milestones, meetings, shared documents, needs, KPI reports and the
lifecycle (the staff's filter of the workspaces is in consortium.filters)."""

from datetime import date
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from consortium.models import MentoringMeeting, Milestone, Need, Project
from consortium.selectors.kpis import reporting_months
from dimobel.files import DOCUMENT_KINDS, PDF_MAX_BYTES, check_document, clean_image

DOCUMENT_MAX_BYTES = PDF_MAX_BYTES  # 20 MB
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ACCEPT = ",".join(DOCUMENT_KINDS)
IMAGES = (".png", ".jpg", ".jpeg")


def clean_shared_file(upload):
    """A document people can open, its content matching its extension (dimobel.files.check_document), 20 MB
    at most. Images are re-encoded, in a box large enough to stay legible, which drops their metadata (such
    as GPS positions); other files keep their bytes under a tidy name."""
    check_document(upload, max_bytes=DOCUMENT_MAX_BYTES)
    suffix = Path(upload.name).suffix.lower()
    if suffix in IMAGES:
        return clean_image(upload, max_bytes=DOCUMENT_MAX_BYTES, box=(2400, 2400))
    upload.name = f"{slugify(Path(upload.name).stem)[:80] or 'document'}{suffix}"
    return upload


class SharedFileField(forms.FileField):
    # Not ClearableFileInput: it would link the current file, and private files have no URL.
    widget = forms.FileInput(attrs={"accept": ACCEPT})
    default_help_text = _(
        "PDF, office document (Word, Excel, PowerPoint, OpenDocument), image, text or CSV; 20 MB at most."
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", self.default_help_text)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            value = clean_shared_file(value)
        return value


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "description"]
        widgets = {"due_on": DATE_INPUT, "description": forms.Textarea(attrs={"rows": 3})}
        labels = {"title": _("Milestone"), "due_on": _("Due on"), "description": _("Details")}

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate():
            raise ValidationError(_("The due date must be today or later."), code="due_past")
        return due_on


class MilestoneUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Milestone.Status.choices)
    due_on = forms.DateField(label=_("Due on"), widget=DATE_INPUT, required=False)
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What shows it is done: a link, a short note."),
    )
    evidence_file = SharedFileField(label=_("Evidence file"), required=False)


class MarkDoneForm(forms.Form):
    """The quick "mark done" on the workspace page: the evidence only."""

    status = forms.CharField(widget=forms.HiddenInput, initial=Milestone.Status.DONE)
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What shows it is done: a link, a short note."),
    )
    evidence_file = SharedFileField(label=_("Evidence file"), required=False)


class MeetingForm(forms.ModelForm):
    class Meta:
        model = MentoringMeeting
        fields = ["held_on", "participants", "notes", "next_steps"]
        widgets = {
            "held_on": DATE_INPUT,
            "notes": forms.Textarea(attrs={"rows": 4}),
            "next_steps": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "held_on": _("Date"),
            "participants": _("Participants"),
            "notes": _("Notes"),
            "next_steps": _("Next steps"),
        }
        help_texts = {"participants": _("Names, separated by commas.")}

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise ValidationError(_("Log a meeting once it has taken place."), code="meeting_future")
        return held_on


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = SharedFileField(label=_("File"))


class NeedForm(forms.ModelForm):
    class Meta:
        model = Need
        fields = ["description", "help_type"]
        labels = {"description": _("Need"), "help_type": _("Type of help")}
        help_texts = {
            "description": _("E.g. a distributor in Belgium, advice on Moroccan company law."),
            "help_type": _("Used to suggest mentors who offer this help."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["help_type"].empty_label = _("Other")


def _month_choices():
    return [(month.isoformat(), formats.date_format(month, "YEAR_MONTH_FORMAT")) for month in reporting_months()]


class KpiReportForm(forms.Form):
    """One month's figures. The flows are what happened during that month, not running totals."""

    period = forms.TypedChoiceField(
        label=_("Month"),
        choices=_month_choices,
        coerce=date.fromisoformat,
        help_text=_("Reporting again for a month replaces that month's figures."),
    )
    investment_mobilised = forms.DecimalField(
        label=_("Investment mobilised (EUR)"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        initial=0,
        help_text=_("New funding raised during this month (loans, equity, grants) — not the total so far."),
    )
    jobs_created = forms.IntegerField(
        label=_("Jobs created"), min_value=0, initial=0, help_text=_("New jobs created during this month.")
    )
    revenue = forms.DecimalField(
        label=_("Revenue (EUR)"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        initial=0,
        help_text=_("This month's revenue only."),
    )
    partners_found = forms.IntegerField(
        label=_("Partners found"),
        min_value=0,
        initial=0,
        help_text=_("New partners (clients, suppliers, investors, distributors) found this month."),
    )
    company_created = forms.BooleanField(label=_("The company is created"), required=False)
    company_created_on = forms.DateField(
        label=_("Company created on"), required=False, widget=DATE_INPUT, help_text=_("Required once it is created.")
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        cleaned = super().clean()
        created_on = cleaned.get("company_created_on")
        if cleaned.get("company_created") and not created_on:
            self.add_error("company_created_on", _("Give the date the company was created."))
        if created_on and created_on > timezone.localdate():
            self.add_error("company_created_on", _("The company's creation date cannot be in the future."))
        return cleaned

    def values(self):
        return {name: value for name, value in self.cleaned_data.items() if name != "period"}


class StatusForm(forms.Form):
    """Staff move the project along its lifecycle: only the moves allowed from its current status."""

    to_status = forms.ChoiceField(label=_("New status"))
    company_created_on = forms.DateField(
        label=_("Company created on"), required=False, widget=DATE_INPUT, help_text=_("Required to mark it launched.")
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required to abandon the project; the holder receives it by email."),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [
            (status, Project.Status(status).label) for status in project.next_statuses()
        ]

    def clean(self):
        cleaned = super().clean()
        to_status = cleaned.get("to_status")
        if to_status == Project.Status.LAUNCHED and not cleaned.get("company_created_on"):
            self.add_error("company_created_on", _("Give the date the company was created."))
        if to_status == Project.Status.ABANDONED and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say why the project is abandoned."))
        return cleaned
