from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dimobel import roles


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from network import dashboard  # noqa: F401 (dashboard registers its section)

        # What organisers manage in the admin: members, organisations, opportunities, reports and the taxonomies.
        roles.grant(
            roles.ORGANISERS,
            app_label=self.label,
            models={
                "user": "view change",
                "profile": "view",
                "organisation": "view change",
                "membership": "view change",
                "opportunity": "view change",
                "messagereport": "view change",
                "thread": "view",
                "block": "view",
                "sector": "view add change",
                "helptype": "view add change",
                "organisationkind": "view add change",
            },
        )
        roles.grant(
            roles.ORGANISERS,
            app_label="account",
            models={
                "emailaddress": "view",
            },
        )
