from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from autumn_school.models.catalogue import in_catalogue

# An enrolled learner who has done nothing for this long is inactive (the instructors' nudge).
INACTIVE_AFTER = timedelta(days=7)


def _inactive(now) -> Q:
    """Enrolled, not finished, an active account, and quiet for a week. Needs the ``active_since`` annotation."""
    cutoff = (now or timezone.now()) - INACTIVE_AFTER
    return Q(
        status=Enrolment.Status.ENROLLED,
        completed_at__isnull=True,
        learner__is_active=True,
        active_since__lt=cutoff,
    )


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        """Enrolled learners, whether still learning or done (not waitlisted or cancelled)."""
        return self.filter(status=Enrolment.Status.ENROLLED)

    def waitlisted(self):
        return self.filter(status=Enrolment.Status.WAITLISTED).order_by("waitlisted_at", "pk")

    def current(self):
        """Holding a place or waiting for one: every enrolment but the cancelled ones."""
        return self.exclude(status=Enrolment.Status.CANCELLED)

    def completed(self):
        return self.filter(completed_at__isnull=False)

    def in_catalogue(self):
        """Enrolments in published modules of published editions."""
        return self.filter(in_catalogue("module__"))

    def with_active_since(self):
        """Annotate ``active_since``: the last activity, or for a learner who never opened a lesson, the day
        they enrolled."""
        return self.annotate(active_since=Coalesce("last_activity_at", "enrolled_at", "created_at"))

    def inactive(self, now=None):
        """Enrolled learners who have not finished and have done nothing for a week (or nothing since
        enrolling a week ago)."""
        return self.with_active_since().filter(_inactive(now))

    def with_inactivity(self, now=None):
        """Annotate ``active_since`` and ``is_inactive``, the rule of ``inactive()``, so a page's count of
        inactive learners is the number of emails the nudge sends."""
        return self.with_active_since().annotate(
            is_inactive=ExpressionWrapper(_inactive(now), output_field=BooleanField())
        )


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
    def is_enrolled(self) -> bool:
        """Holding a place, whether still learning or done."""
        return self.status == self.Status.ENROLLED

    @property
    def is_waitlisted(self) -> bool:
        return self.status == self.Status.WAITLISTED

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_completed(self) -> bool:
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
