"""Calendar exports: an .ics for any single dated item, and each member's private feed.

Apps contribute their dated items (live sessions, event sessions, B2B meetings, milestones) with
``@calendar.source``: a function taking a member and returning :class:`CalendarItem` objects. One
subscription to the member's feed then shows everything.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from dimobel.mail import absolute_url


@dataclass(frozen=True)
class CalendarItem:
    uid: str  # stable and unique, e.g. "live-session-12"
    title: str
    start: datetime
    end: datetime
    location: str = ""
    description: str = ""
    url: str = ""  # a site path or an absolute URL


CalendarSource = Callable[[object], Iterable[CalendarItem]]
_sources: list[CalendarSource] = []


def source(func: CalendarSource) -> CalendarSource:
    if func not in _sources:
        _sources.append(func)
    return func


def unregister(func: CalendarSource) -> None:
    if func in _sources:
        _sources.remove(func)


def items_for(user) -> list[CalendarItem]:
    items = [item for func in list(_sources) for item in func(user)]
    return sorted(items, key=lambda item: item.start)


def build_calendar(items: Iterable[CalendarItem], name: str = "DIMOBEL") -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//DIMOBEL//dimobel.org//")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]
    stamp = timezone.now()
    for item in items:
        event = Event()
        event.add("uid", f"{item.uid}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("summary", item.title)
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", absolute_url(item.url))
        cal.add_component(event)
    return cal.to_ical()


def ics_response(items: Iterable[CalendarItem], filename: str, name: str = "DIMOBEL") -> HttpResponse:
    """An .ics download for one item or a few."""
    response = HttpResponse(build_calendar(items, name=name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
