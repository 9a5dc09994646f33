from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.urls import reverse_lazy
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from network.models import User
from network.services import ensure_profile


def _consent_label():
    return format_html(
        _('I accept the <a href="{terms}">terms of use</a> and the <a href="{privacy}">privacy policy</a>.'),
        terms=reverse_lazy("pages:terms"),
        privacy=reverse_lazy("pages:privacy"),
    )


class SignupForm(AllauthSignupForm):
    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    accept_terms = forms.BooleanField(
        required=True, error_messages={"required": _("You must accept the terms and the privacy policy to join.")}
    )

    field_order = ["first_name", "last_name", "email", "password1", "password2", "accept_terms"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accept_terms"].label = _consent_label()

    def save(self, request):
        user = super().save(request)
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.preferred_language = translation.get_language() or settings.LANGUAGE_CODE
        user.terms_version = settings.TERMS_VERSION
        user.privacy_version = settings.PRIVACY_VERSION
        user.consented_at = timezone.now()
        ensure_profile(user=user)
        user.save(
            update_fields=[
                "first_name",
                "last_name",
                "preferred_language",
                "terms_version",
                "privacy_version",
                "consented_at",
            ]
        )
        return user


class AccountForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "preferred_language"]
