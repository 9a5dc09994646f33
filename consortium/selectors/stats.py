"""The consortium's figures: the pipeline funnel, projects by sector, country and corridor direction, milestones
on time or late, and the impact KPIs. They feed the staff dashboard and the public impact page (consortium.charts
turns them into chart shapes).

Each figure is one aggregate query (the KPIs: those of ``consortium.selectors.kpis``), whatever the number of
projects.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, DecimalField, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from consortium.charts import funnel_chart, groups_chart
from consortium.models import KpiReport, Milestone, Project, StatusChange
from consortium.selectors.kpis import kpi_totals
from network.models import Sector

Status = Project.Status

# Eligible, then every status an eligible application can reach (a decision, then the accompaniment).
AFTER_ELIGIBLE = (Status.ELIGIBLE, Status.RESERVE, Status.NOT_SELECTED, *Project.ACCOMPANIED)
# The public page never shows a group smaller than this: it is merged under "Other".
MIN_GROUP = 3

NOT_GIVEN = pgettext_lazy("chart group", "Not given")
OTHER = pgettext_lazy("chart group", "Other")


@dataclass
class Group:
    """One bar of a breakdown: a label and its counts (all submitted applications, the selected ones)."""

    key: str
    label: str
    total: int
    selected: int = 0


# Figures


def funnel(projects) -> dict[str, int]:
    """How far the projects went: submitted (every status but draft), eligible (eligible or any decision or
    accompaniment after it), selected (and accompanied since, even if abandoned later) and launched. A launched
    project stays counted once closed or abandoned: its company creation date or its history says it launched."""
    launched_once = Exists(StatusChange.objects.filter(project=OuterRef("pk"), to_status=Status.LAUNCHED))
    after_launch = (Status.CLOSED, Status.ABANDONED)
    return (
        projects.order_by()
        .annotate(launched_once=launched_once)
        .aggregate(
            submitted=Count("pk", filter=~Q(status=Status.DRAFT)),
            eligible=Count("pk", filter=Q(status__in=AFTER_ELIGIBLE)),
            selected=Count("pk", filter=Q(status__in=Project.ACCOMPANIED)),
            launched=Count(
                "pk",
                filter=Q(status=Status.LAUNCHED)
                | Q(status__in=after_launch, company_created_on__isnull=False)
                | Q(status__in=after_launch, launched_once=True),
            ),
        )
    )


def _selected_count() -> Count:
    return Count("pk", filter=Q(status__in=Project.ACCOMPANIED))


def by_sector(projects) -> list[Group]:
    """Applications per sector (a project with two sectors counts in both), largest first."""
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    name = f"sectors__name_{language}" if language in ("fr", "en", "nl", "ar") else "sectors__name_fr"
    rows = (
        projects.order_by()
        .annotate(sector_label=Coalesce(NullIf(name, Value("")), "sectors__name_fr"))
        .values("sectors__slug", "sector_label")
        .annotate(total=Count("pk"), selected=_selected_count())
    )
    groups = [
        Group(key=row["sectors__slug"] or "", label=row["sector_label"] or str(NOT_GIVEN), total=row["total"],
              selected=row["selected"])
        for row in rows
    ]  # fmt: skip
    return _largest_first(groups)


def by_country(projects) -> list[Group]:
    rows = projects.order_by().values("country").annotate(total=Count("pk"), selected=_selected_count())
    groups = [
        Group(key=row["country"], label=str(countries.name(row["country"]) or row["country"]) or str(NOT_GIVEN),
              total=row["total"], selected=row["selected"])
        for row in rows
    ]  # fmt: skip
    return _largest_first(groups)


def by_corridor(projects) -> list[Group]:
    """Applications per corridor direction, in the choices' order (every direction shown, even at zero)."""
    rows = {
        row["corridor"]: row
        for row in projects.order_by().values("corridor").annotate(total=Count("pk"), selected=_selected_count())
    }
    groups = [
        Group(key=key, label=str(label), total=rows.get(key, {}).get("total", 0),
              selected=rows.get(key, {}).get("selected", 0))
        for key, label in Project.Corridor.choices
    ]  # fmt: skip
    if "" in rows:
        groups.append(Group(key="", label=str(NOT_GIVEN), total=rows[""]["total"], selected=rows[""]["selected"]))
    return groups


def _largest_first(groups) -> list[Group]:
    # Unknown values go last whatever their size: they are not a category to compare.
    return sorted(groups, key=lambda group: (group.key == "", -group.total, group.label.lower()))


