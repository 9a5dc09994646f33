from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class KpiReport(models.Model):
    """A project's periodic impact report (monthly). Amounts in euros."""

    project = models.ForeignKey(
        "consortium.Project", on_delete=models.CASCADE, related_name="kpi_reports", verbose_name=_("project")
    )
    period = models.DateField(_("month"), help_text=_("The first day of the month reported."))
    investment_mobilised = models.DecimalField(
        _("investment mobilised (EUR)"), max_digits=12, decimal_places=2, default=0
    )
    jobs_created = models.PositiveIntegerField(_("jobs created"), default=0)
    revenue = models.DecimalField(_("revenue (EUR)"), max_digits=12, decimal_places=2, default=0)
    partners_found = models.PositiveIntegerField(_("partners found"), default=0)
    company_created = models.BooleanField(_("company created"), default=False)
    company_created_on = models.DateField(_("company created on"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("submitted by")
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now=True)

    class Meta:
        verbose_name = _("KPI report")
        verbose_name_plural = _("KPI reports")
        ordering = ["project", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["project", "period"], name="consortium_kpi_once_per_month"),
            models.CheckConstraint(condition=Q(period__day=1), name="consortium_kpi_period_is_month"),
            models.CheckConstraint(
                condition=Q(company_created=False) | Q(company_created_on__isnull=False),
                name="consortium_kpi_company_date",
            ),
        ]
        indexes = [models.Index(fields=["period"], name="consortium_kpi_period")]

    def __str__(self):
        return f"{self.project} – {self.period:%Y-%m}"
