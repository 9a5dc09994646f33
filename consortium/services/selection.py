"""The selection: staff decide, once per call, who is selected, who waits on the reserve list and who is not selected.

The ranking is advice; the decision is the staff's. Every eligible application gets a decision, each change goes
into the project's history, and each holder hears the outcome in their own language.
"""

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from consortium.display import datetime_text
from consortium.models import Call, Project
from consortium.services.history import change_status
from dimobel.errors import DomainError
from dimobel.notify import email_member, in_language_of, link

DECISION_TEMPLATES = {
    Project.Status.SELECTED: "decision_selected",
    Project.Status.RESERVE: "decision_reserve",
    Project.Status.NOT_SELECTED: "decision_not_selected",
}


class SelectionError(DomainError):
    default_message = _("The selection could not be made.")


class AlreadyDecided(SelectionError):
    default_message = _("The decisions of this call were already published.")


def _notify_decision(project, status, *, promoted=False) -> None:
    holder = project.holder
    with in_language_of(holder):
        context = {
            "holder_name": holder.get_full_name() or holder.email,
            "project_title": project.title,
            "call_title": project.call.title,
            "decided_on": formats.date_format(timezone.localdate(), "DATE_FORMAT"),
            "promoted": promoted,
            "project_url": link("consortium:project", project.pk),
        }
        if status == Project.Status.SELECTED:
            context["workspace_url"] = link("consortium:workspace", project.pk)
    email_member(recipient=holder, template=f"consortium/{DECISION_TEMPLATES[status]}", context=context)


def decide(*, call, selected_ids, reserve_ids, by) -> dict[str, int]:
    """Publish the call's decisions. Every eligible application not selected nor on the reserve list is not selected.

    Refused before the jury deadline, twice, while applications still wait for screening, beyond the call's places,
    or for applications that are not eligible applications of this call. Returns how many got each decision.
    """
    selected_ids = {int(pk) for pk in selected_ids}
    reserve_ids = {int(pk) for pk in reserve_ids}
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        _check_can_decide(call, selected_ids, reserve_ids)
        eligible = list(
            Project.objects.select_for_update(of=("self",))
            .filter(call=call, status=Project.Status.ELIGIBLE)
            .select_related("holder", "call")
            .order_by("pk")
        )
        if (selected_ids | reserve_ids) - {project.pk for project in eligible}:
            raise SelectionError(_("Only the eligible applications of this call can be selected."))
        counts = dict.fromkeys(DECISION_TEMPLATES, 0)
        for project in eligible:
            status = _decision(project, selected_ids, reserve_ids)
            change_status(project=project, to_status=status, by=by)
            counts[status] += 1
            _notify_decision(project, status)
        call.decisions_published_at = timezone.now()
        call.save(update_fields=["decisions_published_at"])
    return {str(status): count for status, count in counts.items()}


def _check_can_decide(call, selected_ids, reserve_ids) -> None:
    """Once, after the jury deadline, every application screened, and within the call's places."""
    if call.decisions_published_at:
        raise AlreadyDecided
    if timezone.now() < call.review_closes_at:
        raise SelectionError(
            _("The jury review runs until %(deadline)s. Decide after the jury deadline.")
            % {"deadline": datetime_text(call.review_closes_at)}
        )
    if selected_ids & reserve_ids:
        raise SelectionError(_("An application cannot be both selected and on the reserve list."))
    if not selected_ids:
        raise SelectionError(_("Select at least one application."))
    if len(selected_ids) > call.places:
        raise SelectionError(
            _("This call has %(places)s places: select at most %(places)s applications (%(count)s chosen).")
            % {"places": call.places, "count": len(selected_ids)}
        )
    waiting = Project.objects.filter(call=call, status=Project.Status.SUBMITTED).count()
    if waiting:
        raise SelectionError(
            _("%(count)s application(s) still wait for screening. Screen them before deciding.") % {"count": waiting}
        )


def _decision(project, selected_ids, reserve_ids) -> str:
    if project.pk in selected_ids:
        return Project.Status.SELECTED
    if project.pk in reserve_ids:
        return Project.Status.RESERVE
    return Project.Status.NOT_SELECTED


def promote_reserve(*, project, by) -> Project:
    """A place freed up: a reserve application becomes selected, and its holder is told."""
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=project.call_id)
        project = Project.objects.select_related("holder", "call").get(pk=project.pk)
        if not call.decisions_published_at or not project.is_on_reserve:
            raise SelectionError(_("Only an application on the reserve list can be moved to the selection."))
        taken = Project.objects.filter(call=call).taking_a_place().count()
        if taken >= call.places:
            raise SelectionError(
                _("All %(places)s places are taken. A place frees up when a selected project is abandoned.")
                % {"places": call.places}
            )
        change_status(
            project=project, to_status=Project.Status.SELECTED, by=by, note=str(_("Moved from the reserve list"))
        )
        _notify_decision(project, Project.Status.SELECTED, promoted=True)
    return project
