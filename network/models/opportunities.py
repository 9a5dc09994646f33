from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dimobel.countries import validate_country_code
from network.models.taxonomy import Sector


class OpportunityQuerySet(models.QuerySet):
    def published(self) -> "OpportunityQuerySet":
        """Not removed by the moderators (open or closed)."""
        return self.filter(status=Opportunity.Status.PUBLISHED)

    def current(self) -> "OpportunityQuerySet":
        """Deadline today or later (``is_closed`` is the opposite)."""
        return self.filter(deadline__gte=timezone.localdate())

    def closed(self) -> "OpportunityQuerySet":
        """Deadline passed."""
        return self.filter(deadline__lt=timezone.localdate())

    def open(self) -> "OpportunityQuerySet":
        """Published and not past their deadline: members may still answer (``opportunity.is_open``)."""
        return self.published().current()


class Opportunity(models.Model):
    """An offer or request on the marketplace, posted by a member, possibly for their organisation."""

    class Kind(models.TextChoices):
        INVESTMENT = "investment", _("Investment opportunity")
        TENDER = "tender", _("Call for projects or tender")
        PARTNERSHIP = "partnership", _("Partnership request")
        TRADE = "trade", _("Import/export offer")
        JOB = "job", _("Job or internship")

    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        REMOVED = "removed", _("Removed by the moderators")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    description = models.TextField(_("description"), max_length=10000, help_text=_("Markdown is allowed."))
    sectors = models.ManyToManyField(Sector, blank=True, related_name="opportunities", verbose_name=_("sectors"))
    countries = ArrayField(
        models.CharField(max_length=2, validators=[validate_country_code]),
        verbose_name=_("countries"),
        default=list,
        blank=True,
    )
    deadline = models.DateField(_("deadline"))
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="opportunities",
        verbose_name=_("posted by"),
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("on behalf of"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["deadline"]
        indexes = [
            models.Index(fields=["status", "deadline"], name="network_opp_open"),
            models.Index(fields=["status", "kind", "deadline"], name="network_opp_kind"),
            models.Index(fields=["status", "-created_at"], name="network_opp_new"),
            GinIndex(fields=["countries"], name="network_opp_countries"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_closed(self) -> bool:
        """Its deadline has passed (``OpportunityQuerySet.closed``)."""
        return self.deadline < timezone.localdate()

    @property
    def is_removed(self) -> bool:
        return self.status == self.Status.REMOVED

    @property
    def is_open(self) -> bool:
        """Published and not closed: members may still answer (``OpportunityQuerySet.open``)."""
        return self.status == self.Status.PUBLISHED and not self.is_closed
