"""At the door: checking people in (by QR code or from the desk), the desk's search and counts, and walk-ins.

A phone camera may open the check-in URL twice in a second, and two staff may scan the same ticket at
once: the registration row is locked, so the first scan wins and the others report "already checked in".
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from events.models import Event, Registration
from events.services.errors import EventError, NoSeatsLeft, NotAllowed
from events.services.seats import HOLDING, SeatCount, seats_left

Status = Registration.Status


class CannotCheckIn(EventError):
    default_message = _("Not checked in: this registration is not confirmed.")


class AlreadyRegistered(EventError):
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
        if locked.status != Status.CONFIRMED:
            raise CannotCheckIn(
                _("Not checked in: this registration is “%(status)s”.") % {"status": locked.get_status_display()}
            )
        already = locked.checked_in_at is not None
        if not already:
            locked.checked_in_at = timezone.now()
            locked.checked_in_by = by
            locked.save(update_fields=["checked_in_at", "checked_in_by"])
    fresh = Registration.objects.select_related("event", "category", "checked_in_by").get(pk=registration.pk)
    return CheckIn(registration=fresh, already=already)


# The desk


@dataclass(frozen=True)
class DeskCounts:
    confirmed: int
    checked_in: int
    seats_left: int | None  # None: the event has no overall limit

    @property
    def percent_checked_in(self) -> int:
        """Rounded to the 5% steps of the progress bar classes."""
        if not self.confirmed:
            return 0
        return min(100, 5 * round(20 * self.checked_in / self.confirmed))


def desk_counts(event) -> DeskCounts:
    counts = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        checked_in=Count("pk", filter=Q(status=Status.CONFIRMED, checked_in_at__isnull=False)),
        holding=Count("pk", filter=Q(status__in=HOLDING)),
    )
    return DeskCounts(
        confirmed=counts["confirmed"],
        checked_in=counts["checked_in"],
        seats_left=seats_left(event.capacity, counts["holding"]),
    )


def search_registrations(event, query, *, limit=30):
    """Registrations whose name, email or organisation contains every word typed, ignoring case and accents
    ("benali nadia", "Université" for "universite"). Without a query: the latest check-ins."""
    registrations = Registration.objects.filter(event=event).select_related("category", "checked_in_by")
    words = query.split()
    if not words:
        return registrations.filter(checked_in_at__isnull=False).order_by("-checked_in_at")[:10]
    for word in words[:5]:
        registrations = registrations.filter(
            Q(first_name__unaccent__icontains=word)
            | Q(last_name__unaccent__icontains=word)
            | Q(email__unaccent__icontains=word)
            | Q(organisation_name__unaccent__icontains=word)
        )
    return registrations.order_by("last_name", "first_name", "pk")[:limit]


def get_registration_at_desk(event, registration_id) -> Registration:
    return Registration.objects.select_related("event", "category").get(event=event, pk=registration_id)


# Walk-ins


def find_existing_registration(event, email) -> Registration | None:
    member = get_user_model().objects.filter(email__iexact=email).first()
    registrations = Registration.objects.filter(event=event).select_related("category")
    condition = Q(email__iexact=email) | Q(user=member) if member else Q(email__iexact=email)
    return registrations.filter(condition).first()


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
            user=get_user_model().objects.filter(email__iexact=email).first(),
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
