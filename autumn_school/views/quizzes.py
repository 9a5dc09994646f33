"""A module's quiz: answer it (enrolled learners; instructors and staff preview it), then see the result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from autumn_school import permissions
from autumn_school.forms.quiz import QuizForm
from autumn_school.models import QuizAttempt
from autumn_school.services import quizzes as services
from autumn_school.services.errors import SchoolError


def _quiz_or_404(module):
    quiz = services.quiz_for_module(module)
    if quiz is None:
        raise Http404
    return quiz


def _attempts_context(quiz, enrolment):
    if enrolment is None:
        return {"attempts_used": 0, "attempts_left": services.attempts_left(quiz, 0), "best": None}
    used = services.attempts_used(enrolment, quiz)
    return {
        "attempts_used": used,
        "attempts_left": services.attempts_left(quiz, used),
        "best": services.best_attempt(enrolment),
    }


@login_required
def quiz(request, slug):
    module = permissions.get_module_for_learner(request.user, slug)
    quiz = _quiz_or_404(module)
    enrolment = permissions.active_enrolment(request.user, module)
    # Not ``request.POST or None``: a submit with nothing ticked has an empty POST and must show the errors.
    form = QuizForm(request.POST if request.method == "POST" else None, quiz=quiz)
    if request.method == "POST":
        if enrolment is None:
            messages.error(request, _("Only enrolled learners can submit the quiz; this is a preview."))
            return redirect("autumn_school:quiz", slug=module.slug)
        if form.is_valid():
            was_completed = enrolment.is_completed
            try:
                attempt = services.submit_attempt(enrolment=enrolment, answers=form.answers())
            except SchoolError as error:
                messages.error(request, str(error))
            else:
                enrolment.refresh_from_db(fields=["completed_at"])
                if enrolment.is_completed and not was_completed:
                    messages.success(request, _("Congratulations, you have completed this module!"))
                return redirect("autumn_school:quiz_result", slug=module.slug, attempt_id=attempt.pk)
    context = {
        "module": module,
        "quiz": quiz,
        "form": form,
        "enrolment": enrolment,
        "is_preview": enrolment is None,
        "teaching": enrolment is None,  # without a place, only instructors and staff get this far
        **_attempts_context(quiz, enrolment),
    }
    return render(request, "autumn_school/quiz.html", context)


@login_required
def attempt_result(request, slug, attempt_id):
    module = permissions.get_module_for_learner(request.user, slug)
    # Only the learner who made the attempt sees it: other learners and instructors get a 404.
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("enrolment"), pk=attempt_id, learner=request.user, quiz__module=module
    )
    quiz = _quiz_or_404(module)
    context = {
        "module": module,
        "quiz": quiz,
        "attempt": attempt,
        "review": services.attempt_review(attempt, quiz),
        **_attempts_context(quiz, attempt.enrolment),
    }
    return render(request, "autumn_school/quiz_result.html", context)
