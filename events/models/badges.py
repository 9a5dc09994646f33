from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dimobel.files import private_storage


class BadgeSheetJobQuerySet(models.QuerySet):
    def unfinished(self):
        return self.filter(status__in=[BadgeSheetJob.Status.QUEUED, BadgeSheetJob.Status.RUNNING])

    def expired(self, now=None):
        """Sheets older than RETENTION: they hold everyone's names, and a new one is a click away."""
        return self.filter(created_at__lt=(now or timezone.now()) - BadgeSheetJob.RETENTION)


class BadgeSheetJob(models.Model):
    """An organiser's request for the event's badge sheets, rendered in the background (a thousand badges take
    longer than a web request may), with its progress and, once done, the PDF in private storage."""

    RETENTION = timedelta(days=7)

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="badge_sheet_jobs", verbose_name=_("event")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("requested by")
    )
    category = models.ForeignKey(
        "events.Category", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("category"), help_text=_("Empty for every category."),
    )  # fmt: skip
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(_("badges made"), default=0)
    total = models.PositiveIntegerField(_("badges to make"), default=0)
    language = models.CharField(_("language"), max_length=10, default="fr")
    file = models.FileField(_("file"), storage=private_storage, upload_to="events/badges/%Y/%m/", blank=True)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = BadgeSheetJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("badge sheet")
        verbose_name_plural = _("badge sheets")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["event", "requested_by", "-created_at"], name="events_badgejob_event_user")]
        constraints = [
            models.CheckConstraint(condition=Q(done__lte=models.F("total")), name="events_badgejob_done_le_total"),
        ]

    def __str__(self):
        return f"{self.event} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def is_failed(self) -> bool:
        return self.status == self.Status.FAILED

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(100, round(self.done * 100 / self.total)) if self.total else 0

    @property
    def width(self) -> int:
        """The progress bar's width, in the steps of five the stylesheet has classes for (no inline style)."""
        return 5 * round(self.percent / 5)
