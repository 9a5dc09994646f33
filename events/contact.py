"""How the events app reaches a registrant: which address, in which language, and links that open in it.

A member is reached at their account's address (verified, and kept current by them), in their preferred
language; a guest (no account) at the address they registered with, in the language they chose. Every email and
reminder about a registration goes through these, so both kinds of people get the same treatment.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from dimobel import notify
from dimobel.mail import absolute_url


def language_of(registration) -> str:
    if registration.user_id:
        return notify.language_of(registration.user)
    return registration.language or settings.LANGUAGE_CODE


def address_of(registration) -> str:
    return registration.user.email if registration.user_id else registration.email


def reminder_recipient(registration):
    """Who a shared reminder (dimobel.reminders) goes to: the member, or the guest's address."""
    return registration.user if registration.user_id else registration.email


def ticket_path(registration) -> str:
    """Members see their ticket signed in; guests through their secret link."""
    if registration.user_id:
        return reverse("events:registration", args=[registration.pk])
    return reverse("events:guest_ticket", args=[registration.secret])


def link(registration, url_name=None, *args, anchor="") -> str:
    """An absolute link in the registrant's language: to ``url_name`` (with ``args``), or to their ticket."""
    with translation.override(language_of(registration)):
        path = reverse(url_name, args=args) if url_name else ticket_path(registration)
    return absolute_url(path) + (f"#{anchor}" if anchor else "")
