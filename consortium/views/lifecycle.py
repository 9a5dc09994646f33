"""Staff's side of a workspace: move the project along its lifecycle and assign its mentors (suggested by the
network's matchmaking). Everyone else gets a 404, even the workspace's holder and mentors."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from consortium.forms.workspace import StatusForm
from consortium.models import ConsortiumMember
from consortium.permissions import get_workspace_for_staff
from consortium.services import accompaniment
from consortium.services.errors import ConsortiumError
from consortium.views.workspace import back_to, form_page
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
    except ConsortiumError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The project is now “%(status)s”. Its holder is told by email.")
            % {"status": project.get_status_display()},
        )
    return redirect(back_to(project, "status"))


@login_required
@require_http_methods(["GET", "POST"])
def mentors(request, project_id):
    """Staff assign (``action=assign`` with ``expert`` and ``member``) or unassign (``action=unassign`` with
    ``mentor``) the project's mentors, helped by the matchmaking's suggestions."""
    project = get_workspace_for_staff(request.user, project_id)
    if request.method == "POST":
        users = get_user_model().objects.all()
        try:
            if request.POST.get("action") == "unassign":
                mentor = chosen_row_or_404(request.POST, "mentor", users)
                accompaniment.unassign_mentor(project=project, mentor=mentor, by=request.user)
                messages.success(
                    request, _("%(name)s no longer mentors this project.") % {"name": mentor.get_full_name()}
                )
            else:
                expert = chosen_row_or_404(request.POST, "expert", users)
                member = chosen_row_or_404(request.POST, "member", ConsortiumMember.objects.all())
                accompaniment.assign_mentor(project=project, mentor=expert, member=member, by=request.user)
                messages.success(
                    request, _("%(name)s now mentors this project; we emailed them.") % {"name": expert.get_full_name()}
                )
        except ConsortiumError as error:
            messages.error(request, str(error))
        return redirect("consortium:mentors", project.pk)
    context = {
        "project": project,
        "can_edit": accompaniment.is_open(project),
        "mentorships": list(
            project.mentorships.select_related("mentor", "member__organisation").order_by("assigned_at")
        ),
        "candidates": accompaniment.mentor_candidates(project),
        "open_needs": [need for need in project.needs.select_related("help_type") if need.is_open],
        "sectors": list(project.sectors.all()),
    }
    return render(request, "consortium/workspace/mentors.html", context)
