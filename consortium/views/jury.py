"""The jury's pages: my applications to review, the scoring form, declaring a conflict of interest."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consortium import permissions, ranking
from consortium.display import progress_class
from consortium.forms.reviews import ConflictForm, ReviewForm
from consortium.models import ReviewAssignment
from consortium.services import reviews as services
from consortium.services.errors import ConsortiumError
from consortium.views.applications import application_context


@login_required
def assignments(request):
    """The juror's applications, for the calls in their review phase only, grouped by call."""
    now = timezone.now()
    rows = (
        permissions.assignments_in_review(request.user)
        .select_related("project__call")
        .order_by("project__call__review_closes_at", "project__call_id", "status", "project__title", "pk")
    )
    calls = []
    for call, group in groupby(rows, key=lambda assignment: assignment.project.call):
        group = list(group)
        done = sum(assignment.status == ReviewAssignment.Status.SUBMITTED for assignment in group)
        calls.append(
            {
                "call": call,
                "assignments": group,
                "done": done,
                "total": len(group),
                "progress_class": progress_class(done, len(group)),
            }
        )
    upcoming = (
        ReviewAssignment.objects.filter(
            juror=request.user,
            status=ReviewAssignment.Status.PENDING,
            project__call__review_opens_at__gt=now,
            project__call__decisions_published_at__isnull=True,
        )
        .values("project__call__title", "project__call__review_opens_at", "project__call__review_closes_at")
        .annotate(count=Count("pk"))
        .order_by("project__call__review_opens_at")
    )
    return render(request, "consortium/jury/assignments.html", {"calls": calls, "upcoming": list(upcoming)})


def _others(assignment):
    """After the juror submitted: the other jurors' submitted totals (anonymised) and the panel's average."""
    totals = ranking.review_totals(assignment.project)
    others = [
        {"label": _("Juror %(number)s") % {"number": number}, "total": total}
        for number, (_assignment_id, total) in enumerate(
            sorted((pk, total) for pk, total in totals.items() if pk != assignment.pk), start=1
        )
    ]
    summary = ranking.summarise(list(totals.values()), threshold=assignment.project.call.disagreement_threshold)
    return {"own_total": totals.get(assignment.pk), "others": others, "summary": summary}


def _render_review(request, assignment, *, form=None, conflict_form=None, status=200):
    project = assignment.project
    criteria = list(project.call.criteria.all())
    submitted = assignment.status == ReviewAssignment.Status.SUBMITTED
    context = {
        "assignment": assignment,
        "project": project,
        "call": project.call,
        "submitted": submitted,
        **application_context(project, request.user),
    }
    if submitted:
        scores = {score.criterion_id: score for score in assignment.scores.all()}
        context["scored"] = [(criterion, scores.get(criterion.pk)) for criterion in criteria]
        context.update(_others(assignment))
    else:
        if form is None:
            scores = {score.criterion_id: score for score in assignment.scores.all()}
            form = ReviewForm(criteria=criteria, scores=scores, initial={"comment": assignment.comment})
        context["form"] = form
        context["conflict_form"] = conflict_form or ConflictForm()
    return render(request, "consortium/jury/review.html", context, status=status)


@login_required
def review(request, assignment_id):
    """The application, read-only, and the scoring form; once submitted, the review and the panel's totals."""
    assignment = permissions.get_assignment_for_juror(request.user, assignment_id)
    if request.method != "POST":
        return _render_review(request, assignment)
    if assignment.status == ReviewAssignment.Status.SUBMITTED:
        messages.error(request, str(services.ReviewLocked()))
        return redirect("consortium:review", assignment.pk)
    submitting = "submit" in request.POST
    criteria = list(assignment.project.call.criteria.all())
    form = ReviewForm(request.POST, criteria=criteria, submitting=submitting)
    if not form.is_valid():
        messages.error(request, _("Please correct the scores marked below."))
        return _render_review(request, assignment, form=form)
    try:
        services.save_review(
            assignment=assignment,
            juror=request.user,
            scores=form.scores(),
            comment=form.cleaned_data["comment"],
            submit=submitting,
        )
    except ConsortiumError as error:
        messages.error(request, str(error))
        return _render_review(request, assignment, form=form)
    if submitting:
        messages.success(request, _("Your review is submitted. Thank you!"))
    else:
        messages.success(request, _("Your draft is saved. Submit it before the jury deadline."))
    return redirect("consortium:review", assignment.pk)


@login_required
@require_POST
def declare_conflict(request, assignment_id):
    """The juror steps aside; the application leaves their list and staff see the conflict on the call board."""
    assignment = permissions.get_assignment_for_juror(request.user, assignment_id)
    form = ConflictForm(request.POST)
    if form.is_valid():
        try:
            services.declare_conflict(assignment=assignment, juror=request.user, reason=form.cleaned_data["reason"])
        except ConsortiumError as error:
            messages.error(request, str(error))
            return redirect("consortium:jury")
        messages.success(request, _("Thank you. The application is withdrawn from your list."))
        return redirect("consortium:jury")
    messages.error(request, _("Please give a short reason for the conflict of interest."))
    return _render_review(request, assignment, conflict_form=form)
