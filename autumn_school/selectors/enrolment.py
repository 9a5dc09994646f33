"""Enrolment reads: seats, the waitlist, what may stop a learner from enrolling, what the enrol button offers,
and each learner's courses ("My courses", the dashboard)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Case, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from autumn_school.models import Certificate, Enrolment, Module
from autumn_school.models.expressions import count_rows
from autumn_school.selectors.progress import progress_of, with_progress

Status = Enrolment.Status


def enrolment_of(user, module: Module) -> Enrolment | None:
    """The member's enrolment in the module, whatever its status, or None (also for visitors)."""
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(module=module, learner=user).first()


def active_enrolment(user, module: Module) -> Enrolment | None:
    """The member's enrolment in the module if they hold a place (not waitlisted or cancelled), else None."""
    if not user.is_authenticated:
        return None
    return Enrolment.objects.active().filter(module=module, learner=user).first()


def current_enrolment(user, module: Module) -> Enrolment | None:
    """The member's place or place on the waitlist in the module (not a cancelled enrolment), or None."""
    return Enrolment.objects.current().filter(module=module, learner=user).first()


# --- Seats and the waitlist -----------------------------------------------------------------------------


def seats_taken(module: Module) -> int:
    return Enrolment.objects.active().filter(module=module).count()


def seats_left(capacity: int | None, taken: int) -> int | None:
    """Seats still free (never negative), or None when the module has no limit."""
    return None if capacity is None else max(capacity - taken, 0)


def waitlist_position(enrolment: Enrolment) -> int | None:
    """1 for the first on the waitlist; None when the enrolment is not waitlisted."""
    if not enrolment.is_waitlisted:
        return None
    return _ahead_on_waitlist(enrolment.module_id, enrolment.waitlisted_at, enrolment.pk).count() + 1


def _ahead_on_waitlist(module_id, waitlisted_at, pk) -> QuerySet:
    """The places before this one on the module's waitlist: first come, first served (values or OuterRefs)."""
    return (
        Enrolment.objects.waitlisted()
        .filter(module_id=module_id)
        .filter(Q(waitlisted_at__lt=waitlisted_at) | Q(waitlisted_at=waitlisted_at, pk__lt=pk))
    )


# --- What may stop a learner, and what the enrol button shows ---------------------------------------------


def missing_prerequisites(*, learner, module: Module) -> list[Module]:
    """The prerequisite modules the learner has not completed yet, in catalogue order."""
    completed = Enrolment.objects.completed().filter(learner=learner).values("module_id")
    return list(module.prerequisites.exclude(pk__in=completed).order_by("starts_on", "title", "pk"))


@dataclass
class EnrolOption:
    """The enrol button's state for one viewer, with what it needs to explain itself. Templates ask the
    ``is_*`` properties, never the state's value."""

    state: str  # one of the constants below
    enrolment: Enrolment | None = None
    position: int | None = None
    missing: list = field(default_factory=list)
    seats_left: int | None = None

    SIGN_IN = "sign_in"
    UNPUBLISHED = "unpublished"
    NOT_OPEN = "not_open"
    CLOSED = "closed"
    PREREQUISITES = "prerequisites"
    ENROL = "enrol"
    WAITLIST = "waitlist"
    ENROLLED = "enrolled"
    WAITLISTED = "waitlisted"
    COMPLETED = "completed"

    @property
    def asks_to_sign_in(self) -> bool:
        return self.state == self.SIGN_IN

    @property
    def is_unpublished(self) -> bool:
        return self.state == self.UNPUBLISHED

    @property
    def is_not_open(self) -> bool:
        return self.state == self.NOT_OPEN

    @property
    def is_closed(self) -> bool:
        return self.state == self.CLOSED

    @property
    def needs_prerequisites(self) -> bool:
        return self.state == self.PREREQUISITES

    @property
    def can_enrol(self) -> bool:
        """The button is offered: a seat, or a place on the waitlist when the module is full."""
        return self.state in (self.ENROL, self.WAITLIST)

    @property
    def joins_waitlist(self) -> bool:
        return self.state == self.WAITLIST

    @property
    def is_enrolled(self) -> bool:
        return self.state == self.ENROLLED

    @property
    def is_waitlisted(self) -> bool:
        return self.state == self.WAITLISTED

    @property
    def is_completed(self) -> bool:
        return self.state == self.COMPLETED


