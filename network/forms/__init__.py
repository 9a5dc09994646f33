"""The network's forms, one module per topic."""

from network.forms.accounts import AccountForm, SignupForm
from network.forms.profiles import ProfileForm

__all__ = ["AccountForm", "ProfileForm", "SignupForm"]
