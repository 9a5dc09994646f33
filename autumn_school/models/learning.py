from django.db import models
from django.db.models import Deferrable
from django.utils.translation import gettext_lazy as _

from dimobel.files import private_storage


class Lesson(models.Model):
    """One step of a module's syllabus, in order."""

    module = models.ForeignKey(
        "autumn_school.Module", on_delete=models.CASCADE, related_name="lessons", verbose_name=_("module")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("title"), max_length=200)
    content = models.TextField(_("content"), blank=True, help_text=_("Markdown is allowed."))
    video_url = models.URLField(
        _("video"), blank=True, help_text=_("A YouTube or Vimeo address; it is shown as a privacy-enhanced embed.")
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["module", "position", "pk"]
        constraints = [
            # Deferred, so that reordering lessons in the admin (swapping two positions) saves in one go.
            models.UniqueConstraint(
                fields=["module", "position"],
                name="autumn_school_lesson_position_unique",
                deferrable=Deferrable.DEFERRED,
            ),
        ]

    def __str__(self):
        return self.title


class Resource(models.Model):
    """A file attached to a lesson; only enrolled learners and instructors may download it."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="resources", verbose_name=_("lesson"))
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="autumn_school/resources/%Y/%m/", storage=private_storage)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["lesson", "title", "pk"]

    def __str__(self):
        return self.title
