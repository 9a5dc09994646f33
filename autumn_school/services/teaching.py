"""What instructors see of their cohort, and the one-click nudge to learners who went quiet.

The cohort is read in a fixed number of queries however many learners there are: per-learner figures
(progress, best quiz score) are correlated subqueries on the enrolment rows.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from autumn_school.models import Enrolment, LiveSession, Quiz, QuizAttempt
from autumn_school.notifications import in_language_of, link
from autumn_school.services.enrolment import seats_left
from autumn_school.services.progress import progress_of, with_progress
from dimobel.mail import queue_mail

INACTIVE_AFTER = timedelta(days=7)
# A learner nudged once is not nudged again for a day, however often the button is pressed.
NUDGE_COOLDOWN = timedelta(hours=24)


def cohort(module):
    """Every enrolment of the module (any status) with the figures the instructor page and the CSV show."""
    enrolments = (
        Enrolment.objects.filter(module=module)
        .select_related("learner")
        .annotate(
            best_score=Subquery(
                QuizAttempt.objects.filter(enrolment=OuterRef("pk")).order_by("-score").values("score")[:1]
            ),
            active_since=_active_since(),
        )
        .order_by("learner__last_name", "learner__first_name", "pk")
    )
    return with_progress(enrolments)


def _active_since():
    # A learner who never opened a lesson counts from the day they enrolled.
    return Coalesce("last_activity_at", "enrolled_at", "created_at")


def inactive(queryset, now=None):
    """Enrolled learners who have not finished and have done nothing for a week (or nothing since enrolling
    a week ago)."""
    cutoff = (now or timezone.now()) - INACTIVE_AFTER
    return queryset.alias(quiet_since=_active_since()).filter(
        status=Enrolment.Status.ENROLLED,
        completed_at__isnull=True,
        learner__is_active=True,
        quiet_since__lt=cutoff,
    )


@dataclass
class CohortOverview:
    module: object
    enrolled: list = field(default_factory=list)
    waitlist: list = field(default_factory=list)
    cancelled: list = field(default_factory=list)
    has_quiz: bool = False
    sessions: list = field(default_factory=list)

    @property
    def completed_count(self):
        return sum(1 for enrolment in self.enrolled if enrolment.completed_at)

    @property
    def inactive_count(self):
        return sum(1 for enrolment in self.enrolled if enrolment.is_inactive)

    @property
    def seats_left(self):
        return seats_left(self.module.capacity, len(self.enrolled))


def cohort_overview(module, now=None) -> CohortOverview:
    now = now or timezone.now()
    cutoff = now - INACTIVE_AFTER
    overview = CohortOverview(
        module=module,
        has_quiz=Quiz.objects.filter(module=module).exists(),
        sessions=list(
            LiveSession.objects.filter(module=module)
            .annotate(present_count=Count("attendances"))
            .order_by("starts_at", "pk")
        ),
    )
    waitlisted = []
    for enrolment in cohort(module):
        enrolment.progress = progress_of(enrolment)
        enrolment.never_active = enrolment.last_activity_at is None
        # The same rule as inactive(), so the button's count is the number of emails it sends.
        enrolment.is_inactive = (
            enrolment.status == Enrolment.Status.ENROLLED
            and enrolment.completed_at is None
            and enrolment.learner.is_active
            and enrolment.active_since < cutoff
        )
        if enrolment.status == Enrolment.Status.ENROLLED:
            overview.enrolled.append(enrolment)
        elif enrolment.status == Enrolment.Status.WAITLISTED:
            waitlisted.append(enrolment)
        else:
            overview.cancelled.append(enrolment)
    waitlisted.sort(key=lambda enrolment: (enrolment.waitlisted_at, enrolment.pk))
    for position, enrolment in enumerate(waitlisted, start=1):
        enrolment.waitlist_position = position
    overview.waitlist = waitlisted
    return overview


def _nudge_key(module, learner_id):
    return f"autumn_school:inactive-nudge:{module.pk}:{learner_id}"


def _send_nudge(*, enrolment, sender):
    learner = enrolment.learner
    module = enrolment.module
    with in_language_of(learner):
        resume_url = link("autumn_school:resume", module.slug)
        module_url = link("autumn_school:module_detail", module.slug)
    queue_mail(
        template_prefix="emails/autumn_school/inactive_nudge",
        to=learner,
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


def email_inactive_learners(*, module, sender, now=None) -> tuple[int, int]:
    """Email each inactive learner a nudge with a link to resume, replies going to the sender.

    Returns (emailed, skipped). The "not twice within 24 hours" guard is a cache key per learner and module
    (``cache.add`` is atomic on Redis): cheap, and losing it on a cache flush only risks one extra email.
    """
    enrolments = inactive(Enrolment.objects.filter(module=module), now).select_related("learner", "module")
    emailed = skipped = 0
    for enrolment in enrolments.order_by("pk"):
        if not cache.add(_nudge_key(module, enrolment.learner_id), True, NUDGE_COOLDOWN.total_seconds()):
            skipped += 1
            continue
        _send_nudge(enrolment=enrolment, sender=sender)
        emailed += 1
    return emailed, skipped
