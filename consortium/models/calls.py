from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def open(self, now=None):
        now = now or timezone.now()
        return self.published().filter(opens_at__lte=now, closes_at__gt=now)


class Call(models.Model):
    """A call for projects. Its phases follow its dates: open → screening → jury review → decisions."""

    class Phase(models.TextChoices):
        UPCOMING = "upcoming", _("Opens soon")
        OPEN = "open", _("Open for applications")
        SCREENING = "screening", _("Screening")
        REVIEW = "review", _("Jury review")
        DECISION = "decision", _("Selection")
        DECIDED = "decided", _("Decisions published")

        # What the pages ask of a phase (``{% if phase.is_upcoming %}``), instead of comparing its value.
        @property
        def is_upcoming(self) -> bool:
            return self is Call.Phase.UPCOMING

        @property
        def is_open(self) -> bool:
            return self is Call.Phase.OPEN

        @property
        def is_decided(self) -> bool:
            return self is Call.Phase.DECIDED

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown is allowed."))
    eligibility = models.TextField(_("eligibility rules"), blank=True, help_text=_("Markdown is allowed."))
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    review_opens_at = models.DateTimeField(_("jury review opens at"))
    review_closes_at = models.DateTimeField(_("jury deadline"))
    decisions_published_at = models.DateTimeField(_("decisions published at"), null=True, blank=True, editable=False)
    places = models.PositiveSmallIntegerField(_("places"), default=30, validators=[MinValueValidator(1)])
    languages = ArrayField(
        models.CharField(max_length=2, choices=settings.LANGUAGES),
        verbose_name=_("languages"),
        default=list,
        blank=True,
    )
    jury = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="juries", verbose_name=_("jury members")
    )
    disagreement_threshold = models.DecimalField(
        _("disagreement threshold"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("15.00"),
        help_text=_("Flag applications whose jurors' totals (out of 100) spread more than this (standard deviation)."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call for projects")
        verbose_name_plural = _("calls for projects")
        ordering = ["-opens_at"]
        indexes = [models.Index(fields=["is_published", "opens_at", "closes_at"], name="consortium_call_open")]
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")), name="consortium_call_dates"),
            models.CheckConstraint(
                condition=Q(review_opens_at__gte=models.F("closes_at")), name="consortium_review_after_closing"
            ),
            models.CheckConstraint(
                condition=Q(review_closes_at__gt=models.F("review_opens_at")), name="consortium_review_dates"
            ),
        ]

    def __str__(self):
        return self.title

    def phase(self, now=None):
        now = now or timezone.now()
        if self.decisions_published_at:
            return self.Phase.DECIDED
        if now < self.opens_at:
            return self.Phase.UPCOMING
        if now < self.closes_at:
            return self.Phase.OPEN
        if now < self.review_opens_at:
            return self.Phase.SCREENING
        if now < self.review_closes_at:
            return self.Phase.REVIEW
        return self.Phase.DECISION

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.is_published and self.opens_at <= now < self.closes_at

    def in_review(self, now=None):
        now = now or timezone.now()
        return self.review_opens_at <= now < self.review_closes_at and not self.decisions_published_at


class Criterion(models.Model):
    """One line of the evaluation grid: scored from 0 to its maximum, weighted in the total."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("call"))
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what to assess"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=10, validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["call", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gt=0), name="consortium_criterion_weight_positive"),
            models.CheckConstraint(condition=Q(max_score__gt=0), name="consortium_criterion_max_positive"),
        ]

    def __str__(self):
        return self.title
