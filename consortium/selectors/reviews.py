"""Reads of the jury's work: each juror's applications by call, the reviews still to come, and each juror's
progress on a call."""

from itertools import groupby

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from consortium.display import progress_class
from consortium.models import ReviewAssignment
from consortium.permissions import assignments_in_review

Status = ReviewAssignment.Status


def reviews_by_call(juror) -> list[dict]:
    """The juror's applications for the calls in their review phase only, grouped by call, with how many are done."""
    rows = (
        assignments_in_review(juror)
        .select_related("project__call")
        .order_by("project__call__review_closes_at", "project__call_id", "status", "project__title", "pk")
    )
    calls = []
    for call, group in groupby(rows, key=lambda assignment: assignment.project.call):
        group = list(group)
        done = sum(assignment.is_submitted for assignment in group)
        calls.append(
            {
                "call": call,
                "assignments": group,
                "done": done,
                "total": len(group),
                "progress_class": progress_class(done, len(group)),
            }
        )
    return calls


def upcoming_reviews(juror) -> QuerySet:
    """Applications given to the juror in calls whose review has not opened yet, counted per call."""
    return (
        ReviewAssignment.objects.filter(
            juror=juror,
            status=Status.PENDING,
            project__call__review_opens_at__gt=timezone.now(),
            project__call__decisions_published_at__isnull=True,
        )
        .values("project__call__title", "project__call__review_opens_at", "project__call__review_closes_at")
        .annotate(count=Count("pk"))
        .order_by("project__call__review_opens_at")
    )


def jury_progress(call, jury) -> list[dict]:
    """Per juror: assigned, submitted, pending and conflicts, for the jury and anyone who still holds assignments."""
    rows = (
        ReviewAssignment.objects.filter(project__call=call)
        .values("juror_id", "juror__first_name", "juror__last_name", "juror__email")
        .annotate(
            assigned=Count("pk"),
            submitted=Count("pk", filter=Q(status=Status.SUBMITTED)),
            pending=Count("pk", filter=Q(status=Status.PENDING)),
            conflicts=Count("pk", filter=Q(status=Status.CONFLICT)),
        )
        .order_by()
    )
    by_juror = {row["juror_id"]: row for row in rows}
    progress = []
    for juror in jury:
        row = by_juror.pop(juror.pk, {"assigned": 0, "submitted": 0, "pending": 0, "conflicts": 0})
        progress.append({"name": juror.get_full_name() or juror.email, "email": juror.email, **row})
    for row in by_juror.values():  # removed from the jury after being assigned
        name = f"{row['juror__first_name']} {row['juror__last_name']}".strip() or row["juror__email"]
        progress.append({"name": name, "email": row["juror__email"], "former": True, **row})
    for row in progress:
        reviewable = row["assigned"] - row["conflicts"]
        row["progress_class"] = progress_class(row["submitted"], reviewable)
    return progress


def conflicts(call) -> QuerySet[ReviewAssignment]:
    return (
        ReviewAssignment.objects.filter(project__call=call, status=Status.CONFLICT)
        .select_related("project", "juror")
        .order_by("project__title", "pk")
    )
