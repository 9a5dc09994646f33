"""The network's filters: the directory's (people, organisations) and the marketplace's. Everything lives in the
query string, so a filtered URL can be shared.

``q`` (search) and ``sort`` are applied last, in ``filter_queryset``: the order depends on both.
``close_matches()`` gives the same filters with a typo-tolerant name search instead, for the fallback.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from dimobel.countries import country_choices
from network.models import SPOKEN_LANGUAGES, HelpType, Opportunity, Organisation, OrganisationKind, Profile, Sector
from network.selectors import directory, search


def sector_filter(**kwargs) -> django_filters.ModelChoiceFilter:
    """A sector chosen by its slug (``?sector=agrifood``), as the directory and the B2B participants offer it."""
    return django_filters.ModelChoiceFilter(
        label=_("Sector"), queryset=Sector.objects.all(), to_field_name="slug", empty_label=_("Any sector"), **kwargs
    )


def help_type_filter(label, **kwargs) -> django_filters.ModelChoiceFilter:
    """A kind of help (offered or looked for) chosen by its slug (``?offers=mentoring``)."""
    return django_filters.ModelChoiceFilter(
        label=label, queryset=HelpType.objects.all(), to_field_name="slug", empty_label=_("Anything"), **kwargs
    )


class SortChoices:
    RELEVANCE = "relevance"  # the default: relevance when searching, otherwise name
    NAME = "name"
    NEWEST = "newest"
    CHOICES = [(NAME, _("Name")), (NEWEST, _("Newest"))]


class DirectoryFilterSet(django_filters.FilterSet):
    """What both directories share: a search box, a country and a city, a sector, and the sort."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="keep",
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "class": "form-control",
                "placeholder": _("Name, activity, expertise…"),
                "autocomplete": "off",
            }
        ),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=country_choices, empty_label=_("Any country"), method="filter_country"
    )
    city = django_filters.CharFilter(label=_("City"), field_name="city", lookup_expr="unaccent__iexact")
    sector = sector_filter(method="filter_sector")
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SortChoices.CHOICES, empty_label=_("Best match"), method="keep"
    )

    # The directory's ORDER BY for each sort, with a unique last key so pages never overlap.
    orderings: dict[str, list[str]] = {}

    def keep(self, queryset, name, value):
        return queryset  # applied in filter_queryset

    @property
    def public_fields_only(self) -> bool:
        return self.request is None or not self.request.user.is_authenticated

    def _cleaned(self, name):
        self.errors  # noqa: B018 (validates the form; an invalid field is simply not applied)
        return self.form.cleaned_data.get(name)

    @property
    def terms(self) -> str:
        """The cleaned search words ("" when there is no search)."""
        return search.clean_terms(self._cleaned("q"))

    @property
    def active(self) -> int:
        """How many filters (besides the search and the sort) are in use, for the phone's Filters button."""
        return sum(1 for name in self.filters if name not in {"q", "sort"} and self._cleaned(name))

    @property
    def sort_order(self) -> str:
        return self._cleaned("sort") or (SortChoices.RELEVANCE if self.terms else SortChoices.NAME)

    @property
    def ordering(self) -> list[str]:
        return self.orderings[self.sort_order]

    def matching(self, queryset, *, close=False):
        """``queryset`` narrowed by the filters and the search words: full-text, or close names."""
        self.errors  # noqa: B018 (validates the form; an invalid field is simply not applied)
        for name, value in self.form.cleaned_data.items():
            if name not in {"q", "sort"}:
                queryset = self.filters[name].filter(queryset, value)
        if self.terms:
            queryset = (self.close_search if close else self.search)(queryset, self.terms)
        return queryset

    def filter_queryset(self, queryset):
        return self.matching(queryset).order_by(*self.ordering)

    def close_matches(self):
        """The same filters, with a typo-tolerant name search instead of full-text search."""
        return self.matching(self.queryset.all(), close=True).order_by(*self.ordering)

    def count(self, *, close=False) -> int:
        return (self.close_matches() if close else self.qs).count()

    def rows(self, queryset, start: int, stop: int) -> list:
        """Rows ``start:stop`` of ``qs`` or ``close_matches()``, fetched."""
        return list(queryset[start:stop])

    def search(self, queryset, terms):
        raise NotImplementedError

    def close_search(self, queryset, terms):
        raise NotImplementedError

    def filter_sector(self, queryset, name, value):
        through = queryset.model.sectors.through
        owner = f"{queryset.model._meta.model_name}_id"
        return queryset.filter(Exists(through.objects.filter(**{owner: OuterRef("pk")}, sector=value)))


