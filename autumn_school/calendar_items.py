"""Live sessions in calendars: the one-session .ics and each member's personal feed."""

from django.urls import reverse

from autumn_school.models import LiveSession
from autumn_school.selectors.live import sessions_for_member
from dimobel import calendar
from dimobel.notify import link


def session_item(session: LiveSession) -> calendar.CalendarItem:
    """The session as a calendar event. Its location is the site's join address, never the meeting link:
    that one only works from 15 minutes before the start, and only for the people allowed in."""
    module = session.module
    return calendar.CalendarItem(
        uid=f"autumn-school-session-{session.pk}",
        title=f"{module.title} – {session.title}",
        start=session.starts_at,
        end=session.ends_at,
        location=link("autumn_school:session_join", session.pk),
        description=session.description,
        url=reverse("autumn_school:module_detail", args=[module.slug]),
    )


@calendar.source
def live_sessions(user) -> list[calendar.CalendarItem]:
    if not user.is_authenticated:
        return []
    return [session_item(session) for session in sessions_for_member(user)]
