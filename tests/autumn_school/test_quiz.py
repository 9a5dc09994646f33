"""The module quiz: scoring, the pass mark, the attempts limit, the best score, and who may see what."""

import re

import pytest

from autumn_school.models import Enrolment, LessonProgress, QuizAttempt
from autumn_school.selectors.quizzes import best_attempt
from autumn_school.services import quizzes as services
from autumn_school.services.errors import NoAttemptsLeft, NotEnrolled
from tests.autumn_school.helpers import en
from tests.factories import ChoiceFactory, EnrolmentFactory, QuizFactory, QuizQuestionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(module):
    """Two questions: one with a single correct choice, one with two correct choices ("select all").

    The module keeps three lessons not done, so passing the quiz alone does not complete it.
    """
    quiz = QuizFactory(module=module, title="Quiz : financer son projet", pass_mark=50, max_attempts=3)
    single = QuizQuestionFactory(
        quiz=quiz, position=1, text="Quel organisme garantit les prêts aux TPE au Maroc ?", explanation="Tamwilcom."
    )
    quiz.single_right = ChoiceFactory(question=single, text="Tamwilcom", is_correct=True)
    quiz.single_wrong = ChoiceFactory(question=single, text="La Poste")
    several = QuizQuestionFactory(
        quiz=quiz, position=2, text="Quelles sont des sources de fonds propres ?", explanation="Pas le prêt."
    )
    quiz.several_right = [
        ChoiceFactory(question=several, text="Love money", is_correct=True),
        ChoiceFactory(question=several, text="Business angels", is_correct=True),
    ]
    quiz.several_wrong = ChoiceFactory(question=several, text="Prêt bancaire")
    quiz.single, quiz.several = single, several
    return quiz


@pytest.fixture
def enrolment(module, member):
    return EnrolmentFactory(module=module, learner=member)


def all_right(quiz):
    return {str(quiz.single.pk): [quiz.single_right.pk], str(quiz.several.pk): [c.pk for c in quiz.several_right]}


def post_data(answers):
    return {f"question_{question_id}": choice_ids for question_id, choice_ids in answers.items()}


# Scoring


def test_all_questions_answered_exactly_right_score_100_and_pass(quiz, enrolment):
    attempt = services.submit_attempt(enrolment=enrolment, answers=all_right(quiz))
    assert (attempt.score, attempt.passed) == (100, True)
    assert attempt.answers == {k: sorted(v) for k, v in all_right(quiz).items()}
    assert attempt.learner == enrolment.learner


def test_a_multiple_answer_question_needs_every_correct_choice_and_no_wrong_one(quiz, enrolment):
    missing_one = {**all_right(quiz), str(quiz.several.pk): [quiz.several_right[0].pk]}
    one_too_many = {
        **all_right(quiz),
        str(quiz.several.pk): [*(c.pk for c in quiz.several_right), quiz.several_wrong.pk],
    }
    quiz.max_attempts = None
    quiz.save()

    assert services.submit_attempt(enrolment=enrolment, answers=missing_one).score == 50
    assert services.submit_attempt(enrolment=enrolment, answers=one_too_many).score == 50


def test_a_wrong_single_answer_scores_that_question_zero(quiz, enrolment):
    answers = {**all_right(quiz), str(quiz.single.pk): [quiz.single_wrong.pk]}
    assert services.submit_attempt(enrolment=enrolment, answers=answers).score == 50


def test_the_pass_mark_is_inclusive(quiz, enrolment):
    half_right = {**all_right(quiz), str(quiz.single.pk): [quiz.single_wrong.pk]}
    quiz.pass_mark = 50
    quiz.save()
    assert services.submit_attempt(enrolment=enrolment, answers=half_right).passed is True

    quiz.pass_mark = 51
    quiz.save()
    attempt = services.submit_attempt(enrolment=enrolment, answers=half_right)
    assert (attempt.score, attempt.passed) == (50, False)


def test_the_score_is_rounded_down_so_rounding_never_grants_a_pass(module, enrolment):
    quiz = QuizFactory(module=module, pass_mark=67)
    questions = [QuizQuestionFactory(quiz=quiz, position=n) for n in (1, 2, 3)]
    right = {str(q.pk): [ChoiceFactory(question=q, is_correct=True).pk] for q in questions}
    ChoiceFactory(question=questions[2], text="Faux")
    right[str(questions[2].pk)] = [questions[2].choices.get(is_correct=False).pk]

    attempt = services.submit_attempt(enrolment=enrolment, answers=right)
    assert (attempt.score, attempt.passed) == (66, False)


# Attempts


