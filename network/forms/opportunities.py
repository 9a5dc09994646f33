from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.forms.organisations import CountriesField
from network.models import Opportunity, Organisation, Sector
from network.permissions import organisations_administered_by


class OpportunityForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=None,
        required=False,
        empty_label=_("Myself"),
        help_text=_("An organisation you administer, or yourself."),
    )
    countries = CountriesField(
        label=_("Countries"), required=False, help_text=_("Hold Ctrl (or Cmd) to choose several.")
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Opportunity
        fields = ["title", "kind", "organisation", "description", "sectors", "countries", "deadline"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, poster, **kwargs):
        super().__init__(*args, **kwargs)
        # The current organisation stays a choice even if the poster is no longer one of its admins.
        choices = organisations_administered_by(poster) | Organisation.objects.filter(pk=self.instance.organisation_id)
        self.fields["organisation"].queryset = choices.distinct().order_by("name")
        if not self.fields["organisation"].queryset.exists():
            del self.fields["organisation"]

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        # A closed opportunity can still be corrected without moving its deadline.
        if (self.instance.pk is None or "deadline" in self.changed_data) and deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline must be today or later."), code="deadline_past")
        return deadline

    def opportunity_data(self):
        """The cleaned fields, as the opportunity services take them."""
        return {field: self.cleaned_data.get(field) for field in self.Meta.fields}


class InterestForm(forms.Form):
    body = forms.CharField(label=_("Your message to the poster"), widget=forms.Textarea(attrs={"rows": 5}))