def enrolment_barrier(*, learner, module: Module, now: datetime | None = None) -> EnrolOption | None:
    """What stops this learner from enrolling now (an option saying why), or None when nothing does. The enrol
    service refuses for these reasons and the button explains them: one rule for both."""
    now = now or timezone.now()
    if not module.is_in_catalogue:
        return EnrolOption(EnrolOption.UNPUBLISHED)
    if not module.enrolment_has_opened(now):
        return EnrolOption(EnrolOption.NOT_OPEN)
    if module.enrolment_has_closed(now):
        return EnrolOption(EnrolOption.CLOSED)
    missing = missing_prerequisites(learner=learner, module=module)
    if missing:
        return EnrolOption(EnrolOption.PREREQUISITES, missing=missing)
    return None


def enrol_option(
    *, viewer, module: Module, enrolment: Enrolment | None, taken: int, now: datetime | None = None
) -> EnrolOption:
    """What the viewer can do about this module, following the same rules as the enrol service.
    ``enrolment`` is the viewer's row (any status, or None); ``taken`` the seats taken."""
    left = seats_left(module.capacity, taken)
    if not viewer.is_authenticated:
        return EnrolOption(EnrolOption.SIGN_IN, seats_left=left)
    if enrolment is not None and enrolment.is_enrolled:
        state = EnrolOption.COMPLETED if enrolment.is_completed else EnrolOption.ENROLLED
        return EnrolOption(state, enrolment=enrolment, seats_left=left)
    if enrolment is not None and enrolment.is_waitlisted:
        return EnrolOption(
            EnrolOption.WAITLISTED, enrolment=enrolment, position=waitlist_position(enrolment), seats_left=left
        )
    barrier = enrolment_barrier(learner=viewer, module=module, now=now)
    if barrier is not None:
        barrier.seats_left = left
        return barrier
    return EnrolOption(EnrolOption.WAITLIST if left == 0 else EnrolOption.ENROL, seats_left=left)


# --- "My courses" and the dashboard -------------------------------------------------------------------


def my_enrolments(learner) -> QuerySet:
    """The learner's enrolments that are not cancelled, with everything "My courses" and the dashboard show
    annotated (progress, places ahead on the waitlist, the valid certificate): one query."""
    valid_certificate = Certificate.objects.valid().filter(enrolment=OuterRef("pk"))
    ahead = _ahead_on_waitlist(OuterRef("module_id"), OuterRef("waitlisted_at"), OuterRef("pk"))
    enrolments = (
        Enrolment.objects.current()
        .filter(learner=learner)
        .select_related("module__edition", "module__theme")
        .defer("module__search_vector", "module__description")
        .annotate(
            waiting_ahead=count_rows(ahead),
            certificate_id=Subquery(valid_certificate.order_by("-issued_at").values("pk")[:1]),
        )
        .order_by("module__starts_on", "module__title", "pk")
    )
    return with_progress(enrolments)


def listed(enrolments) -> list[Enrolment]:
    """Evaluate enrolments from ``my_enrolments``, each with its ``progress`` and ``waitlist_position``."""
    enrolments = list(enrolments)
    for enrolment in enrolments:
        enrolment.progress = progress_of(enrolment)
        enrolment.waitlist_position = enrolment.waiting_ahead + 1 if enrolment.is_waitlisted else None
    return enrolments


def my_courses(learner) -> dict[str, list[Enrolment]]:
    """The "My courses" page: the modules being learnt, the waitlists, the modules completed."""
    enrolments = listed(my_enrolments(learner))
    return {
        "learning": [e for e in enrolments if e.is_enrolled and not e.is_completed],
        "waitlisted": [e for e in enrolments if e.is_waitlisted],
        "completed": [e for e in enrolments if e.is_enrolled and e.is_completed],
    }


def dashboard_courses(learner, *, limit: int) -> list[Enrolment]:
    """The member's enrolments worth showing on the dashboard, learning first, then finished, then waitlisted."""
    enrolments = (
        my_enrolments(learner)
        .in_catalogue()
        .annotate(
            rank=Case(
                When(status=Status.WAITLISTED, then=Value(2)),
                When(completed_at__isnull=False, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .order_by("rank", "-last_activity_at", "module__starts_on", "pk")
    )
    return listed(enrolments[:limit])


def enrolments_for_export(queryset: QuerySet) -> QuerySet:
    """The organisers' selection of enrolments, with what the CSV shows, in its order."""
    return queryset.select_related("learner", "module__edition").order_by("module__title", "created_at")
