"""Following a module: visits, lessons marked done and where to resume. Progress and completion are in
autumn_school.services.progress."""

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from autumn_school.models import Enrolment, Lesson, LessonProgress, Resource
from autumn_school.services.errors import NotEnrolled
from autumn_school.services.progress import refresh_completion


def syllabus(*, module, enrolment=None) -> list:
    """The module's lessons in order, each with ``is_done`` for this enrolment."""
    lessons = Lesson.objects.filter(module=module).only("pk", "module_id", "position", "title", "estimated_minutes")
    if enrolment is None:
        lessons = list(lessons)
        for lesson in lessons:
            lesson.is_done = False
        return lessons
    return list(
        lessons.annotate(is_done=Exists(LessonProgress.objects.filter(enrolment=enrolment, lesson=OuterRef("pk"))))
    )


def resources_of(lesson) -> list:
    """The lesson's files, each with ``size`` in bytes (None when the file is missing from storage)."""
    resources = list(Resource.objects.filter(lesson=lesson))
    for resource in resources:
        try:
            resource.size = resource.file.size
        except OSError:
            resource.size = None
        resource.extension = Path(resource.file.name).suffix.lstrip(".").upper()
    return resources


def record_visit(*, enrolment, lesson) -> None:
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


def mark_lesson_done(*, learner, lesson) -> MarkedDone:
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


def next_lesson_after(lesson):
    return (
        Lesson.objects.filter(module_id=lesson.module_id)
        .filter(Q(position__gt=lesson.position) | Q(position=lesson.position, pk__gt=lesson.pk))
        .first()
    )


def resume_lesson(*, module, enrolment=None):
    """Where "Resume" leads: the lesson opened last, else the first lesson not done yet, else None (the module
    page). Instructors and staff (no enrolment) start at the first lesson."""
    if enrolment is not None and enrolment.last_lesson_id:
        lesson = Lesson.objects.filter(module=module, pk=enrolment.last_lesson_id).first()
        if lesson is not None:
            return lesson
    lessons = Lesson.objects.filter(module=module)
    if enrolment is not None:
        lessons = lessons.exclude(progress__enrolment=enrolment)
    return lessons.first()
