"""The catalogue's filter form (the fields themselves are declared by autumn_school.filters)."""

from django import forms

from network.selectors.search import clean_terms


class CatalogueFilterForm(forms.Form):
    """Search words arrive from a shared URL as typed: trimmed and bounded here, never rejected."""

    def clean_q(self):
        return clean_terms(self.cleaned_data.get("q"))
