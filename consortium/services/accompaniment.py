"""The accompaniment of a selected project: its workspace (milestones, meetings, shared documents, open needs),
its mentors, and its lifecycle (selected → in accompaniment → launched → closed, or abandoned).

A closed or abandoned project keeps its workspace as a read-only archive: every write here refuses it.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium import notifications
from consortium.models import (
    ConsortiumMember,
    MentoringMeeting,
    Mentorship,
    Milestone,
    Need,
    Project,
    ProjectDocument,
    StatusChange,
)
from consortium.permissions import ORGANISERS, workspace_projects
from consortium.services.errors import ConsortiumError, InvalidTransition
from consortium.services.history import change_status
from dimobel.files import delete_replaced_files, file_names
from network import matchmaking
from network.models import Profile

Status = Project.Status
OPEN_STATUSES = (Status.SELECTED, Status.ACCOMPANIED, Status.LAUNCHED)
LIFECYCLE = (Status.SELECTED, Status.ACCOMPANIED, Status.LAUNCHED, Status.CLOSED)
TRANSITIONS = {
    Status.SELECTED: (Status.ACCOMPANIED, Status.ABANDONED),
    Status.ACCOMPANIED: (Status.LAUNCHED, Status.ABANDONED),
    Status.LAUNCHED: (Status.CLOSED, Status.ABANDONED),
}


class WorkspaceArchived(ConsortiumError):
    default_message = gettext_lazy("This project is closed: its workspace can be read but no longer changed.")


class MentorNotAllowed(ConsortiumError):
    default_message = gettext_lazy("Only experts of an active consortium member can mentor a project.")


class InvalidWorkspaceEntry(ConsortiumError):
    default_message = gettext_lazy("This entry is not valid.")


def is_open(project) -> bool:
    return project.status in OPEN_STATUSES


def _check_open(project):
    if not is_open(project):
        raise WorkspaceArchived


# Milestones, meetings, documents, needs


def add_milestone(*, project, title, due_on, description="", by) -> Milestone:
    _check_open(project)
    return Milestone.objects.create(
        project=project, title=title.strip(), due_on=due_on, description=description.strip(), created_by=by
    )


def update_milestone(*, milestone, status, by, due_on=None, evidence=None, evidence_file=None) -> Milestone:
    """Change a milestone's status (and its due date or evidence). Done means completed today, unless it was
    already done; leaving "done" clears the completion date. ``None`` keeps a field as it is."""
    _check_open(milestone.project)
    if status not in Milestone.Status.values:
        raise InvalidWorkspaceEntry
    with transaction.atomic():
        milestone = Milestone.objects.select_for_update().select_related("project").get(pk=milestone.pk)
        old_files = file_names(milestone)
        was_done = milestone.status == Milestone.Status.DONE
        milestone.status = status
        if status == Milestone.Status.DONE and not was_done:
            milestone.completed_on = timezone.localdate()
        elif status != Milestone.Status.DONE:
            milestone.completed_on = None
        if due_on is not None:
            milestone.due_on = due_on
        if evidence is not None:
            milestone.evidence = evidence.strip()
        if evidence_file is not None:
            milestone.evidence_file.save(evidence_file.name, evidence_file, save=False)
        milestone.save(update_fields=["status", "completed_on", "due_on", "evidence", "evidence_file"])
        delete_replaced_files(milestone, old_files)  # the old evidence goes once the new one is recorded
    return milestone


def mark_milestone_done(*, milestone, by, evidence=None, evidence_file=None) -> Milestone:
    return update_milestone(
        milestone=milestone, status=Milestone.Status.DONE, by=by, evidence=evidence, evidence_file=evidence_file
    )


def log_meeting(*, project, held_on, participants, notes, next_steps="", by) -> MentoringMeeting:
    _check_open(project)
    if held_on > timezone.localdate():
        raise InvalidWorkspaceEntry(_("Log a meeting once it has taken place: its date cannot be in the future."))
    return MentoringMeeting.objects.create(
        project=project,
        held_on=held_on,
        participants=participants.strip(),
        notes=notes.strip(),
        next_steps=next_steps.strip(),
        author=by,
    )


def share_document(*, project, title, file, by) -> ProjectDocument:
    """Store a file checked by the form (type by content, size) in the workspace's private storage."""
    _check_open(project)
    document = ProjectDocument(project=project, title=title.strip(), uploaded_by=by)
    document.file.save(file.name, file, save=False)
    document.save()
    return document


