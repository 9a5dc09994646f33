"""The taxonomies organisers maintain in the admin: sectors, types of help, kinds of organisation."""

from django.db import transaction

from network.models.taxonomy import TranslatedName
from network.tasks import refresh_search_index


def save_term(*, term: TranslatedName) -> TranslatedName:
    """Add or rename a term. Its names are in the search index of every profile and organisation using it, so a
    renamed term re-indexes them all in the background once saved (a new term is used by nobody yet)."""
    renamed = term.pk is not None
    with transaction.atomic():
        term.save()
        if renamed:
            transaction.on_commit(refresh_search_index.delay)
    return term
