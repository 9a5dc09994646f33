from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DimobelConfig(AppConfig):
    name = "dimobel"
    verbose_name = _("Platform")

    def ready(self):
        # sections registers itself; converters registers the "token" path converter before any URLconf loads.
        from dimobel import converters, reminders, sections  # noqa: F401

        reminders.autodiscover()
