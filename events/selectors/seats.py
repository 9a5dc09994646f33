"""Seats, read side: how many each event and category hold, whether one more person fits, and the registration
state the public pages show.

Seats are held by registrations pending approval and confirmed ones (checked-in people are confirmed). The
counts for pages are annotations, so a list of events or categories costs the same number of queries whatever
its length. The binding decision (``SeatCount.fits``) is taken by the services that place people (online
registration, the waitlist, walk-ins at the desk) under the event's row lock.
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Category, Event, Registration

HOLDING_A_SEAT = Q(registrations__status__in=Registration.HOLDING_SEAT)


class SeatCount:
    """Seats held in an event and in each of its categories, counted once (the caller holds the lock on the
    event's row, so the counts include everything committed before it) and kept up to date as the caller
    places people."""

    def __init__(self, event):
        self.event = event
        rows = (
            Registration.objects.filter(event=event)
            .holding_seat()
            .values("category_id")
            .annotate(taken=Count("pk"))
            .values_list("category_id", "taken")
        )
        self.by_category = dict(rows)
        self.total = sum(self.by_category.values())

    def event_has_room(self) -> bool:
        return self.event.capacity is None or self.total < self.event.capacity

    def category_has_room(self, category) -> bool:
        return category.capacity is None or self.by_category.get(category.pk, 0) < category.capacity

    def fits(self, category) -> bool:
        return self.event_has_room() and self.category_has_room(category)

    def take(self, category) -> None:
        self.by_category[category.pk] = self.by_category.get(category.pk, 0) + 1
        self.total += 1


def categories_with_seats(queryset=None) -> QuerySet[Category]:
    """Categories annotated with ``seats_taken``."""
    queryset = Category.objects.all() if queryset is None else queryset
    return queryset.annotate(seats_taken=Count("registrations", filter=HOLDING_A_SEAT))


def public_categories(event) -> QuerySet[Category]:
    return categories_with_seats(event.categories.filter(visibility=Category.Visibility.PUBLIC))


def invited_categories(event, invitation) -> QuerySet[Category]:
    """The category an invitation link opens (none for a wrong link), annotated with ``seats_taken``."""
    return categories_with_seats(event.categories.filter(invitation_token=invitation))


def events_with_seats(queryset=None) -> QuerySet[Event]:
    """Events annotated with ``seats_taken``, with their public categories (and theirs) in ``public_categories``."""
    queryset = Event.objects.all() if queryset is None else queryset
    public = categories_with_seats(Category.objects.filter(visibility=Category.Visibility.PUBLIC))
    return queryset.annotate(seats_taken=Count("registrations", filter=HOLDING_A_SEAT, distinct=True)).prefetch_related(
        Prefetch("categories", queryset=public, to_attr="public_categories")
    )


def event_seats_taken(event) -> int:
    if hasattr(event, "seats_taken"):
        return event.seats_taken
    return Registration.objects.filter(event=event).holding_seat().count()


def seats_left(capacity, taken) -> int | None:
    """None means no limit."""
    return None if capacity is None else max(capacity - taken, 0)


def category_seats_left(event, category, event_left=None) -> int | None:
    """Seats left in a category, within what is left of the event (None: no limit)."""
    if event_left is None:
        event_left = seats_left(event.capacity, event_seats_taken(event))
    left = seats_left(category.capacity, category.seats_taken)
    if left is None:
        return event_left
    if event_left is None:
        return left
    return min(left, event_left)


@dataclass(frozen=True)
class RegistrationState:
    code: str  # not_open, open, waitlist, closed, invitation
    label: str
    badge: str  # Bootstrap badge classes

    @property
    def accepts_registrations(self) -> bool:
        return self.code in ("open", "waitlist")

    @property
    def is_not_open_yet(self) -> bool:
        return self.code == "not_open"

    @property
    def is_closed(self) -> bool:
        return self.code == "closed"

    @property
    def is_by_invitation(self) -> bool:
        return self.code == "invitation"

    @property
    def is_waitlist(self) -> bool:
        return self.code == "waitlist"


STATES = {
    "not_open": (_("Registration not open yet"), "text-bg-secondary"),
    "open": (_("Registration open"), "text-bg-success"),
    "waitlist": (_("Full – waitlist open"), "text-bg-warning"),
    "closed": (_("Registration closed"), "text-bg-secondary"),
    "invitation": (_("By invitation"), "text-bg-info"),
}


def _state(code) -> RegistrationState:
    label, badge = STATES[code]
    return RegistrationState(code=code, label=label, badge=badge)


def registration_state(event, categories, now=None) -> RegistrationState:
    """The state for a visitor who may choose among ``categories`` (annotated with ``seats_taken``)."""
    now = now or timezone.now()
    if now < event.registration_opens_at:
        return _state("not_open")
    if now >= event.registration_closes_at:
        return _state("closed")
    if not categories:
        return _state("invitation")
    event_left = seats_left(event.capacity, event_seats_taken(event))
    if all(category_seats_left(event, category, event_left) == 0 for category in categories):
        return _state("waitlist")
    return _state("open")


def annotate_category_seats(event, categories) -> list[Category]:
    """Sets ``seats_left`` (None: no limit) on each category, for the templates."""
    event_left = seats_left(event.capacity, event_seats_taken(event))
    for category in categories:
        category.seats_left = category_seats_left(event, category, event_left)
    return categories
