"""Helpers the autumn school's tests share. Pages are requested in English: translations come later."""

from tests.helpers import english_url


def en(name, *args):
    """The English address of an autumn school page, e.g. ``en("lesson", slug, lesson_id)``."""
    return en_site(f"autumn_school:{name}", *args)


def en_site(name, *args):
    """The English address of any named page, e.g. ``en_site("certificate_verify", code)``."""
    return english_url(name, *args)
