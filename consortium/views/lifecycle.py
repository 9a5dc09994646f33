"""Staff's side of a workspace: move the project along its lifecycle and assign its mentors (suggested by the
network's matchmaking). Everyone else gets a 404, even the workspace's holder and mentors."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consortium.forms.workspace import StatusForm
from consortium.models import ConsortiumMember
from consortium.permissions import get_workspace_for_staff
from consortium.selectors import accompaniment as workspaces
from consortium.services import accompaniment
from consortium.views.workspace import back_to, form_page
from dimobel.errors import DomainError
from dimobel.forms import chosen_row_or_404


@login_required
@require_POST
def change_status(request, project_id):
    project = get_workspace_for_staff(request.user, project_id)
    form = StatusForm(request.POST, project=project)
    if not form.is_valid():
        return form_page(
            request, project, form, heading=_("Change the project's status"), submit=_("Change"), section="status"
        )
    try:
        accompaniment.move_project(
            project=project,
            to_status=form.cleaned_data["to_status"],
            by=request.user,
            company_created_on=form.cleaned_data["company_created_on"],
            reason=form.cleaned_data["reason"],
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The project is now “%(status)s”. Its holder is told by email.")
            % {"status": project.get_status_display()},
        )
    return redirect(back_to(project, "status"))


@login_required
def mentors(request, project_id):
    """The project's mentors, and the experts staff may assign, helped by the matchmaking's suggestions."""
    project = get_workspace_for_staff(request.user, project_id)
    context = {
        "project": project,
        "can_edit": project.workspace_is_open,
        "mentorships": list(
            project.mentorships.select_related("mentor", "member__organisation").order_by("assigned_at")
        ),
        "candidates": workspaces.mentor_candidates(project),
        "open_needs": [need for need in project.needs.select_related("help_type") if need.is_open],
        "sectors": list(project.sectors.all()),
    }
    return render(request, "consortium/workspace/mentors.html", context)


@login_required
@require_POST
def assign_mentor(request, project_id):
    """Give the project a mentor: an ``expert`` of a consortium ``member``."""
    project = get_workspace_for_staff(request.user, project_id)
    expert = chosen_row_or_404(request.POST, "expert", get_user_model().objects.all())
    member = chosen_row_or_404(request.POST, "member", ConsortiumMember.objects.all())
    try:
        accompaniment.assign_mentor(project=project, mentor=expert, member=member, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(name)s now mentors this project; we emailed them.") % {"name": expert.get_full_name()}
        )
    return redirect("consortium:mentors", project.pk)


@login_required
@require_POST
def unassign_mentor(request, project_id):
    """Take a ``mentor`` off the project."""
    project = get_workspace_for_staff(request.user, project_id)
    mentor = chosen_row_or_404(request.POST, "mentor", get_user_model().objects.all())
    try:
        accompaniment.unassign_mentor(project=project, mentor=mentor, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s no longer mentors this project.") % {"name": mentor.get_full_name()})
    return redirect("consortium:mentors", project.pk)
