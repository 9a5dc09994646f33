"""Screening: staff read each submitted application and decide whether it is eligible for the jury.

A decision can be revised until the jury review opens; after that the jury works on the eligible list and
only the selection changes statuses. An ineligible holder is told why, politely, in their own language.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from consortium.models import Call, Project
from consortium.permissions import is_consortium_staff
from consortium.selectors.screening import can_screen
from consortium.services import history
from consortium.services.errors import InvalidTransition
from dimobel.errors import DomainError
from dimobel.notify import email_member, in_language_of, link

Status = Project.Status


class ReasonRequired(DomainError):
    default_message = _("Give the reason why the application is not eligible: the holder receives it.")


class NotConsortiumStaff(DomainError):
    default_message = _("Only the consortium staff can screen applications.")


def screen(*, project, eligible, reason, by) -> Project:
    """Mark a submitted application eligible or ineligible (with a reason), or revise that decision before
    the jury review opens. Revising to the same decision only updates the reason."""
    if not is_consortium_staff(by):
        raise NotConsortiumStaff
    reason = (reason or "").strip()
    if not eligible and not reason:
        raise ReasonRequired
    to_status = Status.ELIGIBLE if eligible else Status.INELIGIBLE
    with transaction.atomic():
        project = Project.objects.select_for_update(of=("self",)).select_related("holder").get(pk=project.pk)
        call = Call.objects.get(pk=project.call_id)
        project.call = call
        if not can_screen(project, call):
            raise InvalidTransition(_("This application can no longer be screened: the jury review has started."))
        from_status = project.status
        if from_status != to_status:
            history.change_status(project=project, to_status=to_status, by=by, note=reason)
        project.screening_reason = reason
        project.save(update_fields=["screening_reason", "updated_at"])
        if to_status == Status.INELIGIBLE and from_status != Status.INELIGIBLE:
            _notify(project, "screening_ineligible", reason=reason)
        elif to_status == Status.ELIGIBLE and from_status == Status.INELIGIBLE:
            # They were told they were out: they must hear that the decision was revised.
            _notify(project, "screening_reinstated")
    return project


def _notify(project, template, **extra) -> None:
    holder = project.holder
    with in_language_of(holder):
        context = {
            "holder_name": holder.get_short_name(),
            "project_title": project.title,
            "call_title": project.call.title,
            "project_url": link("consortium:project", project.pk),
            "calls_url": link("consortium:calls"),
            **extra,
        }
    email_member(recipient=holder, template=f"consortium/{template}", context=context)
