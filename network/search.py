"""Full-text and typo-tolerant search of the directory (PostgreSQL).

Each profile and organisation keeps a ``search_vector`` (GIN-indexed) built by one SQL UPDATE from its
own columns, its member's name, its sectors and its countries, named in the four languages. Every text is
indexed twice: with ``french_unaccent`` (French stems: "développement" ≈ "developper") and with
``simple_unaccent`` (words as typed: names, Dutch and Arabic words). Both configurations are
accent-insensitive. The weights say where a word came from, and anonymous visitors only match the
fields they are allowed to see:

    A  names                                     public
    B  headline, organisation kind, sectors      public
    C  city, country                             public
    D  bio, expertise, organisation description  members only

When nothing matches exactly, ``close_*_matches`` falls back to trigram word similarity on the name
(``pg_trgm``, GIN-indexed), so "Benanni" still finds "Bennani"; strict word similarity ranks them (it
prefers a whole close word, "Bennani", to a close part of one, "Benali").

Keep the vectors fresh: call ``refresh_profile_search([profile.pk])`` after saving a profile (or the
member's name) and ``refresh_organisation_search([organisation.pk])`` after saving an organisation.
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField, TrigramStrictWordSimilarity
from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.db.models import F, Func, TextField, Value
from django.utils import translation
from django_countries import countries

from network.models import Organisation, Profile

LANGUAGES = ("fr", "en", "nl", "ar")

# "Benanni" is 0.45 word-similar to "salma bennani"; 0.6 (PostgreSQL's default) misses most typos, and
# below 0.35 unrelated names start to match.
CLOSE_MATCH_THRESHOLD = 0.4
# Prefix matching ("benn" → "Bennani") only for words this long, so "a" does not match every row.
PREFIX_MIN_LENGTH = 3
PUBLIC_WEIGHTS = "{a,b,c}"


@lru_cache(maxsize=1)
def _country_names() -> tuple[list[str], list[str]]:
    """Every country code with its names in the four languages, e.g. ("MA", "Maroc Morocco Marokko المغرب")."""
    names: dict[str, list[str]] = {}
    for language in LANGUAGES:
        with translation.override(language):
            for code, name in countries:
                names.setdefault(code, []).append(str(name))
    codes = sorted(names)
    return codes, [" ".join(dict.fromkeys(names[code])) for code in codes]


# Every text is indexed with both configurations at its weight (see the module docstring). Table names are
# Django's defaults for the network app; the SQL is static, user input only ever arrives as parameters.
PROFILE_SEARCH_SQL = """
WITH country_names(code, names) AS (SELECT * FROM unnest(%s::text[], %s::text[])),
texts AS (
    SELECT p.id,
           u.first_name || ' ' || u.last_name AS name,
           p.headline,
           coalesce((SELECT string_agg(concat_ws(' ', s.name_fr, s.name_en, s.name_nl, s.name_ar), ' ')
                     FROM network_profile_sectors ps JOIN network_sector s ON s.id = ps.sector_id
                     WHERE ps.profile_id = p.id), '') AS sectors,
           p.city || ' ' || coalesce((SELECT cn.names FROM country_names cn WHERE cn.code = p.country), '') AS place,
           array_to_string(p.expertise, ' ') || ' ' || p.bio AS private_text
    FROM network_profile p JOIN network_user u ON u.id = p.user_id
    WHERE %s::bigint[] IS NULL OR p.id = ANY(%s::bigint[])
)
UPDATE network_profile AS p SET
    search_name = left(lower(unaccent(btrim(t.name))), 310),
    search_vector =
        setweight(to_tsvector('simple_unaccent', t.name), 'A')
        || setweight(to_tsvector('french_unaccent', t.name), 'A')
        || setweight(to_tsvector('simple_unaccent', t.headline || ' ' || t.sectors), 'B')
        || setweight(to_tsvector('french_unaccent', t.headline || ' ' || t.sectors), 'B')
        || setweight(to_tsvector('simple_unaccent', t.place), 'C')
        || setweight(to_tsvector('simple_unaccent', t.private_text), 'D')
        || setweight(to_tsvector('french_unaccent', t.private_text), 'D')
FROM texts t
WHERE t.id = p.id
"""

ORGANISATION_SEARCH_SQL = """
WITH country_names(code, names) AS (SELECT * FROM unnest(%s::text[], %s::text[])),
texts AS (
    SELECT o.id,
           o.name,
           concat_ws(' ', k.name_fr, k.name_en, k.name_nl, k.name_ar) || ' ' ||
           coalesce((SELECT string_agg(concat_ws(' ', s.name_fr, s.name_en, s.name_nl, s.name_ar), ' ')
                     FROM network_organisation_sectors os JOIN network_sector s ON s.id = os.sector_id
                     WHERE os.organisation_id = o.id), '') AS kind_and_sectors,
           o.city || ' ' || coalesce((SELECT string_agg(cn.names, ' ') FROM country_names cn
                                      WHERE cn.code = ANY(o.countries)), '') AS place,
           o.description
    FROM network_organisation o JOIN network_organisationkind k ON k.id = o.kind_id
    WHERE %s::bigint[] IS NULL OR o.id = ANY(%s::bigint[])
)
UPDATE network_organisation AS o SET
    search_vector =
        setweight(to_tsvector('simple_unaccent', t.name), 'A')
        || setweight(to_tsvector('french_unaccent', t.name), 'A')
        || setweight(to_tsvector('simple_unaccent', t.kind_and_sectors), 'B')
        || setweight(to_tsvector('french_unaccent', t.kind_and_sectors), 'B')
        || setweight(to_tsvector('simple_unaccent', t.place), 'C')
        || setweight(to_tsvector('simple_unaccent', t.description), 'D')
        || setweight(to_tsvector('french_unaccent', t.description), 'D')
