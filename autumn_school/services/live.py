"""Live sessions: attendance and the recording link. When the meeting link opens is in selectors.live."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from autumn_school.models import Attendance, Enrolment, LiveSession
from autumn_school.services.errors import SessionNotStarted
from autumn_school.services.progress import refresh_completion


def record_attendance(*, session: LiveSession, present_learner_ids, marked_by) -> list[Enrolment]:
    """Make the session's attendance list match the ticked learners; returns the present learners' enrolments.

    Only learners enrolled in the module are touched: a learner who has since cancelled keeps the attendance
    already recorded. Marking someone present may complete their module (Module.required_live_sessions).
    """
    if timezone.now() < session.starts_at:
        raise SessionNotStarted
    with transaction.atomic():
        enrolments = {
            enrolment.learner_id: enrolment
            for enrolment in Enrolment.objects.active().filter(module_id=session.module_id).select_related("module")
        }
        present = {int(pk) for pk in present_learner_ids} & enrolments.keys()
        absent = enrolments.keys() - present
        Attendance.objects.filter(session=session, learner_id__in=absent).delete()
        Attendance.objects.bulk_create(
            [Attendance(session=session, learner_id=learner_id, marked_by=marked_by) for learner_id in present],
            ignore_conflicts=True,
        )
        present_enrolments = [enrolments[learner_id] for learner_id in sorted(present)]
        for enrolment in present_enrolments:
            refresh_completion(enrolment=enrolment)
    return present_enrolments


def set_recording(*, session: LiveSession, url: str) -> LiveSession:
    """Add (or clear, with an empty url) the recording link, once the session has started."""
    if timezone.now() < session.starts_at:
        raise SessionNotStarted(_("The recording can be added once the session has started."))
    session.recording_url = url or ""
    session.save(update_fields=["recording_url"])
    return session
