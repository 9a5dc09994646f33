from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReviewAssignment(models.Model):
    """An application given to a juror: pending, then scored (submitted) or withdrawn for a conflict of interest."""

    class Status(models.TextChoices):
        PENDING = "pending", _("To review")
        SUBMITTED = "submitted", _("Submitted")
        CONFLICT = "conflict", _("Conflict of interest")

    project = models.ForeignKey(
        "consortium.Project", on_delete=models.CASCADE, related_name="assignments", verbose_name=_("project")
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_assignments", verbose_name=_("juror")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    comment = models.TextField(_("overall comment"), blank=True)
    conflict_reason = models.CharField(_("conflict of interest"), max_length=300, blank=True)
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["project", "juror"]
        constraints = [models.UniqueConstraint(fields=["project", "juror"], name="consortium_assignment_once")]
        indexes = [models.Index(fields=["juror", "status"], name="consortium_assignment_juror")]

    def __str__(self):
        return f"{self.juror} – {self.project}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class Score(models.Model):
    """A juror's score for one criterion (validated against the criterion's maximum by the service)."""

    assignment = models.ForeignKey(
        ReviewAssignment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("review")
    )
    criterion = models.ForeignKey(
        "consortium.Criterion", on_delete=models.CASCADE, related_name="scores", verbose_name=_("criterion")
    )
    value = models.DecimalField(_("score"), max_digits=5, decimal_places=2)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="consortium_score_once"),
            models.CheckConstraint(condition=Q(value__gte=0), name="consortium_score_not_negative"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"
