"""The instructors' one-click nudge to learners who went quiet (who counts as inactive:
``Enrolment.objects.inactive()``)."""

from datetime import datetime, timedelta

from django.core.cache import cache

from autumn_school.models import Enrolment, Module
from dimobel.notify import email_member, in_language_of, link

# A learner nudged once is not nudged again for a day, however often the button is pressed.
NUDGE_COOLDOWN = timedelta(hours=24)


def _nudge_key(module, learner_id) -> str:
    return f"autumn_school:inactive-nudge:{module.pk}:{learner_id}"


def _send_nudge(*, enrolment, sender) -> None:
    learner = enrolment.learner
    module = enrolment.module
    with in_language_of(learner):
        resume_url = link("autumn_school:resume", module.slug)
        module_url = link("autumn_school:module_detail", module.slug)
    email_member(
        recipient=learner,
        template="autumn_school/inactive_nudge",
        context={
            "learner": learner,
            "module": module,
            "instructor_name": sender.get_full_name() or sender.email,
            "resume_url": resume_url,
            "module_url": module_url,
        },
        reply_to=[sender.email],
        about=enrolment,
    )


def email_inactive_learners(*, module: Module, sender, now: datetime | None = None) -> tuple[int, int]:
    """Email each inactive learner a nudge with a link to resume, replies going to the sender.

    Returns (emailed, skipped). The "not twice within 24 hours" guard is a cache key per learner and module
    (``cache.add`` is atomic on Redis): cheap, and losing it on a cache flush only risks one extra email.
    """
    enrolments = Enrolment.objects.filter(module=module).inactive(now).select_related("learner", "module")
    emailed = skipped = 0
    for enrolment in enrolments.order_by("pk"):
        if not cache.add(_nudge_key(module, enrolment.learner_id), True, NUDGE_COOLDOWN.total_seconds()):
            skipped += 1
            continue
        _send_nudge(enrolment=enrolment, sender=sender)
        emailed += 1
    return emailed, skipped
