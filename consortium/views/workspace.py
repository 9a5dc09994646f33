"""The accompaniment workspaces, shared by a selected project's holder, its mentors and staff: milestones,
meetings, shared documents, open needs and KPI reports. Every view answers 404 to anyone outside the workspace.
Staff's own actions (the lifecycle, the mentors) are in lifecycle.py."""

from datetime import date
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from consortium.display import country_name
from consortium.filters import WorkspaceFilter
from consortium.forms.workspace import (
    DocumentForm,
    KpiReportForm,
    MarkDoneForm,
    MeetingForm,
    MilestoneForm,
    MilestoneUpdateForm,
    NeedForm,
    StatusForm,
)
from consortium.permissions import (
    get_document_for_user,
    get_milestone_for_user,
    get_workspace_project,
    is_consortium_staff,
    staff_access,
)
from consortium.selectors import accompaniment as workspaces
from consortium.selectors import kpis as kpi_figures
from consortium.services import accompaniment, kpis
from dimobel.errors import DomainError
from dimobel.files import private_file_response
from dimobel.forms import chosen_row_or_404

PAGE_SIZE = 20
TEAM_SHOWN = 8


def back_to(project, section):
    return reverse("consortium:workspace", args=[project.pk]) + f"#{section}"


def form_page(request, project, form, *, heading, submit, section, action=None, extra=None):
    """The one-form page: where a workspace form lands when its input needs correcting (or without JS)."""
    context = {
        "project": project,
        "form": form,
        "heading": heading,
        "submit": submit,
        "action": action or request.path,
        "back_url": back_to(project, section),
        **(extra or {}),
    }
    return render(request, "consortium/workspace/form.html", context)


@login_required
def my_workspaces(request):
    projects = workspaces.workspace_list(request.user)
    filterset = None
    if staff_access(request.user):
        filterset = WorkspaceFilter(request.GET, queryset=projects)
        projects = filterset.qs
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "filter": filterset, "today": timezone.localdate()}
    return render(request, "consortium/workspace/list.html", context)


@login_required
def workspace(request, project_id):
    project = get_workspace_project(request.user, project_id)
    return render(request, "consortium/workspace/workspace.html", _workspace_context(request, project))


def _workspace_context(request, project):
    user = request.user
    today = timezone.localdate()
    mentorships = list(project.mentorships.select_related("mentor", "member__organisation").order_by("assigned_at"))
    milestones = list(project.milestones.order_by("due_on", "pk"))
    for milestone in milestones:
        milestone.done_form = MarkDoneForm(
            initial={"evidence": milestone.evidence}, auto_id=f"id_milestone{milestone.pk}_%s"
        )
    documents = list(project.documents.select_related("uploaded_by"))
    for document in documents:
        document.extension = Path(document.file.name).suffix.lstrip(".").upper()
    needs = list(project.needs.select_related("help_type"))
    kpi_reports = list(project.kpi_reports.order_by("-period"))
    can_manage = is_consortium_staff(user)
    can_edit = project.workspace_is_open
    context = {
        "project": project,
        "today": today,
        "is_holder": project.holder_id == user.pk,
        "can_manage": can_manage,
        "can_edit": can_edit,
        "lifecycle": workspaces.lifecycle_steps(project),
        "sectors": list(project.sectors.all()),
        "mentorships": mentorships,
        "team": list(workspaces.consortium_team()[:TEAM_SHOWN]),
        "milestones": milestones,
        "late_count": sum(1 for milestone in milestones if milestone.is_overdue),
        "meetings": list(project.meetings.select_related("author")),
        "documents": documents,
        "open_needs": [need for need in needs if need.is_open],
        "met_needs": [need for need in needs if not need.is_open],
        "kpi_reports": kpi_reports,
        "kpi_total": {name: sum(getattr(report, name) for report in kpi_reports) for name in kpi_figures.FLOWS},
        "country_name": country_name(project.country),
        "writable": workspaces.writable_people(user, [project.holder_id, *(m.mentor_id for m in mentorships)]),
    }
    if can_edit:
        context.update(
            milestone_form=MilestoneForm(auto_id="id_milestone_%s"),
            meeting_form=MeetingForm(initial={"held_on": today}, auto_id="id_meeting_%s"),
            document_form=DocumentForm(auto_id="id_document_%s"),
            need_form=NeedForm(auto_id="id_need_%s"),
            kpi_form=_kpi_form(project, reports=kpi_reports, auto_id="id_kpi_%s"),
        )
    if can_manage and project.next_statuses():
        context["status_form"] = StatusForm(project=project, auto_id="id_status_%s")
    return context


