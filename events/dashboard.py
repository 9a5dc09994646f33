"""Dashboard section: the member's upcoming registrations, with links to their tickets."""

from django.utils import timezone

from dimobel import dashboard
from events.models import Registration

SHOWN = 5


def registrations_section(request):
    registrations = list(
        Registration.objects.filter(
            user=request.user,
            event__ends_at__gte=timezone.now(),
            status__in=[
                Registration.Status.CONFIRMED,
                Registration.Status.PENDING,
                Registration.Status.WAITLISTED,
            ],
        )
        .select_related("event", "category")
        .order_by("event__starts_at", "pk")[:SHOWN]
    )
    if not registrations:
        return None
    return {"registrations": registrations}


dashboard.register(dashboard.Section("events", "events/dashboard_registrations.html", registrations_section, order=25))
