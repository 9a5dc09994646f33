"""Dashboard section: the member's upcoming registrations, with links to their tickets."""

from dimobel import dashboard
from events.selectors.registration import upcoming_registrations

SHOWN = 5


def registrations_section(request) -> dict | None:
    registrations = upcoming_registrations(request.user, limit=SHOWN)
    if not registrations:
        return None
    return {"registrations": registrations}


dashboard.register(dashboard.Section("events", "events/dashboard_registrations.html", registrations_section, order=25))
