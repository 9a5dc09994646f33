"""Helpers the network's tests share. Pages are requested in English, so tests read our own msgids."""

from tests.helpers import english_url


def en(name, *args) -> str:
    """The English address of a network page, e.g. ``en("organisation_detail", slug)``."""
    return english_url(f"network:{name}", *args)
