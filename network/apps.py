from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from network import dashboard, groups  # noqa: F401 (dashboard registers its section)

        post_migrate.connect(groups.grant_group_permissions, dispatch_uid="network.grant_group_permissions")
