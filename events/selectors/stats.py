"""The figures organisers follow: seats, statuses, registrations per day, categories, countries, check-in
progress and B2B meetings. Each function is one or two aggregate queries, whatever the number of registrations,
so the dashboard and the admin's header cost the same on a small workshop and on the colloquium."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from events.models import B2BParticipant, Category, Event, Meeting, MeetingBlock, Registration

Status = Registration.Status


def _status_aggregates(prefix="") -> dict:
    """Counts by status over ``registrations`` (prefix ``registrations__`` from an event or a category)."""

    def count(**condition) -> Count:
        return Count(f"{prefix}pk" if prefix else "pk", filter=Q(**{f"{prefix}{k}": v for k, v in condition.items()}))

    return {
        "confirmed": count(status=Status.CONFIRMED),
        "pending": count(status=Status.PENDING),
        "waitlisted": count(status=Status.WAITLISTED),
        "unconfirmed": count(status=Status.AWAITING_EMAIL),
        "cancelled": count(status=Status.CANCELLED),
        "declined": count(status=Status.DECLINED),
        "checked_in": count(status=Status.CONFIRMED, checked_in_at__isnull=False),
        "walk_ins": count(is_walk_in=True),
    }


def percent(part, whole) -> int:
    """A whole percentage (0 when there is nothing to measure)."""
    return min(100, round(part * 100 / whole)) if whole else 0


def step_of_five(value) -> int:
    """The nearest .progress-w-N class (steps of 5)."""
    return min(100, max(0, round(value / 5) * 5))


@dataclass(frozen=True)
class SeatCounts:
    capacity: int | None
    confirmed: int
    pending: int
    waitlisted: int
    unconfirmed: int
    cancelled: int
    declined: int
    checked_in: int
    walk_ins: int

    @property
    def held(self) -> int:
        return self.confirmed + self.pending

    @property
    def seats_left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.held, 0)

    @property
    def total(self) -> int:
        return self.held + self.waitlisted + self.unconfirmed + self.cancelled + self.declined

    @property
    def checked_in_percent(self) -> int:
        return percent(self.checked_in, self.confirmed)

    @property
    def checked_in_width(self) -> int:
        return step_of_five(self.checked_in_percent)

    @property
    def capacity_percent(self) -> int:
        return percent(self.held, self.capacity) if self.capacity else 0

    @property
    def capacity_width(self) -> int:
        return step_of_five(self.capacity_percent)


def _seat_counts(row, capacity) -> SeatCounts:
    return SeatCounts(capacity=capacity, **{name: row[name] for name in _status_aggregates()})


def seat_counts(event) -> SeatCounts:
    """The event's live counts (one query)."""
    return _seat_counts(Registration.objects.filter(event=event).aggregate(**_status_aggregates()), event.capacity)


def events_with_counts(queryset=None) -> QuerySet[Event]:
    """Events annotated with the live counts (``confirmed``, ``waitlisted``, ``checked_in``…), one query."""
    queryset = Event.objects.all() if queryset is None else queryset
    return queryset.annotate(**_status_aggregates("registrations__"))


def counts_of(annotated) -> SeatCounts:
    """SeatCounts of an event or category annotated by events_with_counts / categories_with_counts."""
    return _seat_counts({name: getattr(annotated, name) for name in _status_aggregates()}, annotated.capacity)


def categories_with_counts(event) -> QuerySet[Category]:
    """The event's categories with their counts and capacity, in their order (one query)."""
    categories = Category.objects.filter(event=event).annotate(**_status_aggregates("registrations__"))
    for category in categories:
        category.counts = counts_of(category)
    return categories


def registrations_per_day(event) -> list[tuple]:
    """(day, number of registrations made that day), days in the event's zone, with the quiet days in between."""
    rows = (
        Registration.objects.filter(event=event)
        .annotate(day=TruncDate("created_at", tzinfo=event.zone))
        .values("day")
        .annotate(count=Count("pk"))
        .order_by("day")
    )
    by_day = {row["day"]: row["count"] for row in rows}
    if not by_day:
        return []
    day, last = min(by_day), max(by_day)
    days = []
    while day <= last:
        days.append((day, by_day.get(day, 0)))
        day += timedelta(days=1)
    return days


@dataclass(frozen=True)
class Bar:
    day: object
    count: int
    x: float
    y: float
    width: float
    height: float
    labelled: bool  # the day is written under some bars only


