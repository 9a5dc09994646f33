"""What the autumn school reminds learners of. The shared sweep (dimobel.reminders) sends each reminder once."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from autumn_school.selectors.live import enrolled_learners_by_module, sessions_starting
from dimobel import reminders
from dimobel.notify import in_language_of, link

DAY_BEFORE = timedelta(hours=24)
HOUR_BEFORE = timedelta(hours=1)


def _which(session, now) -> str | None:
    """The reminder due for the session right now: "24h" until an hour before the start, then "1h"."""
    if session.starts_at - HOUR_BEFORE <= now < session.starts_at:
        return "1h"
    if session.starts_at - DAY_BEFORE <= now < session.starts_at - HOUR_BEFORE:
        return "24h"
    return None


@reminders.provider
def live_session_reminders(now: datetime) -> Iterator[reminders.Reminder]:
    """Enrolled learners hear about a live session the day before and an hour before. A sweep that runs late
    still sends the one due at that moment; once the session has started, nothing more goes out."""
    sessions = sessions_starting(after=now, within=DAY_BEFORE)
    if not sessions:
        return
    learners_by_module = enrolled_learners_by_module({session.module_id for session in sessions})
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
                    "tomorrow": which == "24h",
                    "module_url": module_url,
                    "ics_url": ics_url,
                    "join_url": join_url,
                },
            )
