"""B2B reminders: the agenda the day before, and one nudge to participants with no meetings yet.

Imported by events/reminders.py; the shared sweep (dimobel.reminders) sends each reminder once. A participant
without an account (a guest organisers added in the admin) gets the agenda at their address, with a link to
their ticket; they are not nudged, since booking meetings online needs an account.
"""

from datetime import timedelta

from django.db.models import Exists, Min, OuterRef, Q

from dimobel import reminders
from events.contact import language_of, link, reminder_recipient
from events.models import B2BParticipant, Meeting
from events.selectors.b2b import agendas

AGENDA_NOTICE = timedelta(days=1)
NUDGE_NOTICE = timedelta(days=5)


def _participants():
    return (
        B2BParticipant.objects.active()
        .filter(Q(registration__user__isnull=True) | Q(registration__user__is_active=True), event__b2b_enabled=True)
        .select_related("event", "registration__user")
    )


def _reminder(participant, *, kind, due_at, template, context):
    registration = participant.registration
    return reminders.Reminder(
        kind=kind,
        obj=participant,
        recipient=reminder_recipient(registration),
        language=language_of(registration),
        due_at=due_at,
        template_prefix=f"emails/events/{template}",
        context={
            "event": participant.event,
            "registration": registration,
            "is_guest": registration.user_id is None,
            **context,
        },
    )


@reminders.provider
def agenda_day_before(now):
    """Each participant with accepted meetings gets their agenda once, during the day before their first one."""
    due = list(
        _participants()
        .annotate(first_meeting=Min("seats__starts_at"))
        .filter(first_meeting__gt=now, first_meeting__lte=now + AGENDA_NOTICE)
        .order_by("pk")
    )
    by_participant = agendas(due)
    for participant in due:
        registration = participant.registration
        # Guests cannot open the schedule page (it needs an account): their link is their ticket.
        if registration.user_id:
            schedule_url = link(registration, "events:b2b_schedule", participant.event.slug)
        else:
            schedule_url = link(registration)
        yield _reminder(
            participant,
            kind="events.b2b.agenda_day_before",
            due_at=participant.first_meeting - AGENDA_NOTICE,
            template="b2b_agenda",
            context={"meetings": by_participant[participant.pk], "schedule_url": schedule_url},
        )


@reminders.provider
def nudge_5d(now):
    """Active members with no meeting (accepted or requested) hear once, five days before the event."""
    any_meeting = Meeting.objects.open().filter(Q(requester=OuterRef("pk")) | Q(recipient=OuterRef("pk")))
    quiet = (
        _participants()
        .filter(registration__user__isnull=False)
        .filter(event__starts_at__gt=now, event__starts_at__lte=now + NUDGE_NOTICE)
        .filter(~Exists(any_meeting))
        .order_by("pk")
    )
    for participant in quiet:
        yield _reminder(
            participant,
            kind="events.b2b.nudge_5d",
            due_at=participant.event.starts_at - NUDGE_NOTICE,
            template="b2b_nudge",
            context={
                "participants_url": link(participant.registration, "events:b2b_participants", participant.event.slug)
            },
        )
