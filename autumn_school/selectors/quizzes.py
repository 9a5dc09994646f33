"""Module quizzes: the quiz with its questions, scoring, the attempts left and the review of an attempt.

A question is answered right when the ticked choices are exactly its correct choices (all of them, and only
them). The score is the share of questions answered right, in percent, rounded down so that a pass is never
granted by rounding.
"""

from django.db.models import Prefetch

from autumn_school.models import Choice, Enrolment, Module, Quiz, QuizAttempt, QuizQuestion


def quiz_for_module(module: Module | int) -> Quiz | None:
    """The module's quiz with its questions (in order) and their choices, or None when it has none."""
    questions = QuizQuestion.objects.order_by("position", "pk").prefetch_related(
        Prefetch("choices", queryset=Choice.objects.order_by("pk"))
    )
    return Quiz.objects.filter(module=module).prefetch_related(Prefetch("questions", queryset=questions)).first()


def has_quiz(module: Module) -> bool:
    return Quiz.objects.filter(module=module).exists()


def correct_choice_ids(question: QuizQuestion) -> set[int]:
    return {choice.pk for choice in question.choices.all() if choice.is_correct}


def is_answered_right(question: QuizQuestion, ticked) -> bool:
    correct = correct_choice_ids(question)
    return bool(correct) and set(ticked) == correct


def score_answers(questions, answers: dict) -> int:
    """Percent of questions answered exactly right. ``answers`` maps a question id (str or int) to choice ids."""
    questions = list(questions)
    if not questions:
        return 0
    right = sum(is_answered_right(question, ticked_choices(answers, question)) for question in questions)
    return right * 100 // len(questions)


def ticked_choices(answers: dict, question: QuizQuestion) -> set[int]:
    """The choice ids ticked for the question, whatever form the answers came in (ids as str or int, one or a
    list); anything that is not an id is ignored."""
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


def attempts_used(enrolment: Enrolment, quiz: Quiz) -> int:
    return QuizAttempt.objects.filter(enrolment=enrolment, quiz=quiz).count()


def attempts_left(quiz: Quiz, used: int) -> int | None:
    """How many attempts remain, or None when they are unlimited."""
    if quiz.max_attempts is None:
        return None
    return max(quiz.max_attempts - used, 0)


def best_attempt(enrolment: Enrolment) -> QuizAttempt | None:
    """The attempt with the highest score (the earliest of equals), or None before any attempt."""
    return QuizAttempt.objects.filter(enrolment=enrolment).best_first().first()


def attempts_summary(quiz: Quiz, enrolment: Enrolment | None) -> dict:
    """What the quiz pages say about the attempts: used, left (None: unlimited), the best one, and whether
    the learner may try again. Without an enrolment (an instructor's preview), none is used."""
    used = 0 if enrolment is None else attempts_used(enrolment, quiz)
    left = attempts_left(quiz, used)
    return {
        "attempts_used": used,
        "attempts_left": left,
        "can_try_again": left is None or left > 0,
        "best": None if enrolment is None else best_attempt(enrolment),
    }


def attempt_review(attempt: QuizAttempt, quiz: Quiz) -> list[dict]:
    """Per question: the choices with what was ticked and what is correct, and whether it was answered right."""
    review = []
    for question in quiz.questions.all():
        ticked = ticked_choices(attempt.answers, question)
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
