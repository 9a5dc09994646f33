from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DimobelConfig(AppConfig):
    name = "dimobel"
    verbose_name = _("Platform")

    def ready(self):
        from dimobel import reminders, sections  # noqa: F401 (sections registers itself)

        reminders.autodiscover()