def test_attempts_stop_at_the_limit_even_when_submitted_back_to_back(quiz, enrolment):
    quiz.max_attempts = 2
    quiz.save()
    services.submit_attempt(enrolment=enrolment, answers={})
    services.submit_attempt(enrolment=enrolment, answers={})
    with pytest.raises(NoAttemptsLeft):
        services.submit_attempt(enrolment=enrolment, answers=all_right(quiz))
    assert QuizAttempt.objects.filter(enrolment=enrolment).count() == 2


def test_submitting_locks_the_enrolment_row(quiz, enrolment):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        services.submit_attempt(enrolment=enrolment, answers={})
    locking = [q["sql"] for q in queries.captured_queries if "FOR UPDATE" in q["sql"]]
    assert locking
    assert '"autumn_school_enrolment"' in locking[0]


def test_a_waitlisted_learner_cannot_submit(quiz, enrolment):
    Enrolment.objects.filter(pk=enrolment.pk).update(status="waitlisted", waitlisted_at=enrolment.enrolled_at)
    with pytest.raises(NotEnrolled):
        services.submit_attempt(enrolment=enrolment, answers=all_right(quiz))


def test_the_best_score_is_kept_whatever_the_order_of_attempts(quiz, enrolment):
    services.submit_attempt(enrolment=enrolment, answers={str(quiz.single.pk): [quiz.single_right.pk]})
    best = services.submit_attempt(enrolment=enrolment, answers=all_right(quiz))
    services.submit_attempt(enrolment=enrolment, answers={})
    assert best_attempt(enrolment) == best


def test_an_attempt_records_activity(quiz, enrolment):
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=None)
    services.submit_attempt(enrolment=enrolment, answers={})
    enrolment.refresh_from_db()
    assert enrolment.last_activity_at is not None


def test_passing_the_quiz_with_lessons_left_does_not_complete_the_module(quiz, enrolment):
    services.submit_attempt(enrolment=enrolment, answers=all_right(quiz))
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None


# The quiz page


def test_the_quiz_page_shows_questions_in_order_with_radios_or_checkboxes(client, quiz, enrolment):
    client.force_login(enrolment.learner)
    response = client.get(en("quiz", quiz.module.slug))
    page = response.content.decode()

    assert response.status_code == 200
    assert page.index("Quel organisme garantit") < page.index("Quelles sont des sources")
    assert re.search(rf'type="radio"[^>]*name="question_{quiz.single.pk}"', page)
    assert re.search(rf'type="checkbox"[^>]*name="question_{quiz.several.pk}"', page)
    assert not re.search(rf'type="checkbox"[^>]*name="question_{quiz.single.pk}"', page)
    assert "Select all that apply." in page
    assert "Pass mark: 50%" in page
    assert "Attempts: 0 of 3" in page


def test_submitting_the_quiz_records_the_attempt_and_shows_the_result(client, quiz, enrolment):
    client.force_login(enrolment.learner)
    response = client.post(en("quiz", quiz.module.slug), post_data(all_right(quiz)))

    attempt = QuizAttempt.objects.get(enrolment=enrolment)
    assert response.status_code == 302
    assert response.url == en("quiz_result", quiz.module.slug, attempt.pk)
    page = client.get(response.url).content.decode()
    assert "Your score: 100%" in page
    assert "Passed" in page
    assert "Tamwilcom." in page  # the explanation
    assert "Your best score: 100%" in page
    assert "Try again" in page


def test_the_result_marks_each_question_right_or_wrong_and_keeps_the_best_score(client, quiz, enrolment):
    services.submit_attempt(enrolment=enrolment, answers=all_right(quiz))
    worse = services.submit_attempt(
        enrolment=enrolment, answers={str(quiz.single.pk): [quiz.single_wrong.pk], str(quiz.several.pk): []}
    )
    client.force_login(enrolment.learner)
    page = client.get(en("quiz_result", quiz.module.slug, worse.pk)).content.decode()

    assert "Your score: 0%" in page
    assert "Not passed" in page
    assert page.count("bi-x-lg") == 2  # both questions marked wrong
    assert "bi-check-lg" not in page
    assert "Your best score: 100%" in page
    assert "1 attempt left." in page


def test_no_try_again_once_the_attempts_are_used(client, quiz, enrolment):
    quiz.max_attempts = 1
    quiz.save()
    attempt = services.submit_attempt(enrolment=enrolment, answers={})
    client.force_login(enrolment.learner)

    result = client.get(en("quiz_result", quiz.module.slug, attempt.pk)).content.decode()
    assert "Try again" not in result
    quiz_page = client.get(en("quiz", quiz.module.slug)).content.decode()
    assert "You have used all your attempts for this quiz." in quiz_page
    assert "Submit my answers" not in quiz_page

    response = client.post(en("quiz", quiz.module.slug), post_data(all_right(quiz)), follow=True)
    assert "You have used all your attempts for this quiz." in response.content.decode()
    assert QuizAttempt.objects.filter(enrolment=enrolment).count() == 1


