from django import forms
from django.db.models import Model
from django.http import Http404
from django.utils.translation import gettext_lazy as _


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("Your email address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))


class ChosenRowForm(forms.Form):
    """The row a button acts on, posted as a hidden id: one of ``queryset`` or the form is invalid. An id that is
    not a number, or not one of the rows offered, is then a 404 rather than a crash in the query."""

    def __init__(self, data, *, name, queryset):
        super().__init__(data)
        self.name = name
        self.fields[name] = forms.ModelChoiceField(queryset=queryset)


def chosen_row_or_404(data, name, queryset) -> Model:
    """The row of ``queryset`` whose id ``data[name]`` holds, or 404."""
    form = ChosenRowForm(data, name=name, queryset=queryset)
    if not form.is_valid():
        raise Http404(form.errors[name][0])
    return form.cleaned_data[name]