@dataclass(frozen=True)
class Timeliness:
    done_on_time: int
    done_late: int
    overdue: int
    open_on_time: int

    @property
    def total(self) -> int:
        return self.done_on_time + self.done_late + self.overdue + self.open_on_time


def milestone_timeliness(projects, today=None) -> Timeliness:
    """The projects' milestones: done by their due date (or with no completion date noted), done after it,
    still open past it, and still open with time left."""
    today = today or timezone.localdate()
    counts = Milestone.objects.filter(project__in=projects.order_by().values("pk")).aggregate(
        done_on_time=Count("pk", filter=Milestone.done_on_time_condition()),
        done_late=Count("pk", filter=Milestone.done_late_condition()),
        overdue=Count("pk", filter=Milestone.overdue_condition(today)),
        open_on_time=Count("pk", filter=Milestone.upcoming_condition(today)),
    )
    return Timeliness(**counts)


def suppress_small_groups(groups: list[Group], minimum: int = MIN_GROUP) -> list[Group]:
    """Groups for a public page: every group under ``minimum`` (and the unknown one) goes under "Other". If
    "Other" is itself too small, the smallest shown groups join it until it is not, so no bar reveals a few
    projects. Only the totals are kept."""
    shown = [Group(key=g.key, label=g.label, total=g.total) for g in groups if g.key and g.total >= minimum]
    hidden = sum(g.total for g in groups if not g.key or g.total < minimum)
    shown.sort(key=lambda group: -group.total)
    while 0 < hidden < minimum and shown:
        hidden += shown.pop().total
    if hidden:
        shown.append(Group(key="other", label=str(OTHER), total=hidden))
    return shown


# The projects table (the dashboard's and the CSV's rows)


def _per_project(queryset, aggregate, default=0) -> Coalesce:
    """A correlated subquery: one figure per project, without joining two child tables in one GROUP BY."""
    rows = queryset.filter(project=OuterRef("pk")).order_by().values("project").annotate(value=aggregate)
    return Coalesce(Subquery(rows.values("value")), default)


def projects_table(projects, today=None) -> QuerySet[Project]:
    """Each project with its sectors, its milestones (done, overdue, all) and its KPI totals since it started
    reporting (the reports are monthly flows, so the totals are sums). A constant number of queries."""
    today = today or timezone.localdate()
    milestones = Milestone.objects.all()
    reports = KpiReport.objects.all()
    amount = DecimalField(max_digits=14, decimal_places=2)
    return (
        projects.select_related("call", "holder")
        .prefetch_related(Prefetch("sectors", queryset=Sector.objects.order_by("name_fr")))
        .annotate(
            milestones_total=_per_project(milestones, Count("pk")),
            milestones_done=_per_project(milestones.done(), Count("pk")),
            milestones_overdue=_per_project(milestones.overdue(today), Count("pk")),
            kpi_last_period=Subquery(reports.filter(project=OuterRef("pk")).order_by("-period").values("period")[:1]),
            kpi_investment=_per_project(reports, Sum("investment_mobilised"), Value(0, output_field=amount)),
            kpi_jobs=_per_project(reports, Sum("jobs_created")),
            kpi_revenue=_per_project(reports, Sum("revenue"), Value(0, output_field=amount)),
            kpi_partners=_per_project(reports, Sum("partners_found")),
        )
    )


# The public impact page


IMPACT_CACHE_SECONDS = 600


def public_impact() -> dict:
    """The public page's figures, across every call: aggregates only, small groups merged under "Other", and
    the KPI totals only once enough projects report that no single project's figures show through. Cached
    for ten minutes per language (the labels are translated)."""
    key = f"consortium:impact:{get_language() or settings.LANGUAGE_CODE}"
    figures = cache.get(key)
    if figures is None:
        figures = _public_figures()
        cache.set(key, figures, IMPACT_CACHE_SECONDS)
    return figures


def _public_figures() -> dict:
    projects = Project.objects.all()
    submitted = projects.exclude(status=Status.DRAFT)
    figures = funnel(projects)
    totals = kpi_totals(projects)
    return {
        "funnel": figures,
        "funnel_chart": funnel_chart("impact-funnel", figures),
        "totals": totals if totals.projects_reporting >= MIN_GROUP else None,
        "sector_chart": groups_chart(
            "impact-sectors", _("Applications by sector"), suppress_small_groups(by_sector(submitted)),
            with_selected=False,
        ),
        "corridor_chart": groups_chart(
            "impact-corridor", _("Applications by corridor direction"), suppress_small_groups(by_corridor(submitted)),
            with_selected=False,
        ),
        "min_group": MIN_GROUP,
        "updated_at": timezone.now(),
    }  # fmt: skip
