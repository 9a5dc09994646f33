"""The ticket's QR code: a signed token naming the registration, so it cannot be guessed or forged.

The code encodes the check-in URL; staff scan it with any phone camera and land on the check-in page.
"""

from django.core import signing
from django.urls import reverse

from dimobel.mail import absolute_url
from events.models import Registration

SALT = "events.checkin"


def checkin_token(registration) -> str:
    # The registration's secret is part of the payload: a token stops working if the secret is rotated. No
    # timestamp, so a ticket has one code: the same in the email, on the ticket page and on the badge.
    return signing.Signer(salt=SALT).sign_object([registration.pk, registration.secret[:10]], compress=True)


def registration_from_token(token) -> Registration | None:
    """The registration a token names, or None for a forged, altered or outdated token."""
    try:
        pk, secret_start = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    registration = Registration.objects.select_related("event", "category", "checked_in_by").filter(pk=pk).first()
    if registration is None or registration.secret[:10] != secret_start:
        return None
    return registration


def checkin_url(registration) -> str:
    return absolute_url(reverse("events:checkin", args=[checkin_token(registration)]))
