"""Live sessions: when the meeting link may be opened, a module's sessions, who attended, the sessions in a
member's calendar and those due for a reminder."""

from collections import defaultdict
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from autumn_school.models import Attendance, Enrolment, LiveSession, Module

# What the join link does at a given moment.
NOT_YET_OPEN = "not_yet_open"
OPEN = "open"
ENDED = "ended"


def join_state(session: LiveSession, now: datetime | None = None) -> str:
    """The meeting link opens 15 minutes before the start and closes at the end of the session."""
    now = now or timezone.now()
    if now < session.join_opens_at:
        return NOT_YET_OPEN
    if now >= session.ends_at:
        return ENDED
    return OPEN


def sessions_of(module: Module, *, follows: bool, now: datetime | None = None) -> list[LiveSession]:
    """The module's sessions, each with ``has_ended``, ``is_live`` and ``can_join`` (for those who follow the
    module, during the join window)."""
    now = now or timezone.now()
    # The meeting link is never read here: it is handed out by the join view, from 15 minutes before.
    sessions = list(module.live_sessions.defer("meeting_url"))
    for session in sessions:
        state = join_state(session, now)
        session.has_ended = state == ENDED
        session.can_join = follows and state == OPEN
        session.is_live = session.starts_at <= now < session.ends_at
    return sessions


def present_learner_ids(session: LiveSession) -> list[int]:
    """The learners marked present at the session."""
    return list(Attendance.objects.filter(session=session).values_list("learner_id", flat=True))


def sessions_for_member(user) -> QuerySet:
    """Live sessions of the modules the member holds a place in or teaches."""
    enrolled = Enrolment.objects.active().filter(learner_id=user.pk).values("module_id")
    taught = Module.instructors.through.objects.filter(user_id=user.pk).values("module_id")
    return (
        LiveSession.objects.filter(Q(module_id__in=enrolled) | Q(module_id__in=taught))
        .select_related("module")
        .order_by("starts_at", "pk")
    )


def sessions_starting(*, after: datetime, within: timedelta) -> list[LiveSession]:
    """Sessions of modules in the catalogue that start after ``after`` and at most ``within`` later."""
    return list(
        LiveSession.objects.in_catalogue()
        .filter(starts_at__gt=after, starts_at__lte=after + within)
        .select_related("module")
        .order_by("starts_at", "pk")
    )


def enrolled_learners_by_module(module_ids) -> dict[int, list]:
    """Module id → the active members holding a place in it, in the order they enrolled."""
    learners = defaultdict(list)
    enrolments = (
        Enrolment.objects.active()
        .filter(module_id__in=module_ids, learner__is_active=True)
        .select_related("learner")
        .order_by("pk")
    )
    for enrolment in enrolments:
        learners[enrolment.module_id].append(enrolment.learner)
    return learners
