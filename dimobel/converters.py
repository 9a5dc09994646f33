"""Strict reading of what arrives in URLs and forms: the ``token`` path converter and ids typed or posted.

Odd input must end as a 404 or a form error, never reach a query that fails: PostgreSQL refuses a NUL byte in text,
and ``str.isdigit()`` is true for "²" and "٣", which ``int()`` then refuses or reads as 3.
"""

from django.urls import register_converter

# PostgreSQL's bigint; beyond it a lookup can only miss.
LARGEST_ID = 2**63 - 1


class TokenConverter:
    """A token or secret in a path (calendar feeds, tickets, invitations, check-in and confirmation links,
    certificate codes, unsubscribe links): the alphabet of ``secrets.token_urlsafe`` and ``django.core.signing``,
    and a bounded length. Anything else is a 404 from the resolver, before any view or query sees it."""

    regex = "[A-Za-z0-9_:.-]{1,512}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TokenConverter, "token")


def id_or_none(value) -> int | None:
    """The id in a query string or a form value, or None when it is not one: ASCII digits, within bigint. (The
    length is checked first: int() refuses more than 4,300 digits with a ValueError.)"""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not (value.isascii() and value.isdigit() and len(value) <= len(str(LARGEST_ID))):
        return None
    number = int(value)
    return number if number <= LARGEST_ID else None
