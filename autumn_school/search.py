"""The catalogue's search index (PostgreSQL full text), built like the directory's (network/search.py); the
query side is ``selectors.catalogue.search_modules``.

Each module keeps a ``search_vector`` (GIN-indexed) built by one SQL UPDATE. Every text is indexed twice:
with ``french_unaccent`` (French stems: "financement" ≈ "financer") and with ``simple_unaccent`` (words as
typed: names, Dutch, English and Arabic words). The weights say where a word came from, so a match in the
title ranks above a match in the description:

    A  title
    B  summary, theme (named in the four languages)
    C  description, instructors' names

Keep the vectors fresh: ``refresh_module_search([module.pk])`` after saving a module, its instructors or its
theme (services.catalogue does it for the admin's edits).
"""

from django.db import connection

# Table names are Django's defaults for the autumn_school and network apps; the SQL is static, the ids
# only ever arrive as parameters.
MODULE_SEARCH_SQL = """
WITH texts AS (
    SELECT m.id,
           m.title,
           m.summary || ' ' || concat_ws(' ', t.name_fr, t.name_en, t.name_nl, t.name_ar) AS summary_and_theme,
           m.description || ' ' ||
           coalesce((SELECT string_agg(u.first_name || ' ' || u.last_name, ' ')
                     FROM autumn_school_module_instructors mi JOIN network_user u ON u.id = mi.user_id
                     WHERE mi.module_id = m.id), '') AS details
    FROM autumn_school_module m JOIN autumn_school_theme t ON t.id = m.theme_id
    WHERE %s::bigint[] IS NULL OR m.id = ANY(%s::bigint[])
)
UPDATE autumn_school_module AS m SET
    search_vector =
        setweight(to_tsvector('simple_unaccent', t.title), 'A')
        || setweight(to_tsvector('french_unaccent', t.title), 'A')
        || setweight(to_tsvector('simple_unaccent', t.summary_and_theme), 'B')
        || setweight(to_tsvector('french_unaccent', t.summary_and_theme), 'B')
        || setweight(to_tsvector('simple_unaccent', t.details), 'C')
        || setweight(to_tsvector('french_unaccent', t.details), 'C')
FROM texts t
WHERE t.id = m.id
"""


def refresh_module_search(module_ids=None) -> int:
    """Rebuild the search vector of these modules (all of them for None) in one UPDATE; returns the row count."""
    ids = None if module_ids is None else [int(pk) for pk in module_ids]
    if ids == []:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(MODULE_SEARCH_SQL, [ids, ids])
        return cursor.rowcount
