"""Who may see or do what in the consortium. Views call an access helper on their first line; it looks the
object up scoped to the member and answers 404 to everyone else. Where a helper lets someone in as staff, they need
two-factor authentication (``staff_access``); holders, jurors and mentors keep it optional."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from consortium.models import Call, Milestone, Project, ProjectDocument, ReviewAssignment
from dimobel import roles
from dimobel.mfa import MFARequired, has_mfa, require_mfa


def is_consortium_staff(user) -> bool:
    """Staff and the Organisers group run calls, screening, selection and the dashboard."""
    return roles.is_organiser(user)


def staff_access(user) -> bool:
    """``is_consortium_staff`` for the access helpers: staff open a page as staff only with two-factor
    authentication; ``dimobel.mfa.MFARequired`` sends them to set it up."""
    if not is_consortium_staff(user):
        return False
    require_mfa(user)
    return True


def require_consortium_staff(user) -> None:
    """The staff pages that show no single object (the dashboard and its CSV): 404 for everyone else."""
    if not staff_access(user):
        raise Http404


def get_call_for_viewer(user, slug) -> Call:
    call = get_object_or_404(Call, slug=slug)
    if not call.is_published and not staff_access(user):
        raise Http404
    return call


def get_call_for_staff(user, slug) -> Call:
    require_consortium_staff(user)
    return get_object_or_404(Call, slug=slug)


def get_project_for_holder(user, project_id) -> Project:
    """The holder's own project; anyone else's is a 404."""
    return get_object_or_404(Project.objects.select_related("call"), pk=project_id, holder=user)


def get_application_for_holder_or_staff(user, project_id) -> Project:
    """The application page: its holder at every stage; staff once it is submitted (a draft is the holder's
    alone); 404 for everyone else. Jurors read the applications assigned to them on their review page."""
    if not user.is_authenticated:
        raise Http404
    project = get_object_or_404(Project.objects.select_related("call", "holder"), pk=project_id)
    if project.holder_id == user.pk or (not project.is_draft and staff_access(user)):
        return project
    raise Http404


def get_project_for_staff(user, project_id) -> Project:
    require_consortium_staff(user)
    return get_object_or_404(Project.objects.select_related("call", "holder"), pk=project_id)


def get_assignment_for_juror(user, assignment_id) -> ReviewAssignment:
    """A juror's own assignment, only while the call is in its review phase, and not withdrawn for a conflict."""
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related("project__call", "project__holder"), pk=assignment_id, juror=user
    )
    if not assignment.project.call.in_review() or assignment.status == ReviewAssignment.Status.CONFLICT:
        raise Http404
    return assignment


def assignments_in_review(user):
    """The assignments the juror may open now (``get_assignment_for_juror`` as a query): calls in their review
    phase, without those withdrawn for a conflict of interest."""
    now = timezone.now()
    return ReviewAssignment.objects.filter(
        juror=user,
        project__call__review_opens_at__lte=now,
        project__call__review_closes_at__gt=now,
        project__call__decisions_published_at__isnull=True,
    ).exclude(status=ReviewAssignment.Status.CONFLICT)


def workspace_projects(user):
    """Projects whose workspace the member may open: their own selected ones, those they mentor; staff see all."""
    projects = Project.objects.selected()
    if is_consortium_staff(user):
        return projects
    return projects.filter(Q(holder=user) | Q(mentorships__mentor=user)).distinct()


def get_workspace_project(user, project_id) -> Project:
    """A selected project's workspace: its holder, its assigned mentors and staff (with two-factor authentication,
    unless the workspace is also theirs as holder or mentor); 404 for everyone else."""
    if not user.is_authenticated:
        raise Http404
    project = get_object_or_404(workspace_projects(user).select_related("call", "holder"), pk=project_id)
    staff_without_mfa = (
        is_consortium_staff(user)
        and project.holder_id != user.pk
        and not has_mfa(user)  # asked before the mentors' query: staff who have it skip that query
        and not project.mentorships.filter(mentor=user).exists()
    )
    if staff_without_mfa:
        raise MFARequired
    return project


def get_workspace_for_staff(user, project_id) -> Project:
    """A workspace's staff-only actions (lifecycle, mentors): the same 404 for everyone else, even the workspace's
    holder and mentors."""
    require_consortium_staff(user)
    return get_workspace_project(user, project_id)


def get_milestone_for_user(user, milestone_id) -> Milestone:
    milestone = get_object_or_404(Milestone.objects.select_related("project"), pk=milestone_id)
    get_workspace_project(user, milestone.project_id)
    return milestone


def get_document_for_user(user, document_id) -> ProjectDocument:
    document = get_object_or_404(ProjectDocument.objects.select_related("project"), pk=document_id)
    get_workspace_project(user, document.project_id)
    return document


def get_project_for_application_reader(user, project_id) -> Project:
    """Who may read an application and its documents: its holder, staff, the jurors assigned to it (not
    withdrawn for a conflict of interest) while the call is in review, and its mentors; 404 for everyone else."""
    if not user.is_authenticated:
        raise Http404
    project = get_object_or_404(Project.objects.select_related("call"), pk=project_id)
    if project.holder_id == user.pk or staff_access(user):
        return project
    assigned = project.assignments.filter(juror=user).exclude(status=ReviewAssignment.Status.CONFLICT)
    if project.call.in_review() and assigned.exists():
        return project
    if project.mentorships.filter(mentor=user).exists():
        return project
    raise Http404
