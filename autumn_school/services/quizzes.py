"""Module quizzes: an attempt recorded and scored within the attempts allowed (scoring is in
selectors.quizzes)."""

from django.db import transaction
from django.utils import timezone

from autumn_school.models import Enrolment, QuizAttempt
from autumn_school.selectors.quizzes import (
    attempts_left,
    attempts_used,
    quiz_for_module,
    score_answers,
    ticked_choices,
)
from autumn_school.services.errors import NoAttemptsLeft, NotEnrolled, QuizNotAvailable
from autumn_school.services.progress import refresh_completion


def submit_attempt(*, enrolment: Enrolment, answers: dict) -> QuizAttempt:
    """Record and score an attempt; when it passes, the module may be complete (and its certificate issued).

    The enrolment row is locked, so two submits sent at once cannot exceed the attempts allowed.
    """
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if not enrolment.is_enrolled:
            raise NotEnrolled
        quiz = quiz_for_module(enrolment.module_id)
        if quiz is None:
            raise QuizNotAvailable
        if attempts_left(quiz, attempts_used(enrolment, quiz)) == 0:
            raise NoAttemptsLeft
        questions = list(quiz.questions.all())
        score = score_answers(questions, answers)
        stored = {str(question.pk): sorted(ticked_choices(answers, question)) for question in questions}
        attempt = QuizAttempt.objects.create(
            quiz=quiz,
            enrolment=enrolment,
            learner_id=enrolment.learner_id,
            score=score,
            passed=score >= quiz.pass_mark,
            answers=stored,
        )
        enrolment.last_activity_at = timezone.now()
        enrolment.save(update_fields=["last_activity_at"])
        if attempt.passed:
            # In the same transaction: the completion sees this attempt, and a failed certificate undoes it all.
            refresh_completion(enrolment=enrolment)
    return attempt