@dataclass(frozen=True)
class DayChart:
    """An SVG bar chart drawn on the server (no script: the page keeps its Content-Security-Policy)."""

    bars: list
    width: int
    height: int
    top: int  # the tallest bar's value, written on the axis
    baseline: float
    total: int
    first_day: object
    last_day: object


CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN, CHART_LABELS = 720, 220, 24, 8


def day_chart(days) -> DayChart | None:
    if not days:
        return None
    top = max(count for _day, count in days) or 1
    plot_height = CHART_HEIGHT - 2 * CHART_MARGIN
    step = (CHART_WIDTH - CHART_MARGIN) / len(days)
    every = max(1, -(-len(days) // CHART_LABELS))  # label about CHART_LABELS days, evenly
    bars = []
    for index, (day, count) in enumerate(days):
        height = plot_height * count / top
        bars.append(
            Bar(
                day=day,
                count=count,
                x=round(CHART_MARGIN + index * step + step * 0.1, 2),
                y=round(CHART_MARGIN + plot_height - height, 2),
                width=round(step * 0.8, 2),
                height=round(height, 2),
                labelled=index % every == 0,
            )
        )
    return DayChart(
        bars=bars,
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        top=top,
        baseline=CHART_MARGIN + plot_height,
        total=sum(count for _day, count in days),
        first_day=days[0][0],
        last_day=days[-1][0],
    )


def by_country(event, limit=None) -> list[dict]:
    """Registrations still in the running (holding a seat or waiting) by country, most first."""
    rows = (
        Registration.objects.filter(event=event)
        .in_the_running()
        .values("country")
        .annotate(count=Count("pk"))
        .order_by("-count", "country")
    )
    result = []
    total = 0
    for row in rows:
        total += row["count"]
        code = row["country"]
        result.append({"code": code, "name": countries.name(code) if code else _("Not given"), "count": row["count"]})
    for row in result:
        row["percent"] = percent(row["count"], total)
        row["width"] = step_of_five(row["percent"])
    return result[:limit] if limit else result


@dataclass(frozen=True)
class B2BFigures:
    participants: int
    inactive: int
    without_meeting: int
    requested: int
    accepted: int
    declined: int
    cancelled: int
    held: int
    not_held: int
    slots: int
    tables: int

    @property
    def table_slots(self) -> int:
        return self.slots * self.tables

    @property
    def occupancy_percent(self) -> int:
        return percent(self.accepted, self.table_slots)

    @property
    def occupancy_width(self) -> int:
        return step_of_five(self.occupancy_percent)

    @property
    def total(self) -> int:
        return self.requested + self.accepted + self.declined + self.cancelled


def slot_count(event, blocks) -> int:
    length = timedelta(minutes=event.b2b_slot_minutes)
    return sum(int((block.ends_at - block.starts_at) / length) for block in blocks)


def meetings_by_status(event) -> dict[str, int]:
    """The event's meetings by status, and the accepted ones recorded as held or not (one query)."""
    meetings = Meeting.objects.filter(event=event).aggregate(
        requested=Count("pk", filter=Q(status=Meeting.Status.REQUESTED)),
        accepted=Count("pk", filter=Q(status=Meeting.Status.ACCEPTED)),
        declined=Count("pk", filter=Q(status=Meeting.Status.DECLINED)),
        cancelled=Count("pk", filter=Q(status=Meeting.Status.CANCELLED)),
        was_held=Count("pk", filter=Q(status=Meeting.Status.ACCEPTED, held=True)),
        was_not_held=Count("pk", filter=Q(status=Meeting.Status.ACCEPTED, held=False)),
    )
    meetings["held"], meetings["not_held"] = meetings.pop("was_held"), meetings.pop("was_not_held")
    return meetings


def b2b_figures(event) -> B2BFigures:
    """Participants, meetings by status and table occupancy (three queries)."""
    meetings = meetings_by_status(event)
    accepted = Q(meetings_requested__status=Meeting.Status.ACCEPTED) | Q(
        meetings_received__status=Meeting.Status.ACCEPTED
    )
    active = B2BParticipant.TAKING_PART
    people = B2BParticipant.objects.filter(event=event).aggregate(
        participants=Count("pk", filter=active, distinct=True),
        inactive=Count("pk", filter=~active, distinct=True),
        with_meeting=Count("pk", filter=active & accepted, distinct=True),
    )
    blocks = MeetingBlock.objects.filter(event=event).only("starts_at", "ends_at")
    return B2BFigures(
        participants=people["participants"],
        inactive=people["inactive"],
        without_meeting=people["participants"] - people["with_meeting"],
        slots=slot_count(event, blocks),
        tables=event.b2b_tables,
        **meetings,
    )
