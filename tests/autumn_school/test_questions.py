import threading
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

from autumn_school.models import Answer, Question
from autumn_school.services import questions as services
from autumn_school.tasks import send_question_digests
from tests.autumn_school.helpers import en
from tests.factories import EnrolmentFactory, ModuleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(module, member):
    EnrolmentFactory(module=module, learner=member)
    return member


@pytest.fixture
def question(module, learner):
    return Question.objects.create(
        module=module, author=learner, title="Quel taux pour un prêt d'honneur ?", body="Je compare **deux** offres."
    )


def make_instructor(**kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get_or_create(name="Instructors")[0])
    return user


# Who may see the thread


@pytest.mark.parametrize("page", ["questions", "question"])
def test_anonymous_visitors_are_sent_to_log_in(client, question, page):
    args = [question.module.slug] + ([question.pk] if page == "question" else [])

    response = client.get(en(page, *args))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("page", ["questions", "question"])
@pytest.mark.parametrize("status", ["not enrolled", "waitlisted"])
def test_members_without_a_place_get_404(client, other_member, question, page, status):
    if status == "waitlisted":
        EnrolmentFactory(module=question.module, learner=other_member, status=status, waitlisted_at=timezone.now())
    args = [question.module.slug] + ([question.pk] if page == "question" else [])
    client.force_login(other_member)

    assert client.get(en(page, *args)).status_code == 404
    assert client.post(en(page, *args), {"title": "Intrus", "body": "Bonjour"}).status_code == 404
    assert Question.objects.count() == 1
    assert not Answer.objects.exists()


def test_a_question_is_not_found_under_another_module(client, learner, question):
    other_module = ModuleFactory()
    EnrolmentFactory(module=other_module, learner=learner)
    client.force_login(learner)

    assert client.get(en("question", other_module.slug, question.pk)).status_code == 404


def test_instructors_and_staff_see_the_thread(client, instructor, staff, question):
    for user in (instructor, staff):
        client.force_login(user)
        assert "Quel taux pour un prêt" in client.get(en("questions", question.module.slug)).content.decode()


# Asking


def test_the_list_shows_questions_newest_first_with_answer_counts(client, learner, module, instructor):
    older = Question.objects.create(module=module, author=learner, title="Première question", body="…")
    Question.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=2))
    newer = Question.objects.create(module=module, author=learner, title="Deuxième question", body="…")
    Answer.objects.create(question=older, author=instructor, body="Réponse du formateur")
    Answer.objects.create(question=older, author=learner, body="Merci !")
    Answer.objects.create(question=newer, author=learner, body="Je précise")
    client.force_login(learner)

    page = client.get(en("questions", module.slug)).content.decode()

    assert page.index("Deuxième question") < page.index("Première question")
    assert "2 answers" in page
    assert "1 answer<" in page
    assert page.count("Instructor answered") == 1
    assert "2 questions" in page


