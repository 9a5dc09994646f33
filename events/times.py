"""Event times as people read them: in the event's own zone, from the tz database (Morocco changes its offset
during Ramadan, so no offset is ever stored or computed by hand). Templates do the same with
``{% timezone event.time_zone %}`` and events/includes/local_time.html for the viewer's own zone.
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime

from django.utils import formats, timezone


def local(event, moment: datetime) -> datetime:
    """The instant on the event's wall clock."""
    return timezone.localtime(moment, event.zone)


def formatted(event, moment: datetime | None, fmt: str = "SHORT_DATETIME_FORMAT") -> str:
    """The instant written on the event's clock in a Django date format of the active language ("–" if none)."""
    if moment is None:
        return "–"
    return formats.date_format(local(event, moment), fmt)


def by_day(event, items: Iterable, start: Callable = lambda item: item) -> list[tuple[date, list]]:
    """Items grouped by their day in the event's zone, in the order given; ``start`` reads an item's instant."""
    days: dict[date, list] = {}
    for item in items:
        days.setdefault(local(event, start(item)).date(), []).append(item)
    return list(days.items())


def time_range(event, starts_at: datetime, ends_at: datetime) -> str:
    """ "10:00–10:30" on the event's clock."""
    return f"{local(event, starts_at):%H:%M}–{local(event, ends_at):%H:%M}"


def describe_slot(event, starts_at: datetime, ends_at: datetime) -> str:
    """ "12 May 2026, 10:00–10:30 (Morocco (Africa/Casablanca))": for emails, in the active language."""
    return "{day}, {times} ({zone})".format(
        day=formatted(event, starts_at, "DATE_FORMAT"),
        times=time_range(event, starts_at, ends_at),
        zone=event.get_time_zone_display(),
    )
