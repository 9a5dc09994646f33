"""The catalogue's filters. Everything lives in the query string, so a filtered URL can be shared."""

import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from autumn_school.forms.catalogue import CatalogueFilterForm
from autumn_school.models import Edition, Module, Theme
from autumn_school.selectors.catalogue import search_modules

ORDERING = ["starts_on", "title", "pk"]  # the catalogue index (is_published, starts_on, title)


class CatalogueFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="keep",
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "class": "form-control",
                "placeholder": _("Title, theme, instructor…"),
                "autocomplete": "off",
                "maxlength": 200,
            }
        ),
    )
    edition = django_filters.ModelChoiceFilter(
        label=_("Edition"),
        queryset=Edition.objects.filter(is_published=True).order_by("-starts_on"),
        to_field_name="slug",
        empty_label=_("All editions"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), queryset=Theme.objects.all(), to_field_name="slug", empty_label=_("All themes")
    )
    level = django_filters.ChoiceFilter(label=_("Level"), choices=Module.Level.choices, empty_label=_("Any level"))
    language = django_filters.ChoiceFilter(
        label=_("Teaching language"), choices=settings.LANGUAGES, empty_label=_("Any language")
    )
    format = django_filters.ChoiceFilter(label=_("Format"), choices=Module.Format.choices, empty_label=_("Any format"))
    open = django_filters.BooleanFilter(
        label=_("Open for enrolment now"), method="filter_open", widget=forms.CheckboxInput
    )

    class Meta:
        model = Module
        fields = ["q", "edition", "theme", "level", "language", "format", "open"]
        form = CatalogueFilterForm

    def keep(self, queryset, name, value):
        return queryset  # the search is applied in filter_queryset: it decides the order

    def filter_open(self, queryset, name, value):
        return queryset.open_for_enrolment() if value else queryset

    @property
    def terms(self) -> str:
        return self._cleaned().get("q") or ""

    @property
    def active(self) -> int:
        """How many filters (besides the search) are in use, for the phone's Filters button."""
        return sum(1 for name, value in self._cleaned().items() if name != "q" and value)

    def _cleaned(self) -> dict:
        """The valid fields' values: an invalid field (a stale edition in a shared URL) is simply not applied."""
        self.errors  # noqa: B018 (validates the form)
        return getattr(self.form, "cleaned_data", {})

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.terms:
            return search_modules(queryset, self.terms).order_by("-rank", *ORDERING)
        return queryset.order_by(*ORDERING)