def _kpi_form(project, data=None, *, period=None, reports=None, **kwargs):
    """The KPI form for a month: its report's figures if it has one, else zeros and the company's state."""
    report = project.kpi_reports.filter(period=period).first() if period else None
    if report:
        fields = (*kpi_figures.FLOWS, "company_created", "company_created_on", "comment")
        initial = {name: getattr(report, name) for name in fields}
    else:
        created, created_on = kpi_figures.company_state(project, reports) if data is None else (False, None)
        initial = {"company_created": created, "company_created_on": created_on}
    # By default the month just ended: the one the monthly request asks for.
    last_month = kpi_figures.add_months(kpi_figures.month_start(timezone.localdate()), -1)
    initial["period"] = (period or last_month).isoformat()
    return KpiReportForm(data, initial=initial, **kwargs)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_create(request, project_id):
    project = get_workspace_project(request.user, project_id)
    form = MilestoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accompaniment.add_milestone(project=project, by=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The milestone is added."))
            return redirect(back_to(project, "milestones"))
    return form_page(
        request, project, form, heading=_("Add a milestone"), submit=_("Add the milestone"), section="milestones"
    )


@login_required
@require_http_methods(["GET", "POST"])
def milestone_update(request, milestone_id):
    """Edit a milestone's status, due date and evidence; the workspace's "Mark as done" posts here too."""
    milestone = get_milestone_for_user(request.user, milestone_id)
    project = milestone.project
    initial = {"status": milestone.status, "due_on": milestone.due_on, "evidence": milestone.evidence}
    form = MilestoneUpdateForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            milestone = accompaniment.update_milestone(
                milestone=milestone,
                by=request.user,
                status=form.cleaned_data["status"],
                due_on=form.cleaned_data["due_on"],
                evidence=form.cleaned_data["evidence"],
                evidence_file=form.cleaned_data["evidence_file"] or None,
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            if milestone.is_done:
                messages.success(request, _("“%(title)s” is done.") % {"title": milestone.title})
            else:
                messages.success(request, _("The milestone is saved."))
            return redirect(back_to(project, f"milestone-{milestone.pk}"))
    return form_page(
        request,
        project,
        form,
        heading=_("Milestone: %(title)s") % {"title": milestone.title},
        submit=_("Save the milestone"),
        section=f"milestone-{milestone.pk}",
        extra={"milestone": milestone},
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, project_id):
    project = get_workspace_project(request.user, project_id)
    form = MeetingForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            accompaniment.log_meeting(project=project, by=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The meeting is logged."))
            return redirect(back_to(project, "meetings"))
    return form_page(
        request, project, form, heading=_("Log a meeting"), submit=_("Log the meeting"), section="meetings"
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_upload(request, project_id):
    project = get_workspace_project(request.user, project_id)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            accompaniment.share_document(project=project, by=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The document is shared with the workspace."))
            return redirect(back_to(project, "documents"))
    return form_page(
        request, project, form, heading=_("Share a document"), submit=_("Share the document"), section="documents"
    )


@login_required
def milestone_evidence(request, milestone_id):
    """The milestone's evidence file: private, like the shared documents."""
    milestone = get_milestone_for_user(request.user, milestone_id)
    return private_file_response(
        milestone.evidence_file, download_name=_download_name(milestone.title, milestone.evidence_file)
    )


@login_required
def document_download(request, document_id):
    document = get_document_for_user(request.user, document_id)
    return private_file_response(document.file, download_name=_download_name(document.title, document.file))


def _download_name(title, field_file):
    """The file's title, slugified, with the extension of what was stored."""
    return f"{slugify(title)[:80] or 'document'}{Path(field_file.name).suffix}"


@login_required
@require_http_methods(["GET", "POST"])
def needs(request, project_id):
    """Add a need to the workspace."""
    project = get_workspace_project(request.user, project_id)
    form = NeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accompaniment.add_need(project=project, by=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The need is added."))
            return redirect(back_to(project, "needs"))
    return form_page(request, project, form, heading=_("Add a need"), submit=_("Add the need"), section="needs")


@login_required
@require_POST
def need_met(request, project_id):
    """Mark one of the workspace's needs (``need``) met."""
    project = get_workspace_project(request.user, project_id)
    need = chosen_row_or_404(request.POST, "need", project.needs.all())
    try:
        accompaniment.mark_need_met(need=need, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("“%(need)s” is met.") % {"need": need.description})
    return redirect(back_to(project, "needs"))


@login_required
@require_http_methods(["GET", "POST"])
def kpi_report(request, project_id):
    """A month's KPI report; reporting a month again replaces its figures. ``?period=YYYY-MM-01`` edits it."""
    project = get_workspace_project(request.user, project_id)
    period = _period(request.GET.get("period"))
    form = _kpi_form(project, request.POST or None, period=period)
    if request.method == "POST" and form.is_valid():
        try:
            report = kpis.submit_kpi_report(
                project=project, period=form.cleaned_data["period"], values=form.values(), by=request.user
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The report for %(month)s is saved.") % {"month": date_format(report.period, "YEAR_MONTH_FORMAT")},
            )
            return redirect(back_to(project, "kpis"))
    return form_page(
        request,
        project,
        form,
        heading=_("Report the month's KPIs"),
        submit=_("Save the report"),
        section="kpis",
        action=reverse("consortium:kpi_report", args=[project.pk]),
    )


def _period(value):
    try:
        return kpi_figures.month_start(date.fromisoformat(value)) if value else None
    except ValueError:
        return None
