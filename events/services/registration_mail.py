"""The emails a registration sends: confirm your address, the ticket, pending, waitlisted, promoted, declined,
cancelled, and "here is your link again".

Every email is queued in the outbox in the registration's own transaction (a rolled-back registration sends
nothing, a committed one cannot lose its email), in the member's language or the language the guest chose.
Members' links lead to their ticket page (sign-in needed); guests' links carry the registration's secret,
which is also where they edit answers or cancel.
"""

from django.core import signing

from dimobel.calendar import build_calendar
from dimobel.mail import Attachment, queue_mail
from dimobel.qr import qr_png
from events.calendar_items import event_item
from events.contact import language_of, link, reminder_recipient
from events.models import Registration
from events.tickets import checkin_url

CONFIRM_SALT = "events.registration.confirm-email"


def confirm_token(registration) -> str:
    # The address is part of the payload: a link sent for one address cannot confirm a row that now holds another.
    return signing.dumps([registration.pk, registration.email.lower()], salt=CONFIRM_SALT, compress=True)


def ticket_attachments(registration) -> list[Attachment]:
    """The ticket travels with the email: the event in a calendar file, and the QR code staff scan at the door."""
    return [
        Attachment(f"{registration.event.slug}.ics", build_calendar([event_item(registration)]), "text/calendar"),
        Attachment("ticket-qr.png", qr_png(checkin_url(registration)), "image/png"),
    ]


def _send(registration, name, *, context=None, with_ticket=False):
    full_context = {
        "registration": registration,
        "event": registration.event,
        "is_guest": registration.user_id is None,
        "ticket_url": link(registration),
        "event_url": link(registration, "events:event_detail", registration.event.slug),
        **(context or {}),
    }
    return queue_mail(
        template_prefix=f"emails/events/{name}",
        to=reminder_recipient(registration),
        language=language_of(registration),
        context=full_context,
        attachments=ticket_attachments(registration) if with_ticket else (),
        about=registration,
    )


def send_confirm_email(registration):
    confirm_url = link(registration, "events:confirm_email", confirm_token(registration))
    _send(registration, "registration_confirm_email", context={"confirm_url": confirm_url})


def send_ticket(registration):
    _send(registration, "registration_confirmed", with_ticket=True)


def send_status(registration, *, waitlist_position=None):
    """The email that tells a freshly placed registration where it stands."""
    status = registration.status
    if status == Registration.Status.CONFIRMED:
        send_ticket(registration)
    elif status == Registration.Status.PENDING:
        _send(registration, "registration_pending")
    elif status == Registration.Status.WAITLISTED:
        _send(registration, "registration_waitlisted", context={"position": waitlist_position})


def send_promoted(registration):
    confirmed = registration.status == Registration.Status.CONFIRMED
    _send(registration, "registration_promoted", context={"confirmed": confirmed}, with_ticket=confirmed)


def send_declined(registration):
    _send(registration, "registration_declined")


def send_cancelled(registration):
    _send(registration, "registration_cancelled")


def send_existing_link(registration):
    """A second sign-up with an address already registered: the address's owner gets their link, and the
    page shows the same thing as for a new sign-up, so it reveals nothing about who registered."""
    if registration.status == Registration.Status.AWAITING_EMAIL:
        send_confirm_email(registration)
    else:
        _send(registration, "registration_link")
