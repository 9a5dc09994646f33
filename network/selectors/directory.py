"""The directory's pages: who a viewer may find, one page of a FilterSet's results, and the fallback to close
matches. What keeps it fast at 100,000 profiles: docs/architecture.md, "Directory performance"."""

from dataclasses import dataclass
from functools import cached_property, partial

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from network.models import Organisation, Profile
from network.selectors.search import close_matching

PER_PAGE = 20


def profile_candidates(viewer) -> QuerySet[Profile]:
    """Profiles of the visibilities listed for this viewer (``Profile.listed_visibilities``), whether or not their
    member is still active: only for counting (see ProfileFilterSet.count). Lists use ``directory_profiles``."""
    return Profile.objects.filter(visibility__in=Profile.listed_visibilities(viewer))


def directory_profiles(viewer) -> QuerySet[Profile]:
    """The people a viewer may find in the directory: ``Profile.objects.listed_to(viewer)``, with what a card
    shows. A hidden profile appears nowhere, not even in its owner's own directory; written as plain
    ``visibility IN (…)`` PostgreSQL uses the (visibility, …) indexes (tests/network/test_directory.py checks
    it is ``visible_to`` minus hidden profiles)."""
    return (
        Profile.objects.listed_to(viewer)
        .select_related("user")
        .prefetch_related("sectors", "offers", "needs")
        .defer("search_vector", "bio")
    )


def merge_ordered(queryset, ordering, *, field, values, stop: int) -> QuerySet:
    """The first ``stop`` rows of ``queryset.order_by(*ordering)``, read as one ordered index scan per value
    of ``field``.

    For ``visibility IN (a, b) ORDER BY search_name``, PostgreSQL cannot read the (visibility, search_name)
    index in search_name order: it would sort every matching row. One query per value, each limited to
    ``stop`` rows, reads the index in order and stops early; the UNION ALL then orders at most
    ``len(values) * stop`` rows."""
    parts = [queryset.filter(**{field: value}).order_by(*ordering)[:stop] for value in values]
    if len(parts) < 2:
        return queryset.order_by(*ordering)
    return parts[0].union(*parts[1:], all=True).order_by(*ordering)


def directory_organisations() -> QuerySet[Organisation]:
    """The organisations the directory lists: published ones."""
    return (
        Organisation.objects.listed()
        .select_related("kind")
        .prefetch_related("sectors")
        .defer("search_vector", "description")
    )


@dataclass(frozen=True)
class DirectoryResults:
    page: Page
    terms: str
    approximate: bool  # no exact match: these are close matches of the name

    @property
    def count(self) -> int:
        return self.page.paginator.count


class _Paginator(Paginator):
    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count()


def directory_results(filterset, page_number, *, per_page=PER_PAGE) -> DirectoryResults:
    """One page of a directory FilterSet's results, with the typo-tolerant fallback when a search finds
    nothing. The page's rows are fetched here: counts and a page query (plus the prefetches)."""
    terms = filterset.terms
    paginator = _Paginator(filterset.qs, per_page, count=filterset.count)
    if not terms or paginator.count:
        page = _fetch(filterset, paginator, page_number)
        return DirectoryResults(page=page, terms=terms, approximate=False)
    with close_matching():
        paginator = _Paginator(filterset.close_matches(), per_page, count=partial(filterset.count, close=True))
        page = _fetch(filterset, paginator, page_number)
    return DirectoryResults(page=page, terms=terms, approximate=paginator.count > 0)


def _fetch(filterset, paginator, page_number) -> Page:
    page = paginator.get_page(page_number)
    start = (page.number - 1) * paginator.per_page
    rows = filterset.rows(paginator.object_list, start, start + paginator.per_page) if paginator.count else []
    page.object_list = rows
    return page
