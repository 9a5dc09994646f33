"""Reminders 7 days and 1 day before an event, to confirmed registrants, members and guests alike. The shared
sweep (dimobel.reminders) sends each one once: a member's is recorded against their account, a guest's (no
account) against the registration alone.

Importing this module also registers the B2B reminders (events.b2b_reminders).
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q

from dimobel import reminders
from dimobel.models import SentReminder
from events import b2b_reminders  # noqa: F401 (registers the B2B providers with the sweep)
from events.contact import language_of, link, reminder_recipient
from events.models import Registration

# (kind, how long before the start it becomes due, until when before the start it is still worth sending)
WINDOWS = [
    ("events.registration.7d", timedelta(days=7), timedelta(days=1)),
    ("events.registration.1d", timedelta(days=1), timedelta(0)),
]


def not_yet_sent(kind, model):
    """The condition "this kind of reminder has not gone out about this row yet". One addressee per row
    (a registration, a B2B participant), so a guest who later links an account is not reminded twice."""
    already_sent = SentReminder.objects.filter(
        kind=kind, content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
    )
    return ~Exists(already_sent)


# Members with an active account, and guests (no account) reached at their address.
REACHABLE = Q(user__isnull=True) | Q(user__is_active=True)


def _due(now, kind, before, until):
    """Confirmed registrations for events starting in (now + until, now + before], not yet reminded."""
    return (
        Registration.objects.confirmed()
        .filter(
            REACHABLE,
            not_yet_sent(kind, Registration),
            event__starts_at__gt=now + until,
            event__starts_at__lte=now + before,
        )
        .select_related("event", "category", "user")
        .order_by("event__starts_at", "pk")
    )


@reminders.provider
def registration_reminders(now):
    for kind, before, until in WINDOWS:
        for registration in _due(now, kind, before, until):
            yield reminders.Reminder(
                kind=kind,
                obj=registration,
                recipient=reminder_recipient(registration),
                language=language_of(registration),
                due_at=registration.event.starts_at - before,
                template_prefix="emails/events/event_reminder",
                context={
                    "registration": registration,
                    "event": registration.event,
                    "days": before.days,
                    "ticket_url": link(registration),
                    "programme_url": link(registration, "events:programme", registration.event.slug),
                },
            )
