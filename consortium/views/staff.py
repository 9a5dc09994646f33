"""Staff pages of a call: the board (pipeline, screening, jury progress), assigning jurors, the ranking, the
selection and the promotions from the reserve list. ``screen`` (screening one application) is at the end."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from consortium import permissions
from consortium.forms.applications import ScreeningForm
from consortium.forms.reviews import AssignForm, ProposalForm, SelectionForm
from consortium.models import Project
from consortium.selectors import calls as call_reads
from consortium.selectors import ranking as ranking_reads
from consortium.selectors import reviews as review_reads
from consortium.services import reviews as review_services
from consortium.services import screening as screening_services
from consortium.services import selection as selection_services
from dimobel.errors import DomainError
from dimobel.forms import chosen_row_or_404

DEFAULT_RESERVE = 5


def _render_board(request, call, *, assign_form=None, status=200):
    counts = call_reads.status_counts(call)
    jury = call_reads.active_jury(call)
    context = {
        "call": call,
        "phase": call.phase(),
        "pipeline": call_reads.pipeline(counts),
        "waiting": call_reads.waiting_for_screening(call),
        "progress": review_reads.jury_progress(call, jury),
        "screened": call_reads.screened(call),
        "conflicts": review_reads.conflicts(call),
        "assign_form": assign_form or AssignForm(call=call, jury=jury),
        "can_assign": not call.decisions_published_at and counts.get(Project.Status.ELIGIBLE, 0) > 0,
    }
    return render(request, "consortium/staff/call_board.html", context, status=status)


@login_required
def call_board(request, slug):
    """One call at a glance: the pipeline, applications to screen, the jury's progress and its conflicts."""
    call = permissions.get_call_for_staff(request.user, slug)
    return _render_board(request, call)


@login_required
@require_POST
def assign_jurors(request, slug):
    call = permissions.get_call_for_staff(request.user, slug)
    form = AssignForm(request.POST, call=call)
    if not form.is_valid():
        messages.error(request, _("Please choose the jurors."))
        return _render_board(request, call, assign_form=form)
    try:
        created = review_services.assign_jurors(call=call, by=request.user, jurors=form.cleaned_data["jurors"])
    except DomainError as error:
        messages.error(request, str(error))
    else:
        if created:
            jurors = len({assignment.juror_id for assignment in created})
            messages.success(
                request,
                ngettext(
                    "%(count)s application assigned; %(jurors)s juror(s) notified by email.",
                    "%(count)s applications assigned; %(jurors)s juror(s) notified by email.",
                    len(created),
                )
                % {"count": len(created), "jurors": jurors},
            )
        else:
            messages.info(request, _("Every eligible application was already assigned to these jurors."))
    return redirect("consortium:call_board", call.slug)


def _proposal(standings, *, top, reserve):
    """Pre-tick the ranking's first ``top`` eligible applications as selected and the next ``reserve`` as reserve."""
    proposal = {}
    for position, project in enumerate(_eligible(standings)):
        if position < top:
            proposal[project.pk] = Project.Status.SELECTED.value
        elif position < top + reserve:
            proposal[project.pk] = Project.Status.RESERVE.value
    return proposal


def _render_ranking(request, call, standings, *, selection_form=None, status=200):
    proposal_form = ProposalForm(request.GET or None, initial={"top": call.places, "reserve": DEFAULT_RESERVE})
    top, reserve = call.places, DEFAULT_RESERVE
    if proposal_form.is_bound and proposal_form.is_valid():
        top, reserve = proposal_form.cleaned_data["top"], proposal_form.cleaned_data["reserve"]
    decided = bool(call.decisions_published_at)
    if selection_form is None and not decided:
        selection_form = SelectionForm(
            projects=_eligible(standings), proposal=_proposal(standings, top=top, reserve=reserve)
        )
    places_taken = sum(standing.project.takes_a_place for standing in standings)
    rows = [
        (
            standing,
            selection_form.decision_field(standing.project)
            if selection_form is not None and standing.project.is_eligible
            else None,
        )
        for standing in standings
    ]
    context = {
        "call": call,
        "standings": standings,
        "rows": rows,
        "proposal_form": proposal_form,
        "selection_form": selection_form,
        "decided": decided,
        "waiting": call_reads.waiting_for_screening(call).count(),
        "flagged": sum(standing.disagree for standing in standings),
        "places_taken": places_taken,
        "can_promote": decided and places_taken < call.places,
        "threshold": call.disagreement_threshold,
    }
    return render(request, "consortium/staff/ranking.html", context, status=status)


@login_required
def ranking(request, slug):
    """The jury's weighted ranking, with the spread and the disagreements; the selection form until decided."""
    call = permissions.get_call_for_staff(request.user, slug)
    return _render_ranking(request, call, ranking_reads.call_ranking(call))


def _eligible(standings) -> list[Project]:
    return [standing.project for standing in standings if standing.project.is_eligible]


@login_required
@require_POST
def select(request, slug):
    """Publish the decisions, once."""
    call = permissions.get_call_for_staff(request.user, slug)
    if call.decisions_published_at:
        messages.error(request, str(selection_services.AlreadyDecided()))
        return redirect("consortium:ranking", call.slug)
    standings = ranking_reads.call_ranking(call)
    form = SelectionForm(request.POST, projects=_eligible(standings))
    if not form.is_valid():
        # The confirmation sits under a long table: say what is missing at the top of the page too.
        for error in {error for errors in form.errors.values() for error in errors}:
            messages.error(request, error)
        return _render_ranking(request, call, standings, selection_form=form)
    try:
        counts = selection_services.decide(
            call=call,
            selected_ids=form.ids_with(Project.Status.SELECTED),
            reserve_ids=form.ids_with(Project.Status.RESERVE),
            by=request.user,
        )
    except DomainError as error:
        messages.error(request, str(error))
        return _render_ranking(request, call, standings, selection_form=form)
    messages.success(
        request,
        _("Decisions published: %(selected)s selected, %(reserve)s on the reserve list, %(not_selected)s not selected.")
        % counts,
    )
    return redirect("consortium:ranking", call.slug)


@login_required
@require_POST
def promote(request, slug):
    """Once a place frees up after the decisions, move a reserve application (``promote``) to the selection."""
    call = permissions.get_call_for_staff(request.user, slug)
    project = chosen_row_or_404(request.POST, "promote", call.projects.all())
    try:
        selection_services.promote_reserve(project=project, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("“%(title)s” is now selected; its holder was told by email.") % {"title": project.title}
        )
    return redirect("consortium:ranking", call.slug)


@login_required
@require_POST
def screen(request, project_id):
    """Screen one application (eligible, or not with a reason for its holder), then back to the call board."""
    project = permissions.get_project_for_staff(request.user, project_id)
    form = ScreeningForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        eligible = form.cleaned_data["decision"] == "eligible"
        try:
            screening_services.screen(
                project=project, eligible=eligible, reason=form.cleaned_data["reason"], by=request.user
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            if eligible:
                messages.success(request, _("“%(title)s” is eligible.") % {"title": project.title})
            else:
                messages.success(
                    request,
                    _("“%(title)s” is not eligible; its holder was told why by email.") % {"title": project.title},
                )
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(next_url)
    return redirect("consortium:call_board", project.call.slug)
