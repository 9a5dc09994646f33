from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dimobel import roles


class AutumnSchoolConfig(AppConfig):
    name = "autumn_school"
    verbose_name = _("Autumn school")

    def ready(self):
        # Register the dashboard section and the live sessions' calendar source.
        from autumn_school import calendar_items, dashboard  # noqa: F401

        # What organisers manage in the admin: editions, modules and their content, enrolments, certificates.
        roles.grant(
            roles.ORGANISERS,
            app_label=self.label,
            models={
                "edition": "view add change",
                "module": "view add change",
                "lesson": "view add change delete",
                "resource": "view add change delete",
                "livesession": "view add change delete",
                "attendance": "view add change",
                "enrolment": "view add change",
                "quiz": "view add change",
                "quizquestion": "view add change delete",
                "choice": "view add change delete",
                "certificatetemplate": "view add change",
                "theme": "view add change",
                "question": "view add change delete",
                "answer": "view add change delete",
                "certificate": "view change",
                "quizattempt": "view",
                "lessonprogress": "view",
            },
        )
