"""Module quizzes: scoring an attempt, the attempts limit, and the best score kept.

A question is answered right when the ticked choices are exactly its correct choices (all of them, and only
them). The score is the share of questions answered right, in percent, rounded down so that a pass is never
granted by rounding.
"""

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from autumn_school.models import Choice, Enrolment, Quiz, QuizAttempt, QuizQuestion
from autumn_school.services.errors import NoAttemptsLeft, NotEnrolled, QuizNotAvailable
from autumn_school.services.progress import refresh_completion


def quiz_for_module(module):
    """The module's quiz with its questions (in order) and their choices, or None when it has none."""
    questions = QuizQuestion.objects.order_by("position", "pk").prefetch_related(
        Prefetch("choices", queryset=Choice.objects.order_by("pk"))
    )
    return Quiz.objects.filter(module=module).prefetch_related(Prefetch("questions", queryset=questions)).first()


def correct_choice_ids(question) -> set[int]:
    return {choice.pk for choice in question.choices.all() if choice.is_correct}


def is_answered_right(question, ticked) -> bool:
    correct = correct_choice_ids(question)
    return bool(correct) and set(ticked) == correct


def score_answers(questions, answers) -> int:
    """Percent of questions answered exactly right. ``answers`` maps a question id (str or int) to choice ids."""
    questions = list(questions)
    if not questions:
        return 0
    right = sum(is_answered_right(question, _ticked(answers, question)) for question in questions)
    return right * 100 // len(questions)


def _ticked(answers, question) -> set[int]:
    values = answers.get(str(question.pk), answers.get(question.pk, []))
    if isinstance(values, (int, str)):
        values = [values]
    ticked = set()
    for value in values:
        try:
            ticked.add(int(value))
        except (TypeError, ValueError):
            continue
    return ticked


def attempts_used(enrolment, quiz) -> int:
    return QuizAttempt.objects.filter(enrolment=enrolment, quiz=quiz).count()


def attempts_left(quiz, used):
    """How many attempts remain, or None when they are unlimited."""
    if quiz.max_attempts is None:
        return None
    return max(quiz.max_attempts - used, 0)


def best_attempt(enrolment):
    """The attempt with the highest score (the earliest of equals), or None before any attempt."""
    return QuizAttempt.objects.filter(enrolment=enrolment).order_by("-score", "submitted_at", "pk").first()


def submit_attempt(*, enrolment, answers) -> QuizAttempt:
    """Record and score an attempt; when it passes, the module may be complete (and its certificate issued).

    The enrolment row is locked, so two submits sent at once cannot exceed the attempts allowed.
    """
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status != Enrolment.Status.ENROLLED:
            raise NotEnrolled
        quiz = quiz_for_module(enrolment.module_id)
        if quiz is None:
            raise QuizNotAvailable
        used = attempts_used(enrolment, quiz)
        if quiz.max_attempts is not None and used >= quiz.max_attempts:
            raise NoAttemptsLeft
        questions = list(quiz.questions.all())
        score = score_answers(questions, answers)
        stored = {str(question.pk): sorted(_ticked(answers, question)) for question in questions}
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


def attempt_review(attempt, quiz):
    """Per question: the choices with what was ticked and what is correct, and whether it was answered right."""
    review = []
    for question in quiz.questions.all():
        ticked = _ticked(attempt.answers, question)
        correct = correct_choice_ids(question)
        review.append(
            {
                "question": question,
                "right": bool(correct) and ticked == correct,
                "choices": [
                    {"choice": choice, "ticked": choice.pk in ticked, "correct": choice.pk in correct}
                    for choice in question.choices.all()
                ],
            }
        )
    return review
