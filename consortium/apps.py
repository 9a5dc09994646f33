from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dimobel import roles


class ConsortiumConfig(AppConfig):
    name = "consortium"
    verbose_name = _("Consortium")

    def ready(self):
        # Register the dashboard section and the milestones' calendar source.
        from consortium import calendar_items, dashboard_section  # noqa: F401

        # What organisers manage in the admin: calls, projects, the jury's assignments and the accompaniment.
        roles.grant(
            roles.ORGANISERS,
            app_label=self.label,
            models={
                "assistanceservice": "view add change",
                "consortiummember": "view add change",
                "call": "view add change",
                "criterion": "view add change delete",
                "project": "view add change",
                "teammember": "view add change",
                "reviewassignment": "view add change delete",
                "mentorship": "view add change delete",
                "milestone": "view add change",
                "mentoringmeeting": "view add change",
                "projectdocument": "view add change",
                "need": "view add change",
                "kpireport": "view add change",
                "score": "view",
                "statuschange": "view",
            },
        )
