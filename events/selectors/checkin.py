"""At the door, read side: the desk's counts and search, and who is already registered (walk-ins)."""

from dataclasses import dataclass

from django.db.models import Count, Q

from events.models import Registration
from events.selectors.seats import seats_left
from network.models import User

Status = Registration.Status


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
        holding=Count("pk", filter=Q(status__in=Registration.HOLDING_SEAT)),
    )
    return DeskCounts(
        confirmed=counts["confirmed"],
        checked_in=counts["checked_in"],
        seats_left=seats_left(event.capacity, counts["holding"]),
    )


def search_registrations(event, query, *, limit=30) -> list[Registration]:
    """Registrations whose name, email or organisation contains every word typed, ignoring case and accents
    ("benali nadia", "Université" for "universite"). Without a query: the latest check-ins."""
    registrations = Registration.objects.filter(event=event).select_related("category", "checked_in_by")
    words = query.split()
    if not words:
        return list(registrations.filter(checked_in_at__isnull=False).order_by("-checked_in_at")[:10])
    for word in words[:5]:
        registrations = registrations.filter(
            Q(first_name__unaccent__icontains=word)
            | Q(last_name__unaccent__icontains=word)
            | Q(email__unaccent__icontains=word)
            | Q(organisation_name__unaccent__icontains=word)
        )
    return list(registrations.order_by("last_name", "first_name", "pk")[:limit])


def registration_at_desk(event, registration_id) -> Registration | None:
    """One of the event's registrations, by id (None if it is another event's, or gone)."""
    return Registration.objects.select_related("event", "category").filter(event=event, pk=registration_id).first()


def member_with_email(email) -> User | None:
    """The member whose login is this address, if any."""
    return User.objects.filter(email__iexact=email).first()


def find_existing_registration(event, email) -> Registration | None:
    """The event's registration made with this address, or by the member whose login it is."""
    member = member_with_email(email)
    registrations = Registration.objects.filter(event=event).select_related("category")
    condition = Q(email__iexact=email) | Q(user=member) if member else Q(email__iexact=email)
    return registrations.filter(condition).first()
