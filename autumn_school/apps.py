from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AutumnSchoolConfig(AppConfig):
    name = "autumn_school"
    verbose_name = _("Autumn school")

    def ready(self):
        # Register the dashboard section and the live sessions' calendar source.
        from autumn_school import calendar_items, dashboard  # noqa: F401
