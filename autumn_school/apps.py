from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AutumnSchoolConfig(AppConfig):
    name = "autumn_school"
    verbose_name = _("Autumn school")
