"""The directory's search index (PostgreSQL full-text): rebuilding the stored vectors. Searching them is
network.selectors.search.

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

Keep the vectors fresh: the services that save a profile (or the member's name), an organisation or a taxonomy
term call ``refresh_profile_search([profile.pk])`` / ``refresh_organisation_search([organisation.pk])``; views
and the admin call those services, never these functions.
"""

from functools import lru_cache

from django.db import connection
from django.utils import translation
from django_countries import countries

LANGUAGES = ("fr", "en", "nl", "ar")


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
