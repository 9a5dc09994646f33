"""Reads of the calls for staff: a call's pipeline, its applications waiting for screening or screened, its
jury, and every call with its counts for the dashboard."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from consortium.models import Call, Project

Status = Project.Status

# The call board's columns: each status, and the statuses it counts. Selected projects move on to
# accompaniment; they still count as selected here.
PIPELINE = (
    (Status.DRAFT, (Status.DRAFT,)),
    (Status.SUBMITTED, (Status.SUBMITTED,)),
    (Status.ELIGIBLE, (Status.ELIGIBLE,)),
    (Status.INELIGIBLE, (Status.INELIGIBLE,)),
    (Status.SELECTED, Project.ACCOMPANIED),
    (Status.RESERVE, (Status.RESERVE,)),
    (Status.NOT_SELECTED, (Status.NOT_SELECTED,)),
)


def status_counts(call) -> dict[str, int]:
    return dict(Project.objects.filter(call=call).values_list("status").annotate(count=Count("pk")).order_by())


def pipeline(counts: dict[str, int]) -> list[dict]:
    """The call board's pipeline from ``status_counts``."""
    return [
        {"status": key, "label": key.label, "count": sum(counts.get(value, 0) for value in statuses)}
        for key, statuses in PIPELINE
    ]


def waiting_for_screening(call) -> QuerySet[Project]:
    return (
        Project.objects.filter(call=call, status=Status.SUBMITTED)
        .select_related("holder")
        .order_by("submitted_at", "pk")
    )


def screened(call) -> QuerySet[Project]:
    return (
        Project.objects.filter(call=call, status__in=(Status.ELIGIBLE, Status.INELIGIBLE))
        .select_related("holder")
        .order_by("status", "title", "pk")
    )


def active_jury(call) -> list:
    return list(call.jury.filter(is_active=True).order_by("last_name", "first_name", "pk"))


def calls_overview() -> list[tuple[Call, Call.Phase]]:
    """Every call with its applications (submitted, waiting for screening) and its phase, newest first."""
    calls = Call.objects.annotate(
        submitted=Count("projects", filter=~Q(projects__status=Status.DRAFT)),
        waiting=Count("projects", filter=Q(projects__status=Status.SUBMITTED)),
    ).order_by("-opens_at", "pk")
    now = timezone.now()
    return [(call, call.phase(now)) for call in calls]