def add_need(*, project, description, help_type=None, by) -> Need:
    _check_open(project)
    return Need.objects.create(project=project, description=description.strip(), help_type=help_type)


def mark_need_met(*, need, by) -> Need:
    _check_open(need.project)
    if need.is_open:
        need.is_open = False
        need.met_on = timezone.localdate()
        need.save(update_fields=["is_open", "met_on"])
    return need


# Lifecycle


def next_statuses(project) -> tuple:
    return TRANSITIONS.get(project.status, ())


def move_project(*, project, to_status, by, company_created_on=None, reason="") -> StatusChange:
    """Staff move a project along its lifecycle. Launching records the company's creation date; abandoning
    needs a reason. The history row is written by ``change_status``; the holder is told by email."""
    with transaction.atomic():
        current = Project.objects.select_for_update().get(pk=project.pk)
        if to_status not in TRANSITIONS.get(current.status, ()):
            raise InvalidTransition(
                _("A project “%(from)s” cannot become “%(to)s”.")
                % {
                    "from": Status(current.status).label,
                    "to": Status(to_status).label if to_status in Status.values else to_status,
                }
            )
        reason = (reason or "").strip()
        if to_status == Status.LAUNCHED:
            if not company_created_on:
                raise InvalidTransition(_("Give the date the company was created."))
            if company_created_on > timezone.localdate():
                raise InvalidTransition(_("The company's creation date cannot be in the future."))
            project.company_created_on = company_created_on
            project.save(update_fields=["company_created_on", "updated_at"])
        elif to_status == Status.ABANDONED:
            if not reason:
                raise InvalidTransition(_("Say why the project is abandoned."))
            project.abandoned_reason = reason
            project.save(update_fields=["abandoned_reason", "updated_at"])
        change = change_status(project=project, to_status=to_status, by=by, note=reason)
        _notify_status_change(project, to_status, reason)
    return change


def _notify_status_change(project, to_status, reason):
    holder = project.holder
    with notifications.in_language_of(holder):
        context = {
            "holder_name": holder.get_short_name(),
            "project_title": project.title,
            "status": str(Status(to_status).label),
            "to_status": str(to_status),
            "reason": reason,
            "company_created_on": (
                formats.date_format(project.company_created_on, "DATE_FORMAT") if project.company_created_on else ""
            ),
            "workspace_url": notifications.link("workspace", project.pk),
        }
    notifications.email_later(recipient=holder, name="workspace_status_changed", context=context)


# Mentors


@dataclass(frozen=True)
class MentorCandidate:
    expert: object  # the member who could mentor
    member: ConsortiumMember  # the consortium member they are an expert of
    score: int
    reasons: list[str]


def _expert_links():
    through = ConsortiumMember.experts.through
    return through.objects.filter(consortiummember__is_active=True, user__is_active=True).select_related(
        "user", "consortiummember__organisation"
    )


