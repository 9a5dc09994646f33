"""The jury's pages: my applications to review, the scoring form (save a draft, or submit), declaring a conflict
of interest."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consortium import permissions
from consortium.forms.reviews import ConflictForm, ReviewForm
from consortium.selectors import ranking
from consortium.selectors import reviews as review_reads
from consortium.services import reviews as services
from consortium.views.applications import application_context
from dimobel.errors import DomainError


@login_required
def assignments(request):
    """The juror's applications, for the calls in their review phase only, grouped by call."""
    context = {
        "calls": review_reads.reviews_by_call(request.user),
        "upcoming": list(review_reads.upcoming_reviews(request.user)),
    }
    return render(request, "consortium/jury/assignments.html", context)


def _render_review(request, assignment, *, form=None, conflict_form=None, status=200):
    project = assignment.project
    criteria = list(project.call.criteria.all())
    context = {
        "assignment": assignment,
        "project": project,
        "call": project.call,
        "submitted": assignment.is_submitted,
        **application_context(project, request.user),
    }
    if assignment.is_submitted:
        scores = {score.criterion_id: score for score in assignment.scores.all()}
        context["scored"] = [(criterion, scores.get(criterion.pk)) for criterion in criteria]
        context.update(ranking.panel_totals(assignment))
    else:
        if form is None:
            scores = {score.criterion_id: score for score in assignment.scores.all()}
            form = ReviewForm(criteria=criteria, scores=scores, initial={"comment": assignment.comment})
        context["form"] = form
        context["conflict_form"] = conflict_form or ConflictForm()
    return render(request, "consortium/jury/review.html", context, status=status)


@login_required
def review(request, assignment_id):
    """The application, read-only, and the scoring form; once submitted, the review and the panel's totals.
    A POST saves the scores as a draft."""
    assignment = permissions.get_assignment_for_juror(request.user, assignment_id)
    if request.method != "POST":
        return _render_review(request, assignment)
    return _save_review(request, assignment, submitting=False)


@login_required
@require_POST
def submit_review(request, assignment_id):
    """The scoring form's "Submit my review": every criterion scored, then the review is final."""
    assignment = permissions.get_assignment_for_juror(request.user, assignment_id)
    return _save_review(request, assignment, submitting=True)


def _save_review(request, assignment, *, submitting):
    if assignment.is_submitted:
        messages.error(request, str(services.ReviewLocked()))
        return redirect("consortium:review", assignment.pk)
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
    except DomainError as error:
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
        except DomainError as error:
            messages.error(request, str(error))
            return redirect("consortium:jury")
        messages.success(request, _("Thank you. The application is withdrawn from your list."))
        return redirect("consortium:jury")
    messages.error(request, _("Please give a short reason for the conflict of interest."))
    return _render_review(request, assignment, conflict_form=form)