def test_a_learner_asks_a_question(client, learner, module, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(learner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            en("questions", module.slug), {"title": "Faut-il un garant ?", "body": "Pour un prêt de 20 000 MAD."}
        )

    question = Question.objects.get()
    assert response["Location"] == en("question", module.slug, question.pk)
    assert (question.author, question.module, question.instructors_notified_at) == (learner, module, None)
    assert mailoutbox == []  # instructors hear about it in the next digest
    assert "Faut-il un garant ?" in client.get(response["Location"]).content.decode()


def test_a_question_without_a_title_is_refused_and_keeps_what_was_typed(client, learner, module):
    client.force_login(learner)

    response = client.post(en("questions", module.slug), {"title": "  ", "body": "Mon long texte de question"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "This field is required." in page
    assert "Mon long texte de question" in page
    assert '<details class="card mb-4 school-ask" open>' in page
    assert not Question.objects.exists()


@pytest.mark.parametrize("n", [1, 5])
def test_the_question_list_runs_a_constant_number_of_queries(
    client, learner, module, instructor, django_assert_num_queries, n
):
    for index in range(n):
        question = Question.objects.create(module=module, author=UserFactory(), title=f"Question {index}", body="…")
        Answer.objects.create(question=question, author=instructor, body="Voici")
    client.force_login(learner)

    with django_assert_num_queries(7):
        response = client.get(en("questions", module.slug))

    assert response.content.decode().count("Instructor answered") == n


# Answering


def test_the_thread_marks_the_instructors_answers(client, learner, question, instructor, other_member):
    EnrolmentFactory(module=question.module, learner=other_member)
    Answer.objects.create(question=question, author=instructor, body="Autour de **2 %**.")
    Answer.objects.create(question=question, author=other_member, body="Chez moi 3 %.")
    client.force_login(learner)

    page = client.get(en("question", question.module.slug, question.pk)).content.decode()

    assert "<strong>deux</strong>" in page
    assert "<strong>2 %</strong>" in page
    assert page.count('<span class="badge text-bg-success ms-1">') == 1
    assert (
        page.index("Youssef Alaoui")
        < page.index('<span class="badge text-bg-success ms-1">')
        < page.index("Pieter Janssens")
    )


def test_an_instructor_answer_emails_the_asker_in_their_language(
    client, question, instructor, mailoutbox, django_capture_on_commit_callbacks
):
    question.author.preferred_language = "en"
    question.author.save()
    client.force_login(instructor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            en("question", question.module.slug, question.pk), {"body": "Autour de 2 % chez Al Amana."}
        )

    answer = Answer.objects.get()
    assert response["Location"] == en("question", question.module.slug, question.pk) + f"#answer-{answer.pk}"
    [email] = mailoutbox
    assert email.to == ["amina@example.org"]
    assert "New answer to your question" in email.subject
    assert "Youssef Alaoui, instructor of “Financer un projet au Maroc”" in email.body
    assert "Autour de 2 % chez Al Amana." in email.body
    assert "http://testserver" not in email.body
    assert f"/en/autumn-school/modules/financer-un-projet/questions/{question.pk}/" in email.body


def test_answering_ones_own_question_sends_no_email(
    client, learner, question, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(learner)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(en("question", question.module.slug, question.pk), {"body": "J'ai trouvé la réponse."})

    assert Answer.objects.get().author == learner
    assert mailoutbox == []


def test_an_empty_answer_is_refused(client, learner, question):
    client.force_login(learner)

    response = client.post(en("question", question.module.slug, question.pk), {"body": ""})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Answer.objects.exists()


def test_the_service_refuses_someone_who_cannot_follow_the_module(question, other_member):
    from autumn_school.services.errors import NotEnrolled

    with pytest.raises(NotEnrolled):
        services.answer_question(question=question, author=other_member, body="Intrus")


# The instructors' digest


def test_each_instructor_gets_one_digest_and_a_second_run_sends_nothing(
    module, learner, instructor, mailoutbox, django_capture_on_commit_callbacks
):
    co_teacher = make_instructor(first_name="Lotte", last_name="Peeters", email="lotte@example.org")
    module.instructors.add(co_teacher)
    second_module = ModuleFactory(title="Exporter vers l'Europe", instructors=[instructor])
    EnrolmentFactory(module=second_module, learner=learner)
    for title, where in [("Question A", module), ("Question B", module), ("Question C", second_module)]:
        services.ask_question(module=where, author=learner, title=title, body=f"Détails de {title}")

    with django_capture_on_commit_callbacks(execute=True):
        first = send_question_digests.delay().get()
    with django_capture_on_commit_callbacks(execute=True):
        second = services.send_question_digests()

    assert (first, second) == (2, 0)
    by_recipient = {email.to[0]: email for email in mailoutbox}
    assert sorted(by_recipient) == ["lotte@example.org", "youssef@example.org"]
    youssef = by_recipient["youssef@example.org"].body
    assert all(title in youssef for title in ("Question A", "Question B", "Question C", "Exporter vers l'Europe"))
    lotte = by_recipient["lotte@example.org"].body
    assert "Question A" in lotte
    assert "Question C" not in lotte
    assert not Question.objects.filter(instructors_notified_at__isnull=True).exists()


def test_a_question_in_a_module_without_instructors_is_marked_without_email(
    learner, mailoutbox, django_capture_on_commit_callbacks
):
    lonely = ModuleFactory()
    EnrolmentFactory(module=lonely, learner=learner)
    question = services.ask_question(module=lonely, author=learner, title="Quelqu'un ?", body="…")

    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_question_digests() == 0

    question.refresh_from_db()
    assert question.instructors_notified_at is not None
    assert mailoutbox == []


def test_the_digest_is_in_each_instructors_language(
    module, learner, instructor, mailoutbox, django_capture_on_commit_callbacks
):
    instructor.preferred_language = "en"
    instructor.save()
    module.instructors.add(make_instructor(email="karim@example.org", preferred_language="fr"))
    question = services.ask_question(module=module, author=learner, title="Bourse ?", body="…")

    with django_capture_on_commit_callbacks(execute=True):
        services.send_question_digests()

    by_recipient = {email.to[0]: email for email in mailoutbox}
    assert by_recipient["youssef@example.org"].subject.endswith("1 new question from your learners")
    assert (
        f"/en/autumn-school/modules/{module.slug}/questions/{question.pk}/" in by_recipient["youssef@example.org"].body
    )
    assert f"/fr/autumn-school/modules/{module.slug}/questions/{question.pk}/" in by_recipient["karim@example.org"].body


def test_an_instructor_is_not_told_about_their_own_question(
    module, instructor, mailoutbox, django_capture_on_commit_callbacks
):
    services.ask_question(module=module, author=instructor, title="Sondage", body="Qui vient jeudi ?")

    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_question_digests() == 0

    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)
def test_a_digest_run_skips_questions_another_run_is_handling(module, instructor, mailoutbox):
    learner = UserFactory()
    EnrolmentFactory(module=module, learner=learner)
    services.ask_question(module=module, author=learner, title="Prise par l'autre", body="…")
    results = []

    def concurrent_run():
        try:
            results.append(services.send_question_digests())
        finally:
            connection.close()

    with transaction.atomic():
        # This transaction stands for a first run that holds the question and has not committed yet.
        list(Question.objects.select_for_update())
        thread = threading.Thread(target=concurrent_run)
        thread.start()
        thread.join(timeout=30)

    assert results == [0]
    assert mailoutbox == []
    assert services.send_question_digests() == 1
    assert [email.to for email in mailoutbox] == [["youssef@example.org"]]
