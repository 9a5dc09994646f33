"""What the autumn school reminds learners of. The shared sweep (dimobel.reminders) sends each reminder once."""

from collections import defaultdict
from datetime import timedelta

from autumn_school.models import Enrolment, LiveSession
from autumn_school.notifications import in_language_of, link
from dimobel import reminders

DAY_BEFORE = timedelta(hours=24)
HOUR_BEFORE = timedelta(hours=1)


def _which(session, now):
    """The reminder due for the session right now: "24h" until an hour before the start, then "1h"."""
    if session.starts_at - HOUR_BEFORE <= now < session.starts_at:
        return "1h"
    if session.starts_at - DAY_BEFORE <= now < session.starts_at - HOUR_BEFORE:
        return "24h"
    return None


@reminders.provider
def live_session_reminders(now):
    """Enrolled learners hear about a live session the day before and an hour before. A sweep that runs late
    still sends the one due at that moment; once the session has started, nothing more goes out."""
    sessions = list(
        LiveSession.objects.filter(
            starts_at__gt=now,
            starts_at__lte=now + DAY_BEFORE,
            module__is_published=True,
            module__edition__is_published=True,
        )
        .select_related("module")
        .order_by("starts_at", "pk")
    )
    if not sessions:
        return
    learners_by_module = defaultdict(list)
    enrolments = (
        Enrolment.objects.active()
        .filter(module_id__in={session.module_id for session in sessions}, learner__is_active=True)
        .select_related("learner")
        .order_by("pk")
    )
    for enrolment in enrolments:
        learners_by_module[enrolment.module_id].append(enrolment.learner)
    for session in sessions:
        which = _which(session, now)
        due_at = session.starts_at - (HOUR_BEFORE if which == "1h" else DAY_BEFORE)
        for learner in learners_by_module[session.module_id]:
            # Links in the learner's language, like the email itself.
            with in_language_of(learner):
                module_url = link("autumn_school:module_detail", session.module.slug)
                ics_url = link("autumn_school:session_ics", session.pk)
                join_url = link("autumn_school:session_join", session.pk)
            yield reminders.Reminder(
                kind=f"autumn_school.live_session.{which}",
                obj=session,
                recipient=learner,
                due_at=due_at,
                template_prefix="emails/autumn_school/live_session_reminder",
                context={
                    "session": session,
                    "module": session.module,
                    "when": "tomorrow" if which == "24h" else "in one hour",
                    "module_url": module_url,
                    "ics_url": ics_url,
                    "join_url": join_url,
                },
            )
