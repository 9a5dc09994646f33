"""The accompaniment of a selected project: its workspace (milestones, meetings, shared documents, open needs),
its mentors, and its lifecycle (selected → in accompaniment → launched → closed, or abandoned).

A closed or abandoned project keeps its workspace as a read-only archive: every write here refuses it.
"""

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.models import MentoringMeeting, Mentorship, Milestone, Need, Project, ProjectDocument, StatusChange
from consortium.selectors.accompaniment import is_expert_of
from consortium.services.errors import InvalidTransition
from consortium.services.history import change_status
from dimobel import notify
from dimobel.errors import DomainError
from dimobel.files import delete_replaced_files, file_names

Status = Project.Status


class WorkspaceArchived(DomainError):
    default_message = gettext_lazy("This project is closed: its workspace can be read but no longer changed.")


class MentorNotAllowed(DomainError):
    default_message = gettext_lazy("Only experts of an active consortium member can mentor a project.")


class InvalidWorkspaceEntry(DomainError):
    default_message = gettext_lazy("This entry is not valid.")


def check_workspace_open(*, project) -> None:
    """Every write here starts with it; the admin's forms ask it too, so the refusal shows on the form."""
    if not project.workspace_is_open:
        raise WorkspaceArchived


# Milestones, meetings, documents, needs


def add_milestone(*, project, title, due_on, description="", by) -> Milestone:
    check_workspace_open(project=project)
    return Milestone.objects.create(
        project=project, title=title.strip(), due_on=due_on, description=description.strip(), created_by=by
    )


def update_milestone(*, milestone, status, by, due_on=None, evidence=None, evidence_file=None) -> Milestone:
    """Change a milestone's status (and its due date or evidence). Done means completed today, unless it was
    already done; leaving "done" clears the completion date. ``None`` keeps a field as it is."""
    check_workspace_open(project=milestone.project)
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


def check_meeting(*, project, held_on) -> None:
    """The rules of a meeting log, without writing (the admin's form asks them before saving through
    ``log_meeting``)."""
    check_workspace_open(project=project)
    if held_on > timezone.localdate():
        raise InvalidWorkspaceEntry(_("Log a meeting once it has taken place: its date cannot be in the future."))


def log_meeting(*, project, held_on, participants, notes, next_steps="", by) -> MentoringMeeting:
    check_meeting(project=project, held_on=held_on)
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
    check_workspace_open(project=project)
    document = ProjectDocument(project=project, title=title.strip(), uploaded_by=by)
    document.file.save(file.name, file, save=False)
    document.save()
    return document


def add_need(*, project, description, help_type=None, by) -> Need:
    check_workspace_open(project=project)
    return Need.objects.create(project=project, description=description.strip(), help_type=help_type)


def mark_need_met(*, need, by) -> Need:
    check_workspace_open(project=need.project)
    if need.is_open:
        need.is_open = False
        need.met_on = timezone.localdate()
        need.save(update_fields=["is_open", "met_on"])
    return need


# Lifecycle


def move_project(*, project, to_status, by, company_created_on=None, reason="") -> StatusChange:
    """Staff move a project along its lifecycle. Launching records the company's creation date; abandoning
    needs a reason. The history row is written by ``change_status``; the holder is told by email."""
    with transaction.atomic():
        current = Project.objects.select_for_update().get(pk=project.pk)
        if to_status not in current.next_statuses():
            raise InvalidTransition(
                _("A project “%(from)s” cannot become “%(to)s”.")
                % {
                    "from": Status(current.status).label,
                    "to": Status(to_status).label if to_status in Status.values else to_status,
                }
            )
        reason = (reason or "").strip()
        if to_status == Status.LAUNCHED:
            _record_launch(project, company_created_on)
        elif to_status == Status.ABANDONED:
            _record_abandon(project, reason)
        change = change_status(project=project, to_status=to_status, by=by, note=reason)
        _notify_status_change(project, to_status, reason)
    return change


def _record_launch(project, company_created_on) -> None:
    if not company_created_on:
        raise InvalidTransition(_("Give the date the company was created."))
    if company_created_on > timezone.localdate():
        raise InvalidTransition(_("The company's creation date cannot be in the future."))
    project.company_created_on = company_created_on
    project.save(update_fields=["company_created_on", "updated_at"])


def _record_abandon(project, reason) -> None:
    if not reason:
        raise InvalidTransition(_("Say why the project is abandoned."))
    project.abandoned_reason = reason
    project.save(update_fields=["abandoned_reason", "updated_at"])


def _notify_status_change(project, to_status, reason) -> None:
    holder = project.holder
    with notify.in_language_of(holder):
        context = {
            "holder_name": holder.get_short_name(),
            "project_title": project.title,
            "status": str(Status(to_status).label),
            # What the email adds to the new status (the template asks these, never the status's value).
            "accompaniment_starts": to_status == Status.ACCOMPANIED,
            "company_launched": to_status == Status.LAUNCHED,
            "accompaniment_over": to_status == Status.CLOSED,
            "abandoned": to_status == Status.ABANDONED,
            "reason": reason,
            "company_created_on": (
                formats.date_format(project.company_created_on, "DATE_FORMAT") if project.company_created_on else ""
            ),
            "workspace_url": notify.link("consortium:workspace", project.pk),
        }
    notify.email_member(recipient=holder, template="consortium/workspace_status_changed", context=context)


# Mentors


def assign_mentor(*, project, mentor, member, by) -> Mentorship:
    """Give the project a mentor from a consortium member, and email them the link to the workspace."""
    check_workspace_open(project=project)
    if not is_expert_of(user=mentor, member=member):
        raise MentorNotAllowed
    with transaction.atomic():
        mentorship, created = Mentorship.objects.get_or_create(
            project=project, mentor=mentor, defaults={"member": member}
        )
        if not created:
            raise InvalidWorkspaceEntry(_("%(name)s already mentors this project.") % {"name": mentor.get_full_name()})
        with notify.in_language_of(mentor):
            context = {
                "mentor_name": mentor.get_short_name(),
                "project_title": project.title,
                "holder_name": project.holder.get_full_name(),
                "organisation": member.organisation.name,
                "workspace_url": notify.link("consortium:workspace", project.pk),
            }
        notify.email_member(recipient=mentor, template="consortium/workspace_mentor_assigned", context=context)
    return mentorship


def unassign_mentor(*, project, mentor, by) -> None:
    """The mentor leaves the project: the workspace closes to them at once (its history stays)."""
    deleted, _rows = Mentorship.objects.filter(project=project, mentor=mentor).delete()
    if not deleted:
        raise InvalidWorkspaceEntry(_("This person does not mentor this project."))
