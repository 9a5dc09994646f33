"""Following a module: the syllabus with what is done, a lesson's files, the next lesson, where to resume."""

from pathlib import Path

from django.db.models import Exists, OuterRef, Q

from autumn_school.models import Enrolment, Lesson, LessonProgress, Module, Resource


def syllabus(*, module: Module, enrolment: Enrolment | None = None) -> list[Lesson]:
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


def resources_of(lesson: Lesson) -> list[Resource]:
    """The lesson's files, each with ``size`` in bytes (None when the file is missing from storage)."""
    resources = list(Resource.objects.filter(lesson=lesson))
    for resource in resources:
        try:
            resource.size = resource.file.size
        except OSError:
            resource.size = None
        resource.extension = Path(resource.file.name).suffix.lstrip(".").upper()
    return resources


def next_lesson_after(lesson: Lesson) -> Lesson | None:
    return (
        Lesson.objects.filter(module_id=lesson.module_id)
        .filter(Q(position__gt=lesson.position) | Q(position=lesson.position, pk__gt=lesson.pk))
        .first()
    )


def resume_lesson(*, module: Module, enrolment: Enrolment | None = None) -> Lesson | None:
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
