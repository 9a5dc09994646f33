from django import forms
from django.utils.translation import gettext_lazy as _

from dimobel.countries import country_choices
from dimobel.files import clean_uploaded_image
from network.models import Organisation, OrganisationKind, Sector

LOGO_BOX = (400, 400)


class CountriesField(forms.MultipleChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.SelectMultiple(attrs={"size": 8}))
        super().__init__(choices=country_choices, **kwargs)


class OrganisationForm(forms.ModelForm):
    kind = forms.ModelChoiceField(label=_("Kind"), queryset=OrganisationKind.objects.all())
    countries = CountriesField(
        label=_("Countries of activity"),
        required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("A JPEG, PNG or WebP image of at most 5 MB."),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "countries",
            "city",
            "sectors",
            "size",
            "founded_year",
            "website",
            "description",
            "logo",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}

    def clean_logo(self):
        return clean_uploaded_image(self.cleaned_data.get("logo"), box=LOGO_BOX)

    def organisation_data(self):
        """The cleaned fields, as the organisation services take them."""
        return {field: self.cleaned_data[field] for field in self.Meta.fields}


class OrganisationCreateForm(OrganisationForm):
    role = forms.CharField(
        label=_("Your role or title in it"),
        max_length=120,
        required=False,
        help_text=_("For example: founder, director, project officer."),
    )


class JoinRequestForm(forms.Form):
    role = forms.CharField(
        label=_("Your role or title"),
        max_length=120,
        required=False,
        help_text=_("For example: project officer, partner, volunteer."),
    )
    message = forms.CharField(
        label=_("Message to the organisation's admins"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class MembershipForm(forms.Form):
    """An admin's edit of one member: role or title, and whether they are an admin too."""

    role = forms.CharField(label=_("Role or title"), max_length=120, required=False)
    is_admin = forms.BooleanField(label=_("Organisation admin"), required=False)


class ContactOrganisationForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}))
