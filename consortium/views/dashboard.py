"""The consortium's dashboard for staff: the pipeline, where the projects come from, how the milestones go and
what the projects report, with the table of projects and its CSV export that replace the spreadsheets."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consortium import charts
from consortium.display import country_name
from consortium.filters import DashboardFilter
from consortium.models import Project
from consortium.permissions import require_consortium_staff
from consortium.selectors import stats
from consortium.selectors.calls import calls_overview
from consortium.selectors.kpis import kpi_series, kpi_totals
from dimobel.csv_export import csv_response
from dimobel.mail import absolute_url

PAGE_SIZE = 50
SERIES_MONTHS = 24  # the monthly charts show the last two years; the CSV and the totals keep everything
KPI_CHARTS = (
    ("investment_mobilised", _("Investment mobilised per month (EUR)")),
    ("jobs_created", _("Jobs created per month")),
    ("revenue", _("Revenue per month (EUR)")),
    ("partners_found", _("Partners found per month")),
)


def _filtered(request):
    """The filter, the projects of the chosen call (every figure) and the table's rows (call and status)."""
    filterset = DashboardFilter(request.GET, queryset=Project.objects.submitted())
    rows = filterset.qs
    call = filterset.form.cleaned_data.get("call") if filterset.is_valid() else None
    scope = Project.objects.filter(call=call) if call else Project.objects.all()
    return filterset, call, scope, rows.order_by("-submitted_at", "-pk")


@login_required
def staff_dashboard(request):
    require_consortium_staff(request.user)
    filterset, call, scope, rows = _filtered(request)
    submitted = scope.submitted()
    funnel = stats.funnel(scope)
    series = kpi_series(scope)[-SERIES_MONTHS:]
    page = Paginator(stats.projects_table(rows), PAGE_SIZE).get_page(request.GET.get("page"))
    for project in page.object_list:
        project.country_name = country_name(project.country)
        project.url = project_url(project)
    context = {
        "filter": filterset,
        "call": call,
        "calls": calls_overview(),
        "funnel": funnel,
        "funnel_chart": charts.funnel_chart("funnel", funnel),
        "sector_chart": charts.groups_chart("sectors", _("Applications by sector"), stats.by_sector(submitted)),
        "country_chart": charts.groups_chart("countries", _("Applications by country"), stats.by_country(submitted)),
        "corridor_chart": charts.groups_chart(
            "corridor", _("Applications by corridor direction"), stats.by_corridor(submitted)
        ),
        "milestones_chart": charts.milestones_chart("milestones", stats.milestone_timeliness(scope)),
        "totals": kpi_totals(scope),
        "kpi_charts": [
            charts.column_chart(f"kpi-{name}", title, [(month.period, getattr(month, name)) for month in series])
            for name, title in KPI_CHARTS
        ],
        "series": series,
        "page_obj": page,
    }
    return render(request, "consortium/dashboard.html", context)


@login_required
def export_csv(request):
    require_consortium_staff(request.user)
    _filterset, call, _scope, rows = _filtered(request)
    header = [
        _("Project"), _("Project holder"), _("Email"), _("Call for projects"), _("Status"), _("Sectors"), _("City"),
        _("Country"), _("Corridor direction"), _("Stage"), _("Submitted at"), _("Funding needed"), _("Currency"),
        _("Jobs expected"), _("Milestones"), _("Milestones done"), _("Milestones overdue"), _("Last KPI report"),
        _("Investment mobilised (EUR)"), _("Jobs created"), _("Revenue (EUR)"), _("Partners found"),
        _("Company created on"), _("Link"),
    ]  # fmt: skip
    return csv_response(
        f"consortium-projects-{call.slug}" if call else "consortium-projects",
        header,
        (_csv_row(project) for project in stats.projects_table(rows).iterator(chunk_size=500)),
    )


def _csv_row(project):
    return [
        project.title,
        project.holder.get_full_name(),
        project.holder.email,
        project.call.title,
        project.get_status_display(),
        ", ".join(sector.name for sector in project.sectors.all()),
        project.city,
        country_name(project.country),
        project.get_corridor_display(),
        project.get_stage_display(),
        timezone.localtime(project.submitted_at).strftime("%Y-%m-%d %H:%M") if project.submitted_at else "",
        project.funding_needed if project.funding_needed is not None else "",
        project.funding_currency,
        project.jobs_expected if project.jobs_expected is not None else "",
        project.milestones_total,
        project.milestones_done,
        project.milestones_overdue,
        project.kpi_last_period.strftime("%Y-%m") if project.kpi_last_period else "",
        project.kpi_investment,
        project.kpi_jobs,
        project.kpi_revenue,
        project.kpi_partners,
        project.company_created_on.isoformat() if project.company_created_on else "",
        absolute_url(project_url(project)),
    ]


def project_url(project):
    """Where staff follow a project: its workspace once selected, its application page before."""
    if project.has_workspace:
        return reverse("consortium:workspace", args=[project.pk])
    return reverse("consortium:project", args=[project.pk])
