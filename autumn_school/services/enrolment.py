"""Enrolment: enrol, unenrol, the waitlist and its promotions.

Every write locks the module row first (``select_for_update``), so seats are counted and given out one
learner at a time, whatever the number of concurrent requests: the capacity holds in the database, not in
Python. With the module locked, a free seat never coexists with a waiting learner: any free seat goes to
the first of the waitlist before a newcomer is considered.

Each step emails the learner (enrolled, waitlisted with their position, promoted, unenrolled) in their
language, once the transaction has committed.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from autumn_school.models import Certificate, Enrolment, Module
from autumn_school.notifications import email_later, in_language_of, link
from autumn_school.services.errors import (
    AlreadyCompleted,
    EnrolmentClosed,
    EnrolmentNotYetOpen,
    PrerequisitesMissing,
)
from autumn_school.services.progress import count_rows, progress_of, with_progress

Status = Enrolment.Status


def enrol(*, learner, module) -> Enrolment:
    """Give the learner a seat, or a place on the waitlist when the module is full. Enrolling again after
    cancelling reuses the row (and the lessons already done); an enrolled or waitlisted learner gets their
    enrolment back unchanged, so a double click does nothing twice."""
    with transaction.atomic():
        module = _lock(module)
        now = timezone.now()
        enrolment = Enrolment.objects.filter(module=module, learner=learner).first()
        if enrolment is not None and enrolment.status != Status.CANCELLED:
            return enrolment
        check_can_enrol(learner=learner, module=module, now=now)
        _fill_free_seats(module, now)
        if enrolment is None:
            enrolment = Enrolment(module=module, learner=learner)
        enrolment.cancelled_at = None
        enrolment.last_activity_at = now
        if _has_free_seat(module):
            enrolment.status = Status.ENROLLED
            enrolment.enrolled_at = now
            enrolment.waitlisted_at = None
        else:
            enrolment.status = Status.WAITLISTED
            enrolment.waitlisted_at = now
        if enrolment.pk is None:
            enrolment.save()
        else:
            enrolment.save(update_fields=["status", "enrolled_at", "waitlisted_at", "cancelled_at", "last_activity_at"])
        if enrolment.status == Status.ENROLLED:
            _notify(enrolment, "enrolled")
        else:
            _notify(enrolment, "waitlisted", position=waitlist_position(enrolment))
    return enrolment


def unenrol(*, enrolment) -> Enrolment:
    """Cancel an enrolment or leave the waitlist. A freed seat goes to the first learner on the waitlist."""
    with transaction.atomic():
        module = _lock(enrolment.module)
        enrolment = Enrolment.objects.select_for_update().select_related("learner").get(pk=enrolment.pk)
        if enrolment.status == Status.CANCELLED:
            return enrolment
        if enrolment.completed_at is not None:
            raise AlreadyCompleted
        now = timezone.now()
        held_seat = enrolment.status == Status.ENROLLED
        enrolment.module = module
        enrolment.status = Status.CANCELLED
        enrolment.cancelled_at = now
        enrolment.last_activity_at = now
        enrolment.save(update_fields=["status", "cancelled_at", "last_activity_at"])
        _notify(enrolment, "unenrolled", was_waitlisted=not held_seat)
        if held_seat:
            _fill_free_seats(module, now)
    return enrolment


def promote_from_waitlist(*, module) -> list[Enrolment]:
    """Give every free seat to the waitlist, first come first served (e.g. after an organiser raised the
    capacity or removed the limit). Returns the enrolments promoted; each learner is emailed."""
    with transaction.atomic():
        module = _lock(module)
        return _fill_free_seats(module, timezone.now())


def waitlist_position(enrolment) -> int | None:
    """1 for the first on the waitlist; None when the enrolment is not waitlisted."""
    if enrolment.status != Status.WAITLISTED:
        return None
    return _ahead_on_waitlist(enrolment.module_id, enrolment.waitlisted_at, enrolment.pk).count() + 1


def _ahead_on_waitlist(module_id, waitlisted_at, pk):
    """The places before this one on the module's waitlist: first come, first served (values or OuterRefs)."""
    return Enrolment.objects.filter(module_id=module_id, status=Status.WAITLISTED).filter(
        Q(waitlisted_at__lt=waitlisted_at) | Q(waitlisted_at=waitlisted_at, pk__lt=pk)
    )


# --- Rules ------------------------------------------------------------------------------------------


def missing_prerequisites(*, learner, module) -> list[Module]:
    """The prerequisite modules the learner has not completed yet, in catalogue order."""
    completed = Enrolment.objects.filter(learner=learner, completed_at__isnull=False).values("module_id")
    return list(module.prerequisites.exclude(pk__in=completed).order_by("starts_on", "title", "pk"))


def check_can_enrol(*, learner, module, now=None) -> None:
    """Raise the error that stops this learner from enrolling now, with its explanation."""
    now = now or timezone.now()
    if not (module.is_published and module.edition.is_published):
        raise EnrolmentNotYetOpen(_("This module is not published yet."))
    window = enrolment_window(module, now)
    if window == NOT_OPEN:
        raise EnrolmentNotYetOpen(
            _("Enrolment for this module opens on %(date)s.") % {"date": _when(module.enrolment_opens_at)}
        )
    if window == CLOSED:
        raise EnrolmentClosed(
            _("Enrolment for this module closed on %(date)s.") % {"date": _when(module.enrolment_closes_at)}
        )
    missing = missing_prerequisites(learner=learner, module=module)
    if missing:
        raise PrerequisitesMissing(
            _("Complete these modules first: %(modules)s.") % {"modules": ", ".join(m.title for m in missing)}
        )


