"""The organisers' dashboard of one event: registrations per day, categories, countries, check-in and B2B."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from events.permissions import get_event_for_organiser
from events.selectors import stats


@never_cache
@login_required
def event_dashboard(request, slug):
    event = get_event_for_organiser(request.user, slug)
    days = stats.registrations_per_day(event)
    context = {
        "event": event,
        "counts": stats.seat_counts(event),
        "days": days,
        "chart": stats.day_chart(days),
        "categories": stats.categories_with_counts(event),
        "countries": stats.by_country(event),
        "b2b": stats.b2b_figures(event) if event.b2b_enabled else None,
    }
    return render(request, "events/organisers/dashboard.html", context)
