from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from autumn_school.models.catalogue import in_catalogue

# The meeting link shows this long before the start.
JOIN_OPENS_BEFORE = timedelta(minutes=15)


class LiveSessionQuerySet(models.QuerySet):
    def in_catalogue(self):
        """Sessions of published modules of published editions."""
        return self.filter(in_catalogue("module__"))


class LiveSession(models.Model):
    """A live class (BigBlueButton, Zoom, Teams…) of a module."""

    module = models.ForeignKey(
        "autumn_school.Module", on_delete=models.CASCADE, related_name="live_sessions", verbose_name=_("module")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    meeting_url = models.URLField(
        _("meeting link"), help_text=_("Shown only to enrolled learners, from 15 minutes before the start.")
    )
    recording_url = models.URLField(_("recording link"), blank=True)

    objects = LiveSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["starts_at"], name="autumn_school_session_start")]

    def __str__(self):
        return self.title

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def join_opens_at(self):
        return self.starts_at - JOIN_OPENS_BEFORE


class Attendance(models.Model):
    """An instructor's record that a learner attended a live session."""

    session = models.ForeignKey(
        LiveSession, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("live session")
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("learner")
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked by"),
    )
    marked_at = models.DateTimeField(_("marked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["session", "learner"], name="autumn_school_attendance_unique"),
        ]

    def __str__(self):
        return f"{self.learner} – {self.session}"
