"""The public event pages: the list (upcoming, or past) and one event with its registration state."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from events.models import Event
from events.permissions import get_event_for_viewer, is_organiser
from events.selectors import seats
from events.selectors.registration import current_registration

PAGE_SIZE = 12


def event_list(request):
    now = timezone.now()
    show_past = request.GET.get("when") == "past"
    events = seats.events_with_seats(Event.objects.published())
    if show_past:
        events = events.filter(ends_at__lt=now).order_by("-starts_at", "pk")
    else:
        events = events.filter(ends_at__gte=now).order_by("starts_at", "pk")
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    for event in page:
        event.registration_state = seats.registration_state(event, event.public_categories, now)
    return render(request, "events/event_list.html", {"page_obj": page, "show_past": show_past})


def event_detail(request, slug):
    event = get_event_for_viewer(request.user, slug)
    now = timezone.now()
    event.seats_taken = seats.event_seats_taken(event)
    categories = seats.annotate_category_seats(event, list(seats.public_categories(event)))
    context = {
        "event": event,
        "categories": categories,
        "registration_state": seats.registration_state(event, categories, now),
        "registration": current_registration(event=event, user=request.user),
        "is_organiser": is_organiser(request.user, event),
        "has_ended": event.has_ended(now),
    }
    return render(request, "events/event_detail.html", context)