def mentor_candidates(project) -> list[MentorCandidate]:
    """The experts of active consortium members who do not mentor the project yet, best match first: the
    network's matchmaking scores their profile's offers against the project's open needs, and their sectors
    against the project's. Five queries, whatever the number of experts."""
    assigned = project.mentorships.values("mentor_id")
    links = list(_expert_links().exclude(user_id__in=assigned))
    need_ids = {
        help_type_id
        for help_type_id in project.needs.filter(is_open=True).values_list("help_type_id", flat=True)
        if help_type_id
    }
    sector_ids = set(project.sectors.values_list("pk", flat=True))
    matches = matchmaking.answers_to_needs(
        need_ids=need_ids, sector_ids=sector_ids, user_ids={link.user_id for link in links}
    )
    candidates = []
    for link in links:
        match = matches.get(link.user_id)
        reasons = []
        if match:
            reasons += [_("offers: %(help)s") % {"help": term.name.lower()} for term in match.offers]
            reasons += [_("sector: %(sector)s") % {"sector": term.name.lower()} for term in match.sectors]
        candidates.append(
            MentorCandidate(
                expert=link.user, member=link.consortiummember, score=match.score if match else 0, reasons=reasons
            )
        )
    candidates.sort(key=lambda c: (-c.score, c.expert.last_name.lower(), c.expert.first_name.lower()))
    return candidates


def assign_mentor(*, project, mentor, member, by) -> Mentorship:
    """Give the project a mentor from a consortium member, and email them the link to the workspace."""
    _check_open(project)
    if not _expert_links().filter(user=mentor, consortiummember=member).exists():
        raise MentorNotAllowed
    with transaction.atomic():
        mentorship, created = Mentorship.objects.get_or_create(
            project=project, mentor=mentor, defaults={"member": member}
        )
        if not created:
            raise InvalidWorkspaceEntry(_("%(name)s already mentors this project.") % {"name": mentor.get_full_name()})
        with notifications.in_language_of(mentor):
            context = {
                "mentor_name": mentor.get_short_name(),
                "project_title": project.title,
                "holder_name": project.holder.get_full_name(),
                "organisation": member.organisation.name,
                "workspace_url": notifications.link("workspace", project.pk),
            }
        notifications.email_later(recipient=mentor, name="workspace_mentor_assigned", context=context)
    return mentorship


def unassign_mentor(*, project, mentor, by) -> None:
    """The mentor leaves the project: the workspace closes to them at once (its history stays)."""
    deleted, _rows = Mentorship.objects.filter(project=project, mentor=mentor).delete()
    if not deleted:
        raise InvalidWorkspaceEntry(_("This person does not mentor this project."))


# Reading


def workspace_list(user):
    """The workspaces the member may open, each with its next milestone and how many are late."""
    today = timezone.localdate()
    pending = Milestone.objects.filter(project=OuterRef("pk")).exclude(status=Milestone.Status.DONE)
    next_milestone = pending.filter(due_on__gte=today).order_by("due_on", "pk")
    late = pending.filter(due_on__lt=today).order_by().values("project").annotate(n=Count("pk")).values("n")
    return (
        workspace_projects(user)
        .select_related("call", "holder")
        .annotate(
            next_milestone_title=Subquery(next_milestone.values("title")[:1]),
            next_milestone_due_on=Subquery(next_milestone.values("due_on")[:1]),
            late_count=Subquery(late),
            is_mentor=Exists(Mentorship.objects.filter(project=OuterRef("pk"), mentor_id=user.pk)),
        )
        .order_by("-call__opens_at", "title", "pk")
    )


def consortium_team():
    """Staff and organisers: they can open every workspace, so each workspace names them."""
    return (
        get_user_model()
        .objects.filter(Q(is_staff=True) | Q(groups__name=ORGANISERS), is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def writable_people(user, user_ids):
    """Who of these people the member can write to through the network's messaging (not themselves)."""
    return set(
        Profile.objects.filter(user_id__in=user_ids, user__is_active=True, messaging=Profile.Messaging.MEMBERS)
        .exclude(visibility=Profile.Visibility.HIDDEN)
        .exclude(user_id=user.pk)
        .values_list("user_id", flat=True)
    )


def lifecycle_steps(project):
    """The lifecycle's steps, each done, current or to come. An abandoned project has none current: the page
    says it was abandoned, and why."""
    steps = []
    reached = project.status in LIFECYCLE
    position = LIFECYCLE.index(project.status) if reached else -1
    for index, status in enumerate(LIFECYCLE):
        state = "done" if index < position else "current" if index == position else "todo"
        steps.append({"label": Status(status).label, "state": state})
    return steps
