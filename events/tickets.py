"""The signed tokens a registration's links carry, so they cannot be guessed or forged: the ticket's QR code and
the guest's email confirmation link.

The QR code encodes the check-in URL; staff scan it with any phone camera and land on the check-in page.
"""

from datetime import timedelta

from django.core import signing
from django.urls import reverse

from dimobel.mail import absolute_url

SALT = "events.checkin"
CONFIRM_SALT = "events.registration.confirm-email"
CONFIRM_MAX_AGE = timedelta(days=3)


def checkin_token(registration) -> str:
    # The registration's secret is part of the payload: a token stops working if the secret is rotated. No
    # timestamp, so a ticket has one code: the same in the email, on the ticket page and on the badge.
    return signing.Signer(salt=SALT).sign_object([registration.pk, registration.secret[:10]], compress=True)


def read_checkin_token(token) -> tuple[int, str] | None:
    """(registration id, start of its secret) from a check-in token, or None for a forged or altered one."""
    try:
        pk, secret_start = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return pk, secret_start


def checkin_url(registration) -> str:
    return absolute_url(reverse("events:checkin", args=[checkin_token(registration)]))


def confirm_token(registration) -> str:
    # The address is part of the payload: a link sent for one address cannot confirm a row that now holds another.
    return signing.dumps([registration.pk, registration.email.lower()], salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token) -> tuple[int, str] | None:
    """(registration id, address) from a confirmation link's token, or None for a forged, altered or expired one."""
    try:
        pk, email = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return pk, email
