from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        """Enrolled learners, whether still learning or done (not waitlisted or cancelled)."""
        return self.filter(status=Enrolment.Status.ENROLLED)

    def waitlisted(self):
        return self.filter(status=Enrolment.Status.WAITLISTED).order_by("waitlisted_at", "pk")


class Enrolment(models.Model):
    """A learner's place in a module: enrolled, on the waitlist, or cancelled. One row per learner and module;
    enrolling again after cancelling reuses it."""

    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    module = models.ForeignKey(
        "autumn_school.Module", on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("module")
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("learner")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    enrolled_at = models.DateTimeField(_("enrolled at"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("waitlisted at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_lesson = models.ForeignKey(
        "autumn_school.Lesson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last lesson opened"),
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["module", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["module", "learner"], name="autumn_school_enrolment_unique"),
            models.CheckConstraint(
                condition=~Q(status="waitlisted") | Q(waitlisted_at__isnull=False),
                name="autumn_school_waitlist_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["module", "status", "waitlisted_at"], name="autumn_school_enrolment_queue"),
            models.Index(fields=["learner", "status"], name="autumn_school_enrolment_mine"),
        ]

    def __str__(self):
        return f"{self.learner} – {self.module}"

    @property
    def is_completed(self):
        return self.completed_at is not None


class LessonProgress(models.Model):
    """A lesson a learner marked as done."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="lesson_progress", verbose_name=_("enrolment")
    )
    lesson = models.ForeignKey(
        "autumn_school.Lesson", on_delete=models.CASCADE, related_name="progress", verbose_name=_("lesson")
    )
    completed_at = models.DateTimeField(_("done at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson done")
        verbose_name_plural = _("lessons done")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="autumn_school_progress_unique"),
        ]

    def __str__(self):
        return f"{self.enrolment} – {self.lesson}"
