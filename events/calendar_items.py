"""The events app in calendars: a registration's event (the ticket's .ics), starred programme sessions (the
agenda's .ics) and accepted B2B meetings (the schedule's .ics), and the last two in each member's personal feed.
"""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from dimobel import calendar
from events.contact import ticket_path
from events.models import B2BParticipant, Meeting, MeetingSeat, Session


def place(event) -> str:
    return f"{event.venue_name}, {event.address}"


def event_item(registration) -> calendar.CalendarItem:
    """The event a registration is for, linking to the ticket."""
    event = registration.event
    return calendar.CalendarItem(
        uid=f"event-{event.pk}-registration-{registration.pk}",
        title=event.title,
        start=event.starts_at,
        end=event.ends_at,
        location=place(event),
        description=event.summary,
        url=ticket_path(registration),
    )


def session_item(session: Session) -> calendar.CalendarItem:
    """The session as a calendar event; needs ``event`` and ``room`` loaded."""
    event = session.event
    return calendar.CalendarItem(
        uid=f"event-session-{session.pk}",
        title=f"{session.title} – {event.title}",
        start=session.starts_at,
        end=session.ends_at,
        location=f"{session.room.name}, {place(event)}" if session.room_id else place(event),
        description=session.abstract,
        url=reverse("events:session", args=[event.slug, session.pk]),
    )


def meeting_item(meeting, participant) -> calendar.CalendarItem:
    """The meeting as seen by ``participant``: with whom, where, at which table."""
    other = meeting.other_side(participant.pk)
    event = meeting.event
    return calendar.CalendarItem(
        uid=f"events-b2b-meeting-{meeting.pk}",
        title=_("B2B meeting with %(name)s") % {"name": other.registration.name_and_organisation},
        start=meeting.starts_at,
        end=meeting.ends_at,
        location=_("%(venue)s, table %(table)s") % {"venue": event.venue_name, "table": meeting.table},
        description=meeting.message,
        url=reverse("events:b2b_schedule", args=[event.slug]),
    )


# The member's personal feed


@calendar.source
def starred_sessions(user):
    if not user.is_authenticated:
        return []
    sessions = (
        Session.objects.filter(stars__user_id=user.pk, event__is_published=True)
        .select_related("event", "room")
        .order_by("starts_at", "pk")
    )
    return [session_item(session) for session in sessions]


@calendar.source
def b2b_meetings(user):
    """The member's accepted meetings, in one query, whichever side of the request they were on."""
    if not user.is_authenticated:
        return []
    mine = B2BParticipant.objects.active().filter(registration__user_id=user.pk)
    my_seats = MeetingSeat.objects.filter(meeting=OuterRef("pk"), participant__in=mine)
    meetings = (
        Meeting.objects.filter(Exists(my_seats))
        .accepted()
        .select_related("event", "requester__registration", "recipient__registration")
        .order_by("starts_at", "pk")
    )
    items = []
    for meeting in meetings:
        me = meeting.requester if meeting.requester.registration.user_id == user.pk else meeting.recipient
        items.append(meeting_item(meeting, me))
    return items
