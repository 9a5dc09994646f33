from django import forms
from django.contrib.postgres.forms import SimpleArrayField
from django.utils.translation import gettext_lazy as _

from network.models import SPOKEN_LANGUAGES, HelpType, Profile, Sector


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"), choices=SPOKEN_LANGUAGES, required=False, widget=forms.CheckboxSelectMultiple
    )
    expertise = SimpleArrayField(
        forms.CharField(max_length=60),
        label=_("Expertise"),
        required=False,
        help_text=_("Keywords, separated by commas (e.g. export, halal certification, fundraising)."),
        error_messages={"item_invalid": _("Keyword %(nth)s is not valid:")},
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    linkedin = forms.URLField(label=_("LinkedIn"), required=False, assume_scheme="https")
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    offers = forms.ModelMultipleChoiceField(
        label=_("What I offer"), queryset=HelpType.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    needs = forms.ModelMultipleChoiceField(
        label=_("What I am looking for"),
        queryset=HelpType.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Profile
        fields = [
            "headline",
            "bio",
            "country",
            "city",
            "languages",
            "sectors",
            "expertise",
            "offers",
            "needs",
            "website",
            "linkedin",
            "visibility",
            "messaging",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "visibility": forms.RadioSelect,
            "messaging": forms.RadioSelect,
        }
