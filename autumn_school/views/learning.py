"""Following a module: a lesson, "mark as done", "resume where I left off", and resource downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from autumn_school import permissions
from autumn_school.selectors import learning as lessons
from autumn_school.selectors.enrolment import active_enrolment
from autumn_school.selectors.progress import progress_for
from autumn_school.selectors.quizzes import has_quiz
from autumn_school.services import learning as services
from autumn_school.video import parse_video
from dimobel.errors import DomainError
from dimobel.files import private_file_response


def _lesson_of(module, lesson_id):
    return get_object_or_404(module.lessons.all(), pk=lesson_id)


@login_required
def resume(request, slug):
    module = permissions.get_module_for_learner(request.user, slug)
    enrolment = active_enrolment(request.user, module)
    lesson = lessons.resume_lesson(module=module, enrolment=enrolment)
    if lesson is None:
        return redirect("autumn_school:module_detail", slug=module.slug)
    return redirect("autumn_school:lesson", slug=module.slug, lesson_id=lesson.pk)


@login_required
def lesson_detail(request, slug, lesson_id):
    module = permissions.get_module_for_learner(request.user, slug)
    lesson = _lesson_of(module, lesson_id)
    enrolment = active_enrolment(request.user, module)
    if enrolment is not None:
        services.record_visit(enrolment=enrolment, lesson=lesson)
    syllabus = lessons.syllabus(module=module, enrolment=enrolment)
    index = next(i for i, item in enumerate(syllabus) if item.pk == lesson.pk)
    context = {
        "module": module,
        "lesson": lesson,
        "lessons": syllabus,
        "index": index + 1,
        "previous_lesson": syllabus[index - 1] if index > 0 else None,
        "next_lesson": syllabus[index + 1] if index + 1 < len(syllabus) else None,
        "is_done": syllabus[index].is_done,
        "enrolment": enrolment,
        # Without a place, only the module's instructors and staff get this far.
        "teaching": enrolment is None,
        "progress": progress_for(enrolment) if enrolment is not None else None,
        "video": parse_video(lesson.video_url),
        "resources": lessons.resources_of(lesson),
        "has_quiz": has_quiz(module),
    }
    return render(request, "autumn_school/lesson.html", context)


@login_required
@require_POST
def mark_done(request, slug, lesson_id):
    module = permissions.get_module_for_learner(request.user, slug)
    lesson = _lesson_of(module, lesson_id)
    try:
        result = services.mark_lesson_done(learner=request.user, lesson=lesson)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("autumn_school:lesson", slug=module.slug, lesson_id=lesson.pk)
    if result.module_completed:
        messages.success(request, _("Congratulations, you have completed this module!"))
        return redirect("autumn_school:module_detail", slug=module.slug)
    next_lesson = lessons.next_lesson_after(lesson)
    if next_lesson is None:
        messages.success(request, _("Lesson done. You have reached the end of the lessons."))
        return redirect("autumn_school:module_detail", slug=module.slug)
    messages.success(request, _("Lesson done. On to the next one."))
    return redirect("autumn_school:lesson", slug=module.slug, lesson_id=next_lesson.pk)


@login_required
def download_resource(request, resource_id):
    resource = permissions.get_resource_for_user(request.user, resource_id)
    return private_file_response(resource.file)
