"""At the door, write side: checking people in (by QR code or from the desk), and registering walk-ins.

A phone camera may open the check-in URL twice in a second, and two staff may scan the same ticket at
once: the registration row is locked, so the first scan wins and the others report "already checked in".
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from dimobel.errors import DomainError, NotAllowed
from events.models import Event, Registration
from events.selectors.checkin import find_existing_registration, member_with_email
from events.selectors.seats import SeatCount
from events.services.errors import NoSeatsLeft

Status = Registration.Status


class CannotCheckIn(DomainError):
    default_message = _("Not checked in: this registration is not confirmed.")


class AlreadyRegistered(DomainError):
    """The walk-in's email (or member account) already has a registration; the desk shows that one."""

    default_message = _("This person is already registered.")

    def __init__(self, registration, message=None):
        self.registration = registration
        super().__init__(message)


@dataclass(frozen=True)
class CheckIn:
    registration: Registration
    already: bool  # True on a second scan: checked_in_at/by are those of the first one


def check_in(*, registration, by) -> CheckIn:
    """Mark a confirmed registration as checked in; doing it again changes nothing and says so."""
    with transaction.atomic():
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        if not locked.is_confirmed:
            raise CannotCheckIn(
                _("Not checked in: this registration is “%(status)s”.") % {"status": locked.get_status_display()}
            )
        already = locked.is_checked_in
        if not already:
            locked.checked_in_at = timezone.now()
            locked.checked_in_by = by
            locked.save(update_fields=["checked_in_at", "checked_in_by"])
    fresh = Registration.objects.select_related("event", "category", "checked_in_by").get(pk=registration.pk)
    return CheckIn(registration=fresh, already=already)


# Walk-ins


def register_walk_in(
    *, event, by, category, first_name, last_name, email, organisation_name="", country=""
) -> Registration:
    """Register and check in someone at the desk, when a seat is left overall and in their category.

    Capacity is counted under the lock on the event row that every registration takes, so a walk-in and
    an online registration cannot both take the last seat."""
    if category.event_id != event.pk:
        raise NotAllowed
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        existing = find_existing_registration(event, email)
        if existing is not None:
            raise AlreadyRegistered(existing)
        seats = SeatCount(event)
        if not seats.event_has_room():
            raise NoSeatsLeft
        if not seats.category_has_room(category):
            raise NoSeatsLeft(_("No seats are left in the category “%(category)s”.") % {"category": category.name})
        now = timezone.now()
        language = translation.get_language() or "fr"
        return Registration.objects.create(
            event=event,
            category=category,
            user=member_with_email(email),
            email=email,
            first_name=first_name,
            last_name=last_name,
            organisation_name=organisation_name,
            country=country,
            language=language[:2],
            status=Status.CONFIRMED,
            confirmed_at=now,
            checked_in_at=now,
            checked_in_by=by,
            is_walk_in=True,
        )
