"""The check-in desk: the search box and the walk-in registration form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dimobel.countries import country_choices
from events.models import Category


class DeskSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, email or organisation"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "autofocus": True}),
    )


class WalkInForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email"))
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.none())

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "---------"), *country_choices()]
        # Organisers may seat walk-ins in invitation-only categories too (press, partners…).
        self.fields["category"].queryset = Category.objects.filter(event=event).order_by("position", "pk")
        categories = list(self.fields["category"].queryset)
        if len(categories) == 1:
            self.fields["category"].initial = categories[0].pk

    def clean_email(self):
        return self.cleaned_data["email"].strip()


class DeskCheckInForm(forms.Form):
    """The desk's "Check in" button: which registration, and the search to return to."""

    registration = forms.IntegerField(min_value=1)
    q = forms.CharField(required=False, max_length=100)


class BadgeSheetForm(forms.Form):
    """Which badges to print: every confirmed registration, or one category's (speakers, press…)."""

    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.none(), required=False, empty_label=_("Every category")
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(event=event).order_by("position", "pk")
