from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Register the calendar sources (starred sessions, B2B meetings), the dashboard section, and the
        # receiver that links guest registrations to the member who confirms their address.
        from events import calendar_items, dashboard, receivers  # noqa: F401
