"""A project holder's application: start a draft, save it as often as they like, submit it once.

A draft never has to be complete: every field may stay empty until submission. Submission is the one step
with rules: only the holder, only a draft, only while the call is open (checked here, with the current time,
whatever time the form was opened), and only a complete application. It then locks the application.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.display import datetime_text
from consortium.models import Call, Project, TeamMember
from consortium.selectors.applications import draft_of, missing_items
from consortium.services import history
from consortium.services.errors import ApplicationIncomplete, ApplicationLocked, CallClosed
from dimobel.errors import DomainError
from dimobel.files import delete_replaced_files, file_names
from dimobel.notify import email_member, in_language_of, link

DOCUMENT_KINDS = {
    "business_plan": gettext_lazy("Business plan"),
    "pitch_deck": gettext_lazy("Pitch deck"),
}

# What a draft may change besides its sectors, its team and its documents.
DRAFT_FIELDS = (
    "title",
    "summary",
    "description",
    "city",
    "country",
    "corridor",
    "stage",
    "funding_needed",
    "funding_currency",
    "jobs_expected",
)


class NotTheHolder(DomainError):
    default_message = gettext_lazy("Only the project holder can change this application.")


@dataclass(frozen=True)
class TeamEntry:
    """One line of the team as the holder left it: an existing row (``member``) or a new one."""

    name: str
    role: str = ""
    is_shareholder: bool = False
    user: object = None
    member: TeamMember | None = None
    delete: bool = False


def start_application(*, call, holder) -> Project:
    """A draft for the holder in an open call; their existing draft in that call comes back instead of a new
    one, so a double click or a second visit never scatters the work over several drafts."""
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        if not call.is_open():
            raise CallClosed
        draft = draft_of(call=call, holder=holder)
        if draft is not None:
            return draft
        return Project.objects.create(call=call, holder=holder, title="")


def save_draft(*, project, by, changes, sectors=None, team=None) -> Project:
    """Save what the holder typed. ``changes`` holds DRAFT_FIELDS and, for a new upload, a document kind
    (a document left out stays as it was). ``team`` is the whole team as a list of TeamEntry."""
    with transaction.atomic():
        project = _lock_draft(project, by)
        old_files = file_names(project)
        update_fields = ["updated_at"]
        for name, value in changes.items():
            if name in DOCUMENT_KINDS:
                if not value:
                    continue
            elif name not in DRAFT_FIELDS:
                raise ValueError(f"{name} is not a field of a draft")
            setattr(project, name, "" if value is None and name not in ("funding_needed", "jobs_expected") else value)
            update_fields.append(name)
        project.save(update_fields=update_fields)
        delete_replaced_files(project, old_files)  # once the new one is safely recorded
        if sectors is not None:
            project.sectors.set(sectors)
        if team is not None:
            _save_team(project, team)
    return project


def submit(*, project, by) -> Project:
    """Submit the application: it must be the holder's draft, the call still open and nothing missing."""
    with transaction.atomic():
        project = _lock_draft(project, by)
        call = Call.objects.get(pk=project.call_id)
        now = timezone.now()
        if not call.is_open(now):
            raise CallClosed
        missing = missing_items(project)
        if missing:
            error = ApplicationIncomplete(
                _("The application is not complete yet. Still missing: %(items)s.") % {"items": "; ".join(missing)}
            )
            error.missing = missing
            raise error
        history.change_status(project=project, to_status=Project.Status.SUBMITTED, by=by)
        project.submitted_at = now
        project.save(update_fields=["submitted_at", "updated_at"])
        project.call = call
        _send_confirmation(project)
    return project


def _lock_draft(project, by) -> Project:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.holder_id != by.pk:
        raise NotTheHolder
    if locked.status != Project.Status.DRAFT:
        raise ApplicationLocked
    return locked


def _save_team(project, entries) -> None:
    for entry in entries:
        if entry.member is not None and entry.member.project_id != project.pk:
            raise ValueError("A team member of another project")
        if entry.delete:
            if entry.member is not None:
                TeamMember.objects.filter(pk=entry.member.pk, project=project).delete()
            continue
        member = entry.member or TeamMember(project=project)
        member.name = entry.name
        member.role = entry.role
        member.is_shareholder = entry.is_shareholder
        member.user = entry.user
        member.save()


def _send_confirmation(project) -> None:
    holder = project.holder
    with in_language_of(holder):
        context = {
            "holder_name": holder.get_short_name(),
            "project_title": project.title,
            "call_title": project.call.title,
            "submitted_at": datetime_text(project.submitted_at),
            "project_url": link("consortium:project", project.pk),
        }
    email_member(recipient=holder, template="consortium/application_submitted", context=context)
