"""The project holder's side: start an application, edit the draft, submit it, follow its status."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from consortium import permissions
from consortium.display import country_name
from consortium.forms.applications import ApplicationForm, ScreeningForm, TeamFormSet, team_entries
from consortium.models import Project
from consortium.selectors import applications as application_reads
from consortium.selectors import history
from consortium.selectors.screening import can_screen
from consortium.services import applications
from consortium.services.errors import ApplicationIncomplete, ApplicationLocked, CallClosed
from dimobel.errors import DomainError
from dimobel.files import private_file_response
from network.models import Profile

PAGE_SIZE = 20


@login_required
@require_http_methods(["GET", "POST"])
def start(request, slug):
    """GET (e.g. back from signing in) asks for confirmation; POST starts the draft, or reopens the one
    the member already has in this call."""
    call = permissions.get_call_for_viewer(request.user, slug)
    if request.method == "POST":
        try:
            project = applications.start_application(call=call, holder=request.user)
        except DomainError as error:
            messages.error(request, str(error))
            return redirect("consortium:call", call.slug)
        return redirect("consortium:project_edit", project.pk)
    draft = application_reads.draft_of(call=call, holder=request.user)
    if draft is not None:
        return redirect("consortium:project_edit", draft.pk)
    if not call.is_open():
        messages.error(request, str(CallClosed()))
        return redirect("consortium:call", call.slug)
    return render(request, "consortium/calls/apply.html", {"call": call})


@login_required
def my_projects(request):
    projects = Project.objects.of_holder(request.user).select_related("call").order_by("-created_at", "-pk")
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "consortium/projects/list.html", {"page_obj": page})


@login_required
def project_detail(request, project_id):
    """The application as its holder follows it; staff read the same page (from the call board, the ranking or
    the dashboard) with the staff-only parts: the holder's contact, the screening form and the full history."""
    project = permissions.get_application_for_holder_or_staff(request.user, project_id)
    is_holder = project.holder_id == request.user.pk
    staff_view = not is_holder or permissions.is_consortium_staff(request.user)
    context = {
        "project": project,
        "is_holder": is_holder,
        "staff_view": staff_view,
        "history": history.history_for_staff(project) if staff_view else history.history_for_holder(project),
        "has_workspace": project.has_workspace,
        **application_context(project, request.user),
    }
    if is_holder and project.is_draft:
        context["checklist"] = application_reads.checklist(project)
        context["call_is_open"] = project.call.is_open()
    if staff_view and can_screen(project):
        context["screening_form"] = ScreeningForm(
            initial={"decision": project.status, "reason": project.screening_reason}
            if project.status != Project.Status.SUBMITTED
            else None
        )
    return render(request, "consortium/projects/detail.html", context)


@login_required
def edit(request, project_id):
    """The long form of the application. Saving a draft (a POST here) never asks for completeness."""
    return _edit(request, project_id, then_submit=False)


@login_required
@require_POST
def save_and_submit(request, project_id):
    """The form's "Save and submit": it saves first, so nothing typed is lost when the submission is refused."""
    return _edit(request, project_id, then_submit=True)


def _edit(request, project_id, *, then_submit):
    project = permissions.get_project_for_holder(request.user, project_id)
    if not project.is_draft:
        messages.info(request, str(ApplicationLocked()))
        return redirect("consortium:project", project.pk)
    # Read before the form binds: validation copies the typed (unsaved) input onto the project.
    saved = {"documents": _documents(project), "checklist": application_reads.checklist(project)}
    form = ApplicationForm(request.POST or None, request.FILES or None, instance=project)
    team = TeamFormSet(request.POST or None, instance=project, prefix="team")
    if request.method == "POST" and form.is_valid() and team.is_valid():
        return _save(request, project, form, team, then_submit=then_submit)
    for document in saved["documents"]:
        document["field"] = form[document["kind"]]
    context = {"project": project, "form": form, "team": team, "call_is_open": project.call.is_open(), **saved}
    return render(request, "consortium/projects/edit.html", context)


def _save(request, project, form, team, *, then_submit):
    try:
        applications.save_draft(
            project=project,
            by=request.user,
            changes=form.draft_changes(),
            sectors=form.cleaned_data["sectors"],
            team=team_entries(team),
        )
    except ApplicationLocked as error:
        messages.error(request, str(error))
        return redirect("consortium:project", project.pk)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("consortium:project_edit", project.pk)
    if not then_submit:
        messages.success(request, _("Your draft is saved."))
        return redirect("consortium:project_edit", project.pk)
    return _submit(request, project, draft_saved=True)


@login_required
@require_POST
def submit(request, project_id):
    project = permissions.get_project_for_holder(request.user, project_id)
    return _submit(request, project)


def _submit(request, project, *, draft_saved=False):
    try:
        applications.submit(project=project, by=request.user)
    except (ApplicationIncomplete, CallClosed) as error:
        if draft_saved:
            messages.success(request, _("Your draft is saved."))
        messages.error(request, str(error))
        return redirect("consortium:project_edit", project.pk)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("consortium:project", project.pk)
    messages.success(request, _("Your application is submitted. We have sent you a confirmation by email."))
    return redirect("consortium:project", project.pk)


@login_required
def application_document(request, project_id, kind):
    project = permissions.get_project_for_application_reader(request.user, project_id)
    if kind not in applications.DOCUMENT_KINDS:
        raise Http404
    name = f"{slugify(applications.DOCUMENT_KINDS[kind])}-{slugify(project.title)[:60] or project.pk}.pdf"
    return private_file_response(getattr(project, kind), download_name=name)


def application_context(project, viewer) -> dict:
    """What templates/consortium/projects/includes/application.html shows: for the holder, staff and jurors."""
    return {
        "sectors": list(project.sectors.all()),
        "team": _team_with_profiles(project, viewer),
        "country_name": country_name(project.country),
        "documents": _documents(project),
    }


def _team_with_profiles(project, viewer):
    """The team, each person marked with whether the viewer may open their directory profile."""
    team = list(project.team.all())
    linked = [person.user_id for person in team if person.user_id]
    visible = set(Profile.objects.visible_to(viewer).filter(user_id__in=linked).values_list("user_id", flat=True))
    for person in team:
        person.profile_visible = person.user_id in visible
    return team


def _documents(project):
    return [
        {"kind": kind, "label": label, "present": bool(getattr(project, kind))}
        for kind, label in applications.DOCUMENT_KINDS.items()
    ]
