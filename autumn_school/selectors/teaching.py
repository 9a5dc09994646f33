"""What instructors see of their cohort.

The cohort is read in a fixed number of queries however many learners there are: per-learner figures
(progress, best quiz score, inactivity) are annotations on the enrolment rows.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, OuterRef, QuerySet, Subquery

from autumn_school.models import Enrolment, LiveSession, Module, QuizAttempt
from autumn_school.selectors.enrolment import seats_left
from autumn_school.selectors.progress import progress_of, with_progress
from autumn_school.selectors.quizzes import has_quiz


def cohort(module: Module, now: datetime | None = None) -> QuerySet:
    """Every enrolment of the module (any status) with the figures the instructor page and the CSV show."""
    best_score = QuizAttempt.objects.filter(enrolment=OuterRef("pk")).best_first().values("score")[:1]
    enrolments = (
        Enrolment.objects.filter(module=module)
        .select_related("learner")
        .with_inactivity(now)
        .annotate(best_score=Subquery(best_score))
        .order_by("learner__last_name", "learner__first_name", "pk")
    )
    return with_progress(enrolments)


@dataclass
class CohortOverview:
    module: Module
    enrolled: list = field(default_factory=list)
    waitlist: list = field(default_factory=list)
    cancelled: list = field(default_factory=list)
    has_quiz: bool = False
    sessions: list = field(default_factory=list)

    @property
    def completed_count(self) -> int:
        return sum(1 for enrolment in self.enrolled if enrolment.is_completed)

    @property
    def inactive_count(self) -> int:
        return sum(1 for enrolment in self.enrolled if enrolment.is_inactive)

    @property
    def seats_left(self) -> int | None:
        return seats_left(self.module.capacity, len(self.enrolled))

    @property
    def everyone(self) -> list[Enrolment]:
        """Every enrolment, by name (the CSV)."""
        return sorted(
            [*self.enrolled, *self.waitlist, *self.cancelled],
            key=lambda e: (e.learner.last_name, e.learner.first_name, e.pk),
        )


def cohort_overview(module: Module, now: datetime | None = None) -> CohortOverview:
    overview = CohortOverview(
        module=module,
        has_quiz=has_quiz(module),
        sessions=list(
            LiveSession.objects.filter(module=module)
            .annotate(present_count=Count("attendances"))
            .order_by("starts_at", "pk")
        ),
    )
    waitlisted = []
    for enrolment in cohort(module, now):
        enrolment.progress = progress_of(enrolment)
        enrolment.never_active = enrolment.last_activity_at is None
        if enrolment.is_enrolled:
            overview.enrolled.append(enrolment)
        elif enrolment.is_waitlisted:
            waitlisted.append(enrolment)
        else:
            overview.cancelled.append(enrolment)
    waitlisted.sort(key=lambda enrolment: (enrolment.waitlisted_at, enrolment.pk))
    for position, enrolment in enumerate(waitlisted, start=1):
        enrolment.waitlist_position = position
    overview.waitlist = waitlisted
    return overview
