from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DimobelConfig(AppConfig):
    name = "dimobel"
    verbose_name = _("Platform")

    def ready(self) -> None:
        # sections registers itself; converters registers the "token" path converter before any URLconf loads.
        from dimobel import converters, reminders, roles, sections  # noqa: F401

        reminders.autodiscover()

        # Organisers see who was reminded of what.
        roles.grant(roles.ORGANISERS, app_label=self.label, models={"sentreminder": "view"})
        # After every migrate, each app's declared permissions are granted (the groups come from network 0002).
        post_migrate.connect(roles.grant_permissions, dispatch_uid="dimobel.roles.grant_permissions")
