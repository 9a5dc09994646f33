from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsortiumConfig(AppConfig):
    name = "consortium"
    verbose_name = _("Consortium")

    def ready(self):
        # Register the dashboard section and the milestones' calendar source.
        from consortium import calendar_items, dashboard_section  # noqa: F401
