"""The emails a registration sends: confirm your address, the ticket, pending, waitlisted, promoted, declined,
cancelled, and "here is your link again".

Every email is queued in the outbox in the registration's own transaction (a rolled-back registration sends
nothing, a committed one cannot lose its email), in the member's language or the language the guest chose.
Members' links lead to their ticket page (sign-in needed); guests' links carry the registration's secret,
which is also where they edit answers or cancel.
"""

from dimobel import notify
from dimobel.calendar import build_calendar
from dimobel.mail import Attachment
from dimobel.qr import qr_png
from events.calendar_items import event_item
from events.contact import address_of, language_of, link, reminder_recipient
from events.tickets import checkin_url, confirm_token

ORGANISERS_MESSAGE = "events/organisers_message"


def ticket_attachments(registration) -> list[Attachment]:
    """The ticket travels with the email: the event in a calendar file, and the QR code staff scan at the door."""
    return [
        Attachment(f"{registration.event.slug}.ics", build_calendar([event_item(registration)]), "text/calendar"),
        Attachment("ticket-qr.png", qr_png(checkin_url(registration)), "image/png"),
    ]


def _send(registration, name, *, context=None, with_ticket=False) -> None:
    full_context = {
        "registration": registration,
        "event": registration.event,
        "is_guest": registration.user_id is None,
        "ticket_url": link(registration),
        "event_url": link(registration, "events:event_detail", registration.event.slug),
        **(context or {}),
    }
    notify.email_member(
        template=f"events/{name}",
        recipient=reminder_recipient(registration),
        language=language_of(registration),
        context=full_context,
        attachments=ticket_attachments(registration) if with_ticket else (),
        about=registration,
    )


def send_confirm_email(registration) -> None:
    confirm_url = link(registration, "events:confirm_email", confirm_token(registration))
    _send(registration, "registration_confirm_email", context={"confirm_url": confirm_url})


def send_ticket(registration) -> None:
    _send(registration, "registration_confirmed", with_ticket=True)


def send_status(registration, *, waitlist_position=None) -> None:
    """The email that tells a freshly placed registration where it stands."""
    if registration.is_confirmed:
        send_ticket(registration)
    elif registration.is_pending:
        _send(registration, "registration_pending")
    elif registration.is_waitlisted:
        _send(registration, "registration_waitlisted", context={"position": waitlist_position})


def send_promoted(registration) -> None:
    confirmed = registration.is_confirmed
    _send(registration, "registration_promoted", context={"confirmed": confirmed}, with_ticket=confirmed)


def send_declined(registration) -> None:
    _send(registration, "registration_declined")


def send_cancelled(registration) -> None:
    _send(registration, "registration_cancelled")


def send_existing_link(registration) -> None:
    """A second sign-up with an address already registered: the address's owner gets their link, and the
    page shows the same thing as for a new sign-up, so it reveals nothing about who registered."""
    if registration.is_awaiting_email:
        send_confirm_email(registration)
    else:
        _send(registration, "registration_link")


def send_organisers_message(registration, *, subject, message) -> None:
    """The organisers' own words as typed, in an email in the person's language with a link to their
    registration."""
    notify.email_member(
        template=ORGANISERS_MESSAGE,
        recipient=address_of(registration),
        language=language_of(registration),
        context={
            "subject": subject,
            "message": message,
            "name": registration.first_name,
            "event_title": registration.event.title,
            "registration_url": link(registration),
        },
        about=registration,
    )
