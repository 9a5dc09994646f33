"""The dashboard section the platform itself contributes: what is coming up in the member's calendar."""

from django.utils import timezone

from dimobel import calendar, dashboard


def upcoming_section(request):
    now = timezone.now()
    return {"items": [item for item in calendar.items_for(request.user) if item.end >= now][:5]}


dashboard.register(dashboard.Section("upcoming", "dimobel/dashboard_calendar.html", upcoming_section, order=20))
