"""Every FilterSet of the events app: the B2B participants page and the organisers' meetings overview."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from dimobel.countries import country_choices
from events.models import B2BParticipant, Meeting
from network.filters import help_type_filter, sector_filter
from network.models import Profile


class ParticipantFilterSet(django_filters.FilterSet):
    """The participants page's filters. Offers, needs and sectors come from the members' profiles, so only
    profiles members may see are matched (a hidden profile's offers are never revealed by a filter)."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name or organisation")}),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=country_choices, empty_label=_("Any country"), field_name="registration__country"
    )
    sector = sector_filter(method="filter_sector")
    offers = help_type_filter(_("Offers"), method="filter_offers")
    needs = help_type_filter(_("Is looking for"), method="filter_needs")

    class Meta:
        model = B2BParticipant
        fields = ["q", "country", "sector", "offers", "needs"]

    @property
    def active(self) -> int:
        """How many filters are in use (the search included)."""
        if not self.form.is_valid():
            return 0
        return sum(1 for value in self.form.cleaned_data.values() if value)

    def filter_search(self, queryset, name, value):
        for word in value.split()[:8]:
            queryset = queryset.filter(
                Q(registration__first_name__unaccent__icontains=word)
                | Q(registration__last_name__unaccent__icontains=word)
                | Q(registration__organisation_name__unaccent__icontains=word)
            )
        return queryset

    def _profile_has(self, queryset, through, **term):
        # Every viewer of the participants page is a logged-in member: network's rule for lists they see.
        listed = through.objects.filter(
            profile__user_id=OuterRef("registration__user_id"),
            profile__in=Profile.objects.listed_to_members(),
            **term,
        )
        return queryset.filter(Exists(listed))

    def filter_sector(self, queryset, name, value):
        return self._profile_has(queryset, Profile.sectors.through, sector=value)

    def filter_offers(self, queryset, name, value):
        return self._profile_has(queryset, Profile.offers.through, helptype=value)

    def filter_needs(self, queryset, name, value):
        return self._profile_has(queryset, Profile.needs.through, helptype=value)


class MeetingFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Meeting.Status.choices,
        empty_label=_("All"),
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )

    class Meta:
        model = Meeting
        fields = ["status"]
