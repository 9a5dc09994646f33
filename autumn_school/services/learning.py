"""Following a module: visits and lessons marked done. Completion is in autumn_school.services.progress."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from autumn_school.models import Enrolment, Lesson, LessonProgress
from autumn_school.services.errors import NotEnrolled
from autumn_school.services.progress import refresh_completion


def record_visit(*, enrolment: Enrolment, lesson: Lesson) -> None:
    """Remember the lesson the learner opened last, for "resume where I left off" and the instructors' view
    of last activity. A plain UPDATE: two tabs opening lessons at once need no lock."""
    now = timezone.now()
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson, last_activity_at=now)
    enrolment.last_lesson = lesson
    enrolment.last_activity_at = now


@dataclass(frozen=True)
class MarkedDone:
    progress: LessonProgress
    created: bool
    module_completed: bool  # this click completed the module


def mark_lesson_done(*, learner, lesson: Lesson) -> MarkedDone:
    """The learner marks a lesson as done. Marking it again changes nothing. Instructors and staff are not
    enrolled, so they cannot: NotEnrolled."""
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.active().select_for_update().filter(module_id=lesson.module_id, learner=learner).first()
        )
        if enrolment is None:
            raise NotEnrolled
        was_completed = enrolment.completed_at is not None
        progress, created = LessonProgress.objects.get_or_create(enrolment=enrolment, lesson=lesson)
        enrolment.last_lesson = lesson
        enrolment.last_activity_at = timezone.now()
        enrolment.save(update_fields=["last_lesson", "last_activity_at"])
    completed = refresh_completion(enrolment=enrolment)
    return MarkedDone(progress=progress, created=created, module_completed=completed and not was_completed)
