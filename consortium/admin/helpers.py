"""What the consortium's admin pages share: forms that ask a service's rules before saving through it."""

from django import forms
from django.core.exceptions import ValidationError

from dimobel.errors import DomainError


class RuleCheckedForm(forms.ModelForm):
    """An admin form whose save goes through a service: ``check(cleaned_data)`` asks the service's rules first
    (raising its DomainError), so a refusal shows on the form instead of an error page."""

    def check(self, cleaned_data) -> None:
        """Raise the service's DomainError if it would refuse this input."""

    @property
    def adding(self) -> bool:
        return self.instance._state.adding

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors:
            try:
                self.check(cleaned_data)
            except DomainError as error:
                raise ValidationError(str(error)) from error
        return cleaned_data


def adopt(obj, saved) -> None:
    """Make the admin's unsaved ``obj`` the row a service saved, so the admin's log and redirect name that row."""
    obj.__dict__.update(saved.__dict__)
