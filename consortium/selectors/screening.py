"""Whether an application can still be screened (``consortium.services.screening.screen`` decides it)."""

from django.utils import timezone

from consortium.models import Project

Status = Project.Status


def can_screen(project, call=None, now=None) -> bool:
    call = call or project.call
    now = now or timezone.now()
    if project.status == Status.SUBMITTED:
        # A late screening during the review is still possible: the application simply has no jurors yet.
        return call.decisions_published_at is None
    if project.status in (Status.ELIGIBLE, Status.INELIGIBLE):
        return now < call.review_opens_at and call.decisions_published_at is None
    return False
