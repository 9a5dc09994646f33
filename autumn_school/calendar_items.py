"""Live sessions in calendars: the one-session .ics and each member's personal feed."""

from django.db.models import Q
from django.urls import reverse

from autumn_school.models import Enrolment, LiveSession, Module
from autumn_school.notifications import link
from dimobel import calendar


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


def sessions_for_member(user):
    """Live sessions of the modules the member holds a place in or teaches."""
    enrolled = Enrolment.objects.active().filter(learner_id=user.pk).values("module_id")
    taught = Module.instructors.through.objects.filter(user_id=user.pk).values("module_id")
    return (
        LiveSession.objects.filter(Q(module_id__in=enrolled) | Q(module_id__in=taught))
        .select_related("module")
        .order_by("starts_at", "pk")
    )


@calendar.source
def live_sessions(user):
    if not user.is_authenticated:
        return []
    return [session_item(session) for session in sessions_for_member(user)]