FROM texts t
WHERE t.id = o.id
"""


def _refresh(sql: str, ids) -> int:
    ids = None if ids is None else [int(pk) for pk in ids]
    if ids == []:
        return 0
    codes, names = _country_names()
    with connection.cursor() as cursor:
        cursor.execute(sql, [codes, names, ids, ids])
        return cursor.rowcount


def refresh_profile_search(profile_ids=None) -> int:
    """Rebuild the search vector and search name of these profiles (all of them for None); one UPDATE."""
    return _refresh(PROFILE_SEARCH_SQL, profile_ids)


def refresh_organisation_search(organisation_ids=None) -> int:
    """Rebuild the search vector of these organisations (all of them for None); one UPDATE."""
    return _refresh(ORGANISATION_SEARCH_SQL, organisation_ids)


# --- Queries -----------------------------------------------------------------------------------------


def clean_terms(text) -> str:
    """The user's words, trimmed and bounded (the query string is user input)."""
    return " ".join(str(text or "").split())[:200]


def _prefix_query(text: str) -> str:
    """``"benn sal"`` → ``"benn:* & sal:*"`` for as-you-type search, or "" when the user wrote operators.

    Only letters and digits reach to_tsquery, so its syntax cannot be broken by user input."""
    if re.search(r"[\"\-]|\bor\b", text, flags=re.IGNORECASE):
        return ""
    words = re.findall(r"[^\W_]+", text)
    return " & ".join(f"{word}:*" if len(word) >= PREFIX_MIN_LENGTH else word for word in words)


def search_query(text: str) -> SearchQuery:
    """The user's words (web-search syntax: "quotes", -not, or) in both configurations, plus prefixes."""
    query = SearchQuery(text, config="french_unaccent", search_type="websearch") | SearchQuery(
        text, config="simple_unaccent", search_type="websearch"
    )
    prefix = _prefix_query(text)
    if prefix:
        query |= SearchQuery(prefix, config="simple_unaccent", search_type="raw")
    return query


class TsFilter(Func):
    """``ts_filter(vector, '{a,b,c}')``: only the lexemes of these weights."""

    function = "ts_filter"


def _matching(queryset, text: str, *, public_fields_only: bool):
    query = search_query(text)
    queryset = queryset.filter(search_vector=query)
    if public_fields_only:
        # The GIN index finds the candidates; this recheck drops those matched only by members-only words.
        public_vector = TsFilter(F("search_vector"), Value(PUBLIC_WEIGHTS), output_field=SearchVectorField())
        queryset = queryset.alias(public_vector=public_vector).filter(public_vector=query)
    return queryset.annotate(rank=SearchRank(F("search_vector"), query))


def search_profiles(queryset, text: str, *, public_fields_only: bool):
    """Profiles matching the words, annotated with ``rank``. Visitors match public fields only."""
    return _matching(queryset, text, public_fields_only=public_fields_only)


def search_organisations(queryset, text: str, *, public_fields_only: bool):
    """Organisations matching the words, annotated with ``rank``. Visitors match public fields only."""
    return _matching(queryset, text, public_fields_only=public_fields_only)


class Unaccent(Func):
    function = "unaccent"


def close_profile_matches(queryset, text: str):
    """Profiles whose name is close to the words (typos), annotated with ``rank``. Run inside
    ``close_matching()``."""
    words = Unaccent(Value(text.lower()), output_field=TextField())
    return queryset.filter(search_name__trigram_word_similar=words).annotate(
        rank=TrigramStrictWordSimilarity(words, "search_name")
    )


def close_organisation_matches(queryset, text: str):
    """Organisations whose name is close to the words (typos), annotated with ``rank``. Run inside
    ``close_matching()``."""
    return queryset.filter(name__trigram_word_similar=text).annotate(
        rank=TrigramStrictWordSimilarity(Value(text), "name")
    )


@contextmanager
def close_matching():
    """A transaction in which trigram word similarity uses our threshold (``SET LOCAL``: this transaction
    only, so a pooled connection goes back unchanged)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(CLOSE_MATCH_THRESHOLD)])
        yield


# --- Directory pages ---------------------------------------------------------------------------------

PER_PAGE = 20


def listed_visibilities(viewer) -> list[str]:
    """The profile visibilities the directory lists for this viewer.

    This is ``Profile.objects.visible_to(viewer)`` without hidden profiles: a hidden profile appears nowhere,
    not even in its owner's own directory, so visible_to's "and always my own" branch adds nothing here.
    Written as plain ``visibility IN (…)`` without that OR, PostgreSQL can use the (visibility, …) indexes;
    tests/network/test_directory.py checks that both give the same profiles."""
    if viewer is None or not viewer.is_authenticated:
        return [Profile.Visibility.PUBLIC]
    return [Profile.Visibility.PUBLIC, Profile.Visibility.MEMBERS]


def profile_candidates(viewer):
    """Profiles of the visibilities listed for this viewer, whether or not their member is still active:
    only for counting (see ProfileFilterSet.count). Lists use ``directory_profiles``."""
    return Profile.objects.filter(visibility__in=listed_visibilities(viewer))


def directory_profiles(viewer):
    """The people a viewer may find in the directory: never hidden profiles, never inactive members."""
    return (
        profile_candidates(viewer)
        .filter(user__is_active=True)
        .select_related("user")
        .prefetch_related("sectors", "offers", "needs")
        .defer("search_vector", "bio")
    )


def merge_ordered(queryset, ordering, *, field, values, stop: int):
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


def directory_organisations():
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

    @property
    def page_range(self):
        return self.page.paginator.get_elided_page_range(self.page.number, on_each_side=1, on_ends=1)


class _Paginator(Paginator):
    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self):
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