class ProfileFilterSet(DirectoryFilterSet):
    offers = help_type_filter(_("Offers"), method="filter_offers")
    needs = help_type_filter(_("Is looking for"), method="filter_needs")
    language = django_filters.ChoiceFilter(
        label=_("Speaks"), choices=SPOKEN_LANGUAGES, empty_label=_("Any language"), method="filter_language"
    )

    orderings = {
        SortChoices.RELEVANCE: ["-rank", "search_name", "pk"],
        SortChoices.NAME: ["search_name", "pk"],
        SortChoices.NEWEST: ["-created_at", "-pk"],
    }

    class Meta:
        model = Profile
        fields = ["q", "country", "city", "sector", "offers", "needs", "language", "sort"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(country=value)

    def filter_offers(self, queryset, name, value):
        through = Profile.offers.through
        return queryset.filter(Exists(through.objects.filter(profile_id=OuterRef("pk"), helptype=value)))

    def filter_needs(self, queryset, name, value):
        through = Profile.needs.through
        return queryset.filter(Exists(through.objects.filter(profile_id=OuterRef("pk"), helptype=value)))

    def filter_language(self, queryset, name, value):
        return queryset.filter(languages__contains=[value])

    @property
    def viewer(self):
        return self.request.user if self.request else None

    def count(self, *, close=False) -> int:
        if self.terms:
            return super().count(close=close)  # the search index narrows the rows first
        # Counting listed profiles joins every match to its member (is the account still active?), and that
        # reads the whole profile table. Count the matches regardless of the member instead (an index-only
        # scan when only visibility and country are filtered), then subtract the few of deactivated members.
        candidates = self.matching(directory.profile_candidates(self.viewer))
        total = candidates.count()
        return total - candidates.filter(user__is_active=False).count() if total else 0

    def rows(self, queryset, start: int, stop: int) -> list:
        if self.terms:
            return super().rows(queryset, start, stop)  # the search index narrows the rows; sorting them is cheap
        # The whole directory by name or newest: one ordered index scan per visibility, merged.
        visibilities = Profile.listed_visibilities(self.viewer)
        merged = directory.merge_ordered(queryset, self.ordering, field="visibility", values=visibilities, stop=stop)
        return list(merged[start:stop])

    def search(self, queryset, terms):
        return search.search_profiles(queryset, terms, public_fields_only=self.public_fields_only)

    def close_search(self, queryset, terms):
        return search.close_profile_matches(queryset, terms)


class OrganisationFilterSet(DirectoryFilterSet):
    kind = django_filters.ModelChoiceFilter(
        label=_("Kind"),
        queryset=OrganisationKind.objects.all(),
        to_field_name="slug",
        field_name="kind",
        empty_label=_("Any kind"),
    )
    verified = django_filters.BooleanFilter(
        label=_("Verified organisations only"), widget=forms.CheckboxInput, method="filter_verified"
    )

    orderings = {
        SortChoices.RELEVANCE: ["-rank", "name", "pk"],
        SortChoices.NAME: ["name", "pk"],
        SortChoices.NEWEST: ["-created_at", "-pk"],
    }

    class Meta:
        model = Organisation
        fields = ["q", "country", "city", "sector", "kind", "verified", "sort"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(countries__contains=[value])

    def filter_verified(self, queryset, name, value):
        return queryset.filter(is_verified=True) if value else queryset

    def search(self, queryset, terms):
        return search.search_organisations(queryset, terms, public_fields_only=self.public_fields_only)

    def close_search(self, queryset, terms):
        return search.close_organisation_matches(queryset, terms)


class OpportunityFilter(django_filters.FilterSet):
    """The marketplace's filters; they live in the query string, so a filtered list can be shared."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        widget=forms.TextInput(
            attrs={"type": "search", "class": "form-control", "placeholder": _("Title or description")}
        ),
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Opportunity.Kind.choices, empty_label=_("All kinds"))
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"),
        field_name="sectors",
        queryset=Sector.objects.all(),
        to_field_name="slug",
        empty_label=_("All sectors"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=country_choices, method="filter_country", empty_label=_("All countries")
    )
    show = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=[("open", _("Open only")), ("all", _("Open and closed"))],
        empty_label=None,
        method="filter_show",
    )
    mine = django_filters.BooleanFilter(label=_("Posted by me"), method="filter_mine", widget=forms.CheckboxInput)

    class Meta:
        model = Opportunity
        fields = []

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))

    def filter_country(self, queryset, name, value):
        return queryset.filter(countries__contains=[value])

    def filter_show(self, queryset, name, value):
        return queryset  # applied in filter_queryset, since "open" is also the default

    def filter_mine(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        if value and user is not None and user.is_authenticated:
            return queryset.filter(posted_by=user)
        return queryset

    @property
    def active(self) -> int:
        """How many filters (besides the search) are in use, for the phone's Filters button."""
        data = self.form.cleaned_data
        return sum(1 for name in ("kind", "sector", "country", "mine") if data.get(name)) + (data.get("show") == "all")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.form.cleaned_data.get("show") == "all":
            return queryset.order_by("-deadline", "-pk")
        return queryset.current().order_by("deadline", "pk")
