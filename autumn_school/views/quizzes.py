"""A module's quiz: answer it (enrolled learners; instructors and staff preview it), then see the result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from autumn_school import permissions
from autumn_school.forms.quiz import QuizForm
from autumn_school.selectors import quizzes
from autumn_school.selectors.enrolment import active_enrolment
from autumn_school.services import quizzes as services
from dimobel.errors import DomainError


def _quiz_or_404(module):
    quiz = quizzes.quiz_for_module(module)
    if quiz is None:
        raise Http404
    return quiz


@login_required
def quiz(request, slug):
    module = permissions.get_module_for_learner(request.user, slug)
    quiz = _quiz_or_404(module)
    enrolment = active_enrolment(request.user, module)
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
            except DomainError as error:
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
        **quizzes.attempts_summary(quiz, enrolment),
    }
    return render(request, "autumn_school/quiz.html", context)


@login_required
def attempt_result(request, slug, attempt_id):
    module = permissions.get_module_for_learner(request.user, slug)
    attempt = permissions.get_quiz_attempt_for_learner(request.user, module, attempt_id)
    quiz = _quiz_or_404(module)
    context = {
        "module": module,
        "quiz": quiz,
        "attempt": attempt,
        "review": quizzes.attempt_review(attempt, quiz),
        **quizzes.attempts_summary(quiz, attempt.enrolment),
    }
    return render(request, "autumn_school/quiz_result.html", context)
