"""The public list of consortium members, filtered by the service they offer and the country they work in.
The filters live in the query string, so a filtered list can be shared."""

import django_filters
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from consortium.models import AssistanceService, ConsortiumMember
from network.countries import country_choices


def services_by_name(request=None):
    """The services sorted by their name in the current language."""
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return AssistanceService.objects.order_by(f"name_{language}", "pk")


class MemberFilter(django_filters.FilterSet):
    service = django_filters.ModelChoiceFilter(
        label=_("Service offered"),
        field_name="services",
        queryset=services_by_name,
        to_field_name="slug",
        empty_label=_("All services"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country of activity"),
        choices=country_choices,
        method="filter_country",
        empty_label=_("All countries"),
    )

    class Meta:
        model = ConsortiumMember
        fields = []

    def filter_country(self, queryset, name, value):
        return queryset.filter(organisation__countries__contains=[value])

    @property
    def active(self) -> int:
        self.errors  # noqa: B018 (validates the form; an invalid choice is simply not applied)
        return sum(1 for name in self.filters if self.form.cleaned_data.get(name))
