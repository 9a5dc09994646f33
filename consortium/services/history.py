"""The project's history. Every change of ``Project.status`` goes through ``change_status``, so the history
(who, when, from what to what) can never miss a step: the row and the new status are written together. Each
reader's view of it: consortium.selectors.history."""

from django.db import transaction
from django.utils.translation import gettext as _

from consortium.models import Project, StatusChange
from consortium.services.errors import InvalidTransition


def change_status(*, project, to_status, by, note="") -> StatusChange:
    """Move the project to ``to_status`` and record it. The rules of which move is allowed belong to the
    calling service (submit, screen, select…); this one only refuses unknown statuses and non-moves."""
    if to_status not in Project.Status.values:
        raise InvalidTransition
    with transaction.atomic():
        # The row is locked and re-read so "from" is the status really replaced, even if the caller's copy
        # of the project is older than a change made meanwhile.
        from_status = Project.objects.select_for_update().values_list("status", flat=True).get(pk=project.pk)
        if from_status == to_status:
            raise InvalidTransition(
                _("The project is already “%(status)s”.") % {"status": Project.Status(to_status).label}
            )
        project.status = to_status
        project.save(update_fields=["status", "updated_at"])
        return StatusChange.objects.create(
            project=project, from_status=from_status, to_status=to_status, changed_by=by, note=note
        )
