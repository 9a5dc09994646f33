"""Searching the directory (PostgreSQL): full-text on the stored vectors (network.services.search keeps them
fresh), and a typo-tolerant fallback.

Visitors only match the public weights (A names, B headline/kind/sectors, C city/country); members also D
(bio, expertise, description). When nothing matches exactly, ``close_*_matches`` falls back to trigram word
similarity on the name (``pg_trgm``, GIN-indexed), so "Benanni" still finds "Bennani"; strict word similarity
ranks them (it prefers a whole close word, "Bennani", to a close part of one, "Benali").
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField, TrigramStrictWordSimilarity
from django.db import connection, transaction
from django.db.models import F, Func, QuerySet, TextField, Value

from network.models import Organisation, Profile

# "Benanni" is 0.45 word-similar to "salma bennani"; 0.6 (PostgreSQL's default) misses most typos, and
# below 0.35 unrelated names start to match.
CLOSE_MATCH_THRESHOLD = 0.4
# Prefix matching ("benn" → "Bennani") only for words this long, so "a" does not match every row.
PREFIX_MIN_LENGTH = 3
PUBLIC_WEIGHTS = "{a,b,c}"


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


def _matching(queryset: QuerySet, text: str, *, public_fields_only: bool) -> QuerySet:
    query = search_query(text)
    queryset = queryset.filter(search_vector=query)
    if public_fields_only:
        # The GIN index finds the candidates; this recheck drops those matched only by members-only words.
        public_vector = TsFilter(F("search_vector"), Value(PUBLIC_WEIGHTS), output_field=SearchVectorField())
        queryset = queryset.alias(public_vector=public_vector).filter(public_vector=query)
    return queryset.annotate(rank=SearchRank(F("search_vector"), query))


def search_profiles(queryset: QuerySet[Profile], text: str, *, public_fields_only: bool) -> QuerySet[Profile]:
    """Profiles matching the words, annotated with ``rank``. Visitors match public fields only."""
    return _matching(queryset, text, public_fields_only=public_fields_only)


def search_organisations(
    queryset: QuerySet[Organisation], text: str, *, public_fields_only: bool
) -> QuerySet[Organisation]:
    """Organisations matching the words, annotated with ``rank``. Visitors match public fields only."""
    return _matching(queryset, text, public_fields_only=public_fields_only)


class Unaccent(Func):
    function = "unaccent"


def close_profile_matches(queryset: QuerySet[Profile], text: str) -> QuerySet[Profile]:
    """Profiles whose name is close to the words (typos), annotated with ``rank``. Run inside
    ``close_matching()``."""
    words = Unaccent(Value(text.lower()), output_field=TextField())
    return queryset.filter(search_name__trigram_word_similar=words).annotate(
        rank=TrigramStrictWordSimilarity(words, "search_name")
    )


def close_organisation_matches(queryset: QuerySet[Organisation], text: str) -> QuerySet[Organisation]:
    """Organisations whose name is close to the words (typos), annotated with ``rank``. Run inside
    ``close_matching()``."""
    return queryset.filter(name__trigram_word_similar=text).annotate(
        rank=TrigramStrictWordSimilarity(Value(text), "name")
    )


@contextmanager
def close_matching() -> Iterator[None]:
    """A transaction in which trigram word similarity uses our threshold (``SET LOCAL``: this transaction
    only, so a pooled connection goes back unchanged)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(CLOSE_MATCH_THRESHOLD)])
        yield
