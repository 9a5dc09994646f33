"""Impact KPIs: each accompanied project reports once per month. What the figures mean, and how they add up
across projects: consortium.selectors.kpis."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.models import KpiReport, Project
from consortium.selectors.kpis import AMOUNTS, FLOWS, month_start
from dimobel.errors import DomainError

MAX_AMOUNT = Decimal("9999999999.99")  # what the columns hold (12 digits, 2 decimals)
MAX_COUNT = 1_000_000


class InvalidKpiReport(DomainError):
    default_message = gettext_lazy("This KPI report is not valid.")


class ReportingClosed(DomainError):
    default_message = gettext_lazy("This project is closed: it no longer reports KPIs.")


def _figure(name, raw) -> Decimal | int:
    value = raw or 0
    try:
        value = Decimal(value) if name in AMOUNTS else int(value)
    except (ArithmeticError, TypeError, ValueError) as error:
        raise InvalidKpiReport(_("Every figure must be a number.")) from error
    if name in AMOUNTS and not value.is_finite():
        raise InvalidKpiReport(_("Every figure must be a number."))
    if value < 0:
        raise InvalidKpiReport(_("Figures cannot be negative."))
    if value > (MAX_AMOUNT if name in AMOUNTS else MAX_COUNT):
        raise InvalidKpiReport(_("This figure is too large."))
    return value.quantize(Decimal("0.01")) if name in AMOUNTS else value


def _validated(period, values) -> dict:
    if not isinstance(period, date) or period.day != 1:
        raise InvalidKpiReport(_("The period must be the first day of a month."))
    today = timezone.localdate()
    if period > month_start(today):
        raise InvalidKpiReport(_("You cannot report for a month that has not started yet."))
    cleaned = {name: _figure(name, values.get(name)) for name in FLOWS}
    company_created = bool(values.get("company_created"))
    created_on = values.get("company_created_on") if company_created else None
    if company_created and not created_on:
        raise InvalidKpiReport(_("Give the date the company was created."))
    if created_on and created_on > today:
        raise InvalidKpiReport(_("The company's creation date cannot be in the future."))
    cleaned.update(
        company_created=company_created, company_created_on=created_on, comment=(values.get("comment") or "").strip()
    )
    return cleaned


def check_kpi_report(*, project, period, values) -> dict:
    """The report's rules, without writing: the admin's form asks them so its errors show on the form. Returns
    the cleaned figures; ``submit_kpi_report`` applies the same rules, the project's status under a lock."""
    if not project.workspace_is_open:
        raise ReportingClosed
    return _validated(period, values)


def submit_kpi_report(*, project, period, values, by) -> KpiReport:
    """Create or update the project's report for the month ``period`` (its first day). ``values`` holds the
    four flows, ``company_created`` (+ ``company_created_on``) and an optional ``comment``; missing flows
    count as zero. The holder, the mentors and staff may report (the view checks access)."""
    cleaned = _validated(period, values)
    with transaction.atomic():
        # Locking the project serialises two people saving the same month at once (one updates the other).
        status = Project.objects.select_for_update().values_list("status", flat=True).get(pk=project.pk)
        if status not in Project.WORKSPACE_OPEN:
            raise ReportingClosed
        report, _created = KpiReport.objects.update_or_create(
            project=project, period=period, defaults={**cleaned, "submitted_by": by}
        )
    return report