def test_an_unanswered_question_re_renders_the_form_with_an_error_and_keeps_the_ticks(client, quiz, enrolment):
    client.force_login(enrolment.learner)
    response = client.post(en("quiz", quiz.module.slug), {f"question_{quiz.single.pk}": quiz.single_right.pk})
    page = response.content.decode()

    assert response.status_code == 200
    assert "Answer this question." in page
    assert "Answer every question before you submit (1 left unanswered)." in page
    assert re.search(rf'<input[^>]*value="{quiz.single_right.pk}"[^>]*checked', page)
    assert not re.search(rf'<input[^>]*value="{quiz.single_wrong.pk}"[^>]*checked', page)
    assert not QuizAttempt.objects.exists()


def test_submitting_with_nothing_ticked_shows_the_errors(client, quiz, enrolment):
    client.force_login(enrolment.learner)
    response = client.post(en("quiz", quiz.module.slug), {})
    assert response.status_code == 200
    assert "Answer every question before you submit (2 left unanswered)." in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_instructors_preview_the_quiz_but_cannot_submit(client, quiz, instructor):
    client.force_login(instructor)
    page = client.get(en("quiz", quiz.module.slug)).content.decode()
    assert "Preview" in page
    assert "Submit my answers" not in page

    response = client.post(en("quiz", quiz.module.slug), post_data(all_right(quiz)), follow=True)
    assert "Only enrolled learners can submit the quiz" in response.content.decode()
    assert not QuizAttempt.objects.exists()


# Who may see what


def test_anonymous_visitors_are_sent_to_sign_in(client, quiz):
    response = client.get(en("quiz", quiz.module.slug))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_the_result_page_sends_anonymous_visitors_to_sign_in(client, quiz, enrolment):
    attempt = services.submit_attempt(enrolment=enrolment, answers={})
    response = client.get(en("quiz_result", quiz.module.slug, attempt.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_members_not_enrolled_get_404(client, quiz, other_member):
    client.force_login(other_member)
    assert client.get(en("quiz", quiz.module.slug)).status_code == 404
    assert client.post(en("quiz", quiz.module.slug), post_data(all_right(quiz))).status_code == 404
    assert not QuizAttempt.objects.exists()


def test_a_module_without_a_quiz_answers_404(client, module, enrolment):
    client.force_login(enrolment.learner)
    assert client.get(en("quiz", module.slug)).status_code == 404


def test_another_enrolled_learner_cannot_see_my_attempt(client, quiz, enrolment):
    attempt = services.submit_attempt(enrolment=enrolment, answers=all_right(quiz))
    classmate = EnrolmentFactory(module=quiz.module, learner=UserFactory()).learner
    client.force_login(classmate)
    assert client.get(en("quiz_result", quiz.module.slug, attempt.pk)).status_code == 404


def test_an_attempt_is_not_found_under_another_module(client, quiz, enrolment):
    attempt = services.submit_attempt(enrolment=enrolment, answers={})
    other = EnrolmentFactory(learner=enrolment.learner)
    QuizFactory(module=other.module)
    client.force_login(enrolment.learner)
    assert client.get(en("quiz_result", other.module.slug, attempt.pk)).status_code == 404


def test_passing_the_quiz_as_the_last_step_completes_the_module_and_issues_the_certificate(quiz, enrolment):
    for lesson in quiz.module.lessons.all():
        LessonProgress.objects.create(enrolment=enrolment, lesson=lesson)

    services.submit_attempt(enrolment=enrolment, answers=all_right(quiz))

    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert enrolment.certificates.filter(revoked_at__isnull=True).count() == 1


def test_the_learner_whose_pass_completes_the_module_is_congratulated_and_sent_to_the_certificate(
    client, quiz, enrolment
):
    for lesson in quiz.module.lessons.all():
        LessonProgress.objects.create(enrolment=enrolment, lesson=lesson)
    client.force_login(enrolment.learner)

    page = client.post(en("quiz", quiz.module.slug), post_data(all_right(quiz)), follow=True).content.decode()

    assert "Congratulations, you have completed this module!" in page
    assert f'href="{en("module_detail", quiz.module.slug)}#my-progress"' in page
    assert "Module completed: get my certificate" in page


def test_a_pass_that_leaves_lessons_to_do_brings_no_congratulations(client, quiz, enrolment):
    client.force_login(enrolment.learner)

    page = client.post(en("quiz", quiz.module.slug), post_data(all_right(quiz)), follow=True).content.decode()

    assert "Passed" in page
    assert "Congratulations" not in page
    assert "get my certificate" not in page
