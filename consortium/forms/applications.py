"""The application form, its team formset, and staff's screening form.

Every field of the application is optional here: a draft saves whatever the holder has written so far.
Completeness is the submission's business (consortium.services.applications.submit).
"""

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from consortium.models import Project, TeamMember
from consortium.services.applications import DRAFT_FIELDS, TeamEntry
from dimobel.countries import country_choices
from dimobel.files import check_pdf
from network.models import Sector

MAX_TEAM = 20


def _country_options():
    return [("", _("Choose a country")), *country_choices()]


class PdfField(forms.FileField):
    """A PDF upload, checked by content and size. Left empty, the current file stays."""

    widget = forms.FileInput(attrs={"accept": "application/pdf,.pdf"})

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            check_pdf(value)
        return value


class ApplicationForm(forms.ModelForm):
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    country = forms.ChoiceField(label=_("Country"), choices=_country_options, required=False)
    business_plan = PdfField(
        label=_("Business plan (PDF)"),
        required=False,
        help_text=_("PDF only, 20 MB at most. Leave empty to keep the file already sent."),
    )
    pitch_deck = PdfField(
        label=_("Pitch deck (PDF)"),
        required=False,
        help_text=_("PDF only, 20 MB at most. Leave empty to keep the file already sent."),
    )

    class Meta:
        model = Project
        fields = [*DRAFT_FIELDS, "sectors", "business_plan", "pitch_deck"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
            "description": forms.Textarea(attrs={"rows": 10}),
            "funding_needed": forms.NumberInput(attrs={"min": 0, "step": "any"}),
            "jobs_expected": forms.NumberInput(attrs={"min": 0}),
        }
        labels = {
            "title": _("Project title"),
            "summary": _("Summary"),
            "description": _("Description"),
            "city": _("City"),
            "corridor": _("Corridor direction"),
            "stage": _("Stage"),
            "funding_needed": _("Funding needed"),
            "funding_currency": _("Currency"),
            "jobs_expected": _("Jobs expected"),
        }
        help_texts = {
            "summary": _("Two or three sentences: what the project does and for whom."),
            "description": _(
                "The concept, the market, its contribution to Belgium–Morocco relations, its viability, its "
                "social and environmental responsibility."
            ),
            "jobs_expected": _("Jobs you expect to create in the first three years."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "funding_currency":
                field.required = False
        for name in ("corridor", "stage"):
            self.fields[name].choices = [("", _("Choose…")), *Project._meta.get_field(name).choices]

    def clean_funding_needed(self):
        amount = self.cleaned_data.get("funding_needed")
        if amount is not None and amount < 0:
            raise forms.ValidationError(_("The amount cannot be negative."), code="negative")
        return amount

    def draft_changes(self) -> dict:
        """The fields for ``save_draft``: the documents only when a new file was chosen."""
        changes = {name: self.cleaned_data.get(name) for name in DRAFT_FIELDS}
        for kind in ("business_plan", "pitch_deck"):
            if isinstance(self.cleaned_data.get(kind), UploadedFile):
                changes[kind] = self.cleaned_data[kind]
        return changes


class TeamMemberForm(forms.ModelForm):
    member_email = forms.EmailField(
        label=_("Email of their DIMOBEL account (optional)"),
        required=False,
        help_text=_("Links the person's profile to the project."),
    )

    class Meta:
        model = TeamMember
        fields = ["name", "role", "is_shareholder"]
        labels = {"name": _("Name"), "role": _("Role in the project"), "is_shareholder": _("Shareholder")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.user_id:
            self.fields["member_email"].initial = self.instance.user.email

    def clean_member_email(self):
        email = self.cleaned_data.get("member_email", "").strip()
        if not email:
            return None
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("No member has this address. Check it, or leave it empty and give the name only."), code="unknown"
            )
        return user


class BaseTeamFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove from the team")


TeamFormSet = forms.inlineformset_factory(
    Project,
    TeamMember,
    form=TeamMemberForm,
    formset=BaseTeamFormSet,
    extra=2,
    can_delete=True,
    max_num=MAX_TEAM,
    validate_max=True,
)


def team_entries(formset) -> list[TeamEntry]:
    """The team as the holder left it, for ``save_draft``. Untouched blank lines are skipped."""
    entries = []
    for form in formset.forms:
        existing = form.instance if form.instance.pk else None
        if existing is None and not form.has_changed():
            continue
        data = form.cleaned_data
        deleted = formset.can_delete and bool(data.get("DELETE"))
        if existing is None and deleted:
            continue
        entries.append(
            TeamEntry(
                name=data.get("name", ""),
                role=data.get("role", ""),
                is_shareholder=bool(data.get("is_shareholder")),
                user=data.get("member_email"),
                member=existing,
                delete=deleted,
            )
        )
    return entries


class ScreeningForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("eligible", _("Eligible")), ("ineligible", _("Not eligible"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the application is not eligible: the holder receives it by email."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "ineligible" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason why the application is not eligible."))
        return cleaned