# Where a module's enrolment window stands.
NOT_OPEN = "not_open"
OPEN = "open"
CLOSED = "closed"


def enrolment_window(module, now) -> str:
    if now < module.enrolment_opens_at:
        return NOT_OPEN
    if now >= module.enrolment_closes_at:
        return CLOSED
    return OPEN


def seats_taken(module) -> int:
    return Enrolment.objects.active().filter(module=module).count()


def seats_left(capacity, taken) -> int | None:
    """Seats still free (never negative), or None when the module has no limit."""
    return None if capacity is None else max(capacity - taken, 0)


# --- What the enrol button shows --------------------------------------------------------------------


@dataclass
class EnrolOption:
    """The enrol button's state for one viewer, with what it needs to explain itself."""

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


def enrol_option(*, viewer, module, enrolment, taken, now=None) -> EnrolOption:
    """What the viewer can do about this module, following the same rules as ``enrol``.
    ``enrolment`` is the viewer's row (any status, or None); ``taken`` the seats taken."""
    now = now or timezone.now()
    left = seats_left(module.capacity, taken)
    if not viewer.is_authenticated:
        return EnrolOption(EnrolOption.SIGN_IN, seats_left=left)
    if enrolment is not None and enrolment.status == Status.ENROLLED:
        state = EnrolOption.COMPLETED if enrolment.is_completed else EnrolOption.ENROLLED
        return EnrolOption(state, enrolment=enrolment, seats_left=left)
    if enrolment is not None and enrolment.status == Status.WAITLISTED:
        return EnrolOption(
            EnrolOption.WAITLISTED, enrolment=enrolment, position=waitlist_position(enrolment), seats_left=left
        )
    if not (module.is_published and module.edition.is_published):
        return EnrolOption(EnrolOption.UNPUBLISHED, seats_left=left)
    window = enrolment_window(module, now)
    if window == NOT_OPEN:
        return EnrolOption(EnrolOption.NOT_OPEN, seats_left=left)
    if window == CLOSED:
        return EnrolOption(EnrolOption.CLOSED, seats_left=left)
    missing = missing_prerequisites(learner=viewer, module=module)
    if missing:
        return EnrolOption(EnrolOption.PREREQUISITES, missing=missing, seats_left=left)
    state = EnrolOption.WAITLIST if left == 0 else EnrolOption.ENROL
    return EnrolOption(state, seats_left=left)


# --- "My courses" and the dashboard -------------------------------------------------------------------


def my_enrolments(learner):
    """The learner's enrolments that are not cancelled, with everything "My courses" and the dashboard show
    annotated (progress, places ahead on the waitlist, the valid certificate): one query."""
    valid_certificate = Certificate.objects.filter(enrolment=OuterRef("pk"), revoked_at__isnull=True)
    ahead = _ahead_on_waitlist(OuterRef("module_id"), OuterRef("waitlisted_at"), OuterRef("pk"))
    enrolments = (
        Enrolment.objects.filter(learner=learner, status__in=[Status.ENROLLED, Status.WAITLISTED])
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
        enrolment.waitlist_position = enrolment.waiting_ahead + 1 if enrolment.status == Status.WAITLISTED else None
    return enrolments


# --- Internals ----------------------------------------------------------------------------------------


def _lock(module) -> Module:
    return Module.objects.select_for_update().get(pk=module.pk)


def _has_free_seat(module) -> bool:
    return module.capacity is None or seats_taken(module) < module.capacity


def _fill_free_seats(module, now) -> list[Enrolment]:
    """Promote the first waitlisted learners into the free seats. The module row must be locked."""
    waiting = Enrolment.objects.waitlisted().filter(module=module).select_related("learner")
    if module.capacity is not None:
        free = module.capacity - seats_taken(module)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    for enrolment in promoted:
        enrolment.module = module
        enrolment.status = Status.ENROLLED
        enrolment.enrolled_at = now
        enrolment.last_activity_at = now
        enrolment.save(update_fields=["status", "enrolled_at", "last_activity_at"])
        _notify(enrolment, "promoted")
    return promoted


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _notify(enrolment, step, **extra):
    """Queue the confirmation email of one step (sent once the transaction commits)."""
    learner = enrolment.learner
    module = enrolment.module
    with in_language_of(learner):
        context = {
            "learner_name": learner.get_full_name() or learner.email,
            "module_title": module.title,
            "edition_title": module.edition.title,
            "starts_on": formats.date_format(module.starts_on, "DATE_FORMAT"),
            "ends_on": formats.date_format(module.ends_on, "DATE_FORMAT"),
            "module_url": link("autumn_school:module_detail", module.slug),
            "my_courses_url": link("autumn_school:my_courses"),
            "catalogue_url": link("autumn_school:catalogue"),
            **extra,
        }
    email_later(recipient=learner, name=f"enrolment_{step}", context=context)
