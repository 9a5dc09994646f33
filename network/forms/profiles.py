from django import forms
from django.contrib.postgres.forms import SimpleArrayField
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from dimobel.files import clean_image
from network.models import SPOKEN_LANGUAGES, HelpType, Profile, Sector

PHOTO_BOX = (512, 512)


class ProfileForm(forms.ModelForm):
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("A JPEG, PNG or WebP image of at most 5 MB."),
    )
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
            "photo",
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

    def clean_photo(self):
        # Checked by content and size, resized and re-encoded (which also drops GPS metadata).
        photo = self.cleaned_data.get("photo")
        if photo is False:
            return False  # "clear" was ticked
        if isinstance(photo, UploadedFile):
            return clean_image(photo, box=PHOTO_BOX)
        return None  # keep the current photo
