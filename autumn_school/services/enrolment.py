"""Enrolment: enrol, unenrol, the waitlist and its promotions.

Every write locks the module row first (``select_for_update``), so seats are counted and given out one
learner at a time, whatever the number of concurrent requests: the capacity holds in the database, not in
Python. With the module locked, a free seat never coexists with a waiting learner: any free seat goes to
the first of the waitlist before a newcomer is considered.

Each step emails the learner (enrolled, waitlisted with their position, promoted, unenrolled) in their
language, once the transaction has committed.
"""

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from autumn_school.models import Enrolment, Module
from autumn_school.selectors.enrolment import enrolment_barrier, seats_taken, waitlist_position
from autumn_school.services.errors import (
    AlreadyCompleted,
    EnrolmentClosed,
    EnrolmentNotYetOpen,
    PrerequisitesMissing,
)
from dimobel.notify import email_member, in_language_of, link

Status = Enrolment.Status


def enrol(*, learner, module: Module) -> Enrolment:
    """Give the learner a seat, or a place on the waitlist when the module is full. Enrolling again after
    cancelling reuses the row (and the lessons already done); an enrolled or waitlisted learner gets their
    enrolment back unchanged, so a double click does nothing twice."""
    with transaction.atomic():
        module = _lock(module)
        now = timezone.now()
        enrolment = Enrolment.objects.filter(module=module, learner=learner).first()
        if enrolment is not None and not enrolment.is_cancelled:
            return enrolment
        _refuse_if_barred(learner=learner, module=module, now=now)
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
        if enrolment.is_enrolled:
            _notify(enrolment, "enrolled")
        else:
            _notify(enrolment, "waitlisted", position=waitlist_position(enrolment))
    return enrolment


def unenrol(*, enrolment: Enrolment) -> Enrolment:
    """Cancel an enrolment or leave the waitlist. A freed seat goes to the first learner on the waitlist."""
    with transaction.atomic():
        module = _lock(enrolment.module)
        enrolment = Enrolment.objects.select_for_update().select_related("learner").get(pk=enrolment.pk)
        if enrolment.is_cancelled:
            return enrolment
        if enrolment.completed_at is not None:
            raise AlreadyCompleted
        now = timezone.now()
        held_seat = enrolment.is_enrolled
        enrolment.module = module
        enrolment.status = Status.CANCELLED
        enrolment.cancelled_at = now
        enrolment.last_activity_at = now
        enrolment.save(update_fields=["status", "cancelled_at", "last_activity_at"])
        _notify(enrolment, "unenrolled", was_waitlisted=not held_seat)
        if held_seat:
            _fill_free_seats(module, now)
    return enrolment


def promote_from_waitlist(*, module: Module) -> list[Enrolment]:
    """Give every free seat to the waitlist, first come first served (e.g. after an organiser raised the
    capacity or removed the limit). Returns the enrolments promoted; each learner is emailed."""
    with transaction.atomic():
        module = _lock(module)
        return _fill_free_seats(module, timezone.now())


def _refuse_if_barred(*, learner, module, now) -> None:
    """Raise the error that stops this learner from enrolling now, with its explanation (the rules are
    selectors.enrolment.enrolment_barrier's, which the enrol button follows too)."""
    barrier = enrolment_barrier(learner=learner, module=module, now=now)
    if barrier is None:
        return
    if barrier.is_unpublished:
        raise EnrolmentNotYetOpen(_("This module is not published yet."))
    if barrier.is_not_open:
        raise EnrolmentNotYetOpen(
            _("Enrolment for this module opens on %(date)s.") % {"date": _when(module.enrolment_opens_at)}
        )
    if barrier.is_closed:
        raise EnrolmentClosed(
            _("Enrolment for this module closed on %(date)s.") % {"date": _when(module.enrolment_closes_at)}
        )
    raise PrerequisitesMissing(
        _("Complete these modules first: %(modules)s.") % {"modules": ", ".join(m.title for m in barrier.missing)}
    )


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


def _notify(enrolment, step, **extra) -> None:
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
    email_member(recipient=learner, template=f"autumn_school/enrolment_{step}", context=context)
