"""The programme's small POST forms: starring a session and taking a workshop seat."""

from django import forms


class StarForm(forms.Form):
    """``star`` or ``unstar``, explicit so a double submit cannot toggle the star back off."""

    action = forms.ChoiceField(choices=[("star", "star"), ("unstar", "unstar")])
    next = forms.CharField(required=False)


class SignupForm(forms.Form):
    action = forms.ChoiceField(choices=[("signup", "signup"), ("cancel", "cancel")])
