"""Reads of the impact KPIs: the months a report can be given for, the company's state, and the totals and monthly
series across projects.

What a monthly report means (the form says the same to the person reporting):

- investment mobilised, jobs created, revenue and partners found are **flows**: what happened *during that
  month* (new investment raised, new jobs, the month's revenue, new partners). Totals over any set of months
  or projects are therefore plain sums, and a month left unreported counts as zero.
- company created is a **state** (yes/no, with its date). A project counts once as a created company, in the
  month of the earliest date known: the one staff set when the project was launched, or the first report
  saying yes.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, IntegerField, Min, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from consortium.models import KpiReport, Project

FLOWS = ("investment_mobilised", "jobs_created", "revenue", "partners_found")
AMOUNTS = ("investment_mobilised", "revenue")


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def reporting_months(*, today=None, count=24) -> list[date]:
    """The months a report can be given for, newest first: this month and the ``count - 1`` before it."""
    current = month_start(today or timezone.localdate())
    return [add_months(current, -offset) for offset in range(count)]


def company_state(project, reports=None) -> tuple[bool, date | None]:
    """What the next report's "company created" starts from: the date staff recorded at the launch, or the
    earliest one reported. ``reports`` spares a query when the caller already holds the project's reports."""
    if project.company_created_on:
        return True, project.company_created_on
    if reports is None:
        reports = project.kpi_reports.filter(company_created=True)
    dates = [report.company_created_on for report in reports if report.company_created]
    return (True, min(dates)) if dates else (False, None)


def _output_field(name) -> DecimalField | IntegerField:
    return DecimalField(max_digits=14, decimal_places=2) if name in AMOUNTS else IntegerField()


def _project_ids(projects_qs) -> QuerySet:
    return projects_qs.order_by().values("pk")


def _company_dates(projects_qs) -> list[date]:
    """Each project's company creation date (the earliest known), for the projects that have one."""
    first_reported = Min("kpi_reports__company_created_on", filter=Q(kpi_reports__company_created=True))
    return list(
        Project.objects.filter(pk__in=_project_ids(projects_qs))
        .annotate(created_on=Least("company_created_on", first_reported))  # LEAST skips NULLs on PostgreSQL
        .filter(created_on__isnull=False)
        .values_list("created_on", flat=True)
    )


@dataclass(frozen=True)
class KpiTotals:
    investment_mobilised: Decimal
    jobs_created: int
    revenue: Decimal
    partners_found: int
    companies_created: int
    projects_reporting: int
    reports: int


def kpi_totals(projects_qs) -> KpiTotals:
    """The sums of the flows over every report of these projects, and how many companies they created.
    Two queries, whatever the number of projects."""
    sums = KpiReport.objects.filter(project__in=_project_ids(projects_qs)).aggregate(
        **{name: Coalesce(Sum(name), 0, output_field=_output_field(name)) for name in FLOWS},
        projects_reporting=Count("project", distinct=True),
        reports=Count("pk"),
    )
    return KpiTotals(
        investment_mobilised=Decimal(sums["investment_mobilised"]),
        jobs_created=sums["jobs_created"],
        revenue=Decimal(sums["revenue"]),
        partners_found=sums["partners_found"],
        companies_created=len(_company_dates(projects_qs)),
        projects_reporting=sums["projects_reporting"],
        reports=sums["reports"],
    )


@dataclass(frozen=True)
class KpiMonth:
    """One month across the projects: the month's flows, and the running totals up to and including it."""

    period: date
    reports: int
    investment_mobilised: Decimal
    jobs_created: int
    revenue: Decimal
    partners_found: int
    companies_created: int
    total_investment_mobilised: Decimal
    total_jobs_created: int
    total_revenue: Decimal
    total_partners_found: int
    total_companies_created: int


def kpi_series(projects_qs) -> list[KpiMonth]:
    """Month by month, oldest first, from the first month with a report or a company creation to the last;
    months in between without any report are included with zeros, so a chart's time axis stays regular.
    Two queries."""
    rows = {
        row["period"]: row
        for row in KpiReport.objects.filter(project__in=_project_ids(projects_qs))
        .order_by()
        .values("period")
        .annotate(reports=Count("pk"), **{name: Sum(name) for name in FLOWS})
    }
    companies = {}
    for created_on in _company_dates(projects_qs):
        companies[month_start(created_on)] = companies.get(month_start(created_on), 0) + 1
    months = set(rows) | set(companies)
    if not months:
        return []
    series = []
    totals = dict.fromkeys(FLOWS, 0) | {"companies_created": 0}
    month, last = min(months), max(months)
    while month <= last:
        row = rows.get(month, {})
        flows = {name: row.get(name) or 0 for name in FLOWS}
        flows["companies_created"] = companies.get(month, 0)
        for name, value in flows.items():
            totals[name] += value
        series.append(
            KpiMonth(
                period=month,
                reports=row.get("reports", 0),
                investment_mobilised=Decimal(flows["investment_mobilised"]),
                jobs_created=flows["jobs_created"],
                revenue=Decimal(flows["revenue"]),
                partners_found=flows["partners_found"],
                companies_created=flows["companies_created"],
                total_investment_mobilised=Decimal(totals["investment_mobilised"]),
                total_jobs_created=totals["jobs_created"],
                total_revenue=Decimal(totals["revenue"]),
                total_partners_found=totals["partners_found"],
                total_companies_created=totals["companies_created"],
            )
        )
        month = add_months(month, 1)
    return series
