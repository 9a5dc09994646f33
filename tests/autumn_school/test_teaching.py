"""The instructor page: the cohort's figures, the inactive learners and their nudge, the CSV export, who may see it."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from autumn_school.models import Attendance, LessonProgress, QuizAttempt
from tests.autumn_school.helpers import en
from tests.factories import EnrolmentFactory, LiveSessionFactory, ModuleFactory, QuizFactory, UserFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def cohort(module, instructor):
    """A small cohort at various stages:

    - Amal: 2 of 3 lessons, quiz 40% then 80%, one session attended, active yesterday;
    - Bruno: nothing since enrolling 20 days ago (never active);
    - Chloé: last seen 10 days ago, 1 lesson (inactive);
    - Driss: completed everything 12 days ago (quiet, but done: not inactive);
    - Eva and Farid on the waitlist (Farid first), Gilles cancelled.
    """
    module.capacity = 4
    module.required_live_sessions = 1
    module.save()
    lessons = list(module.lessons.all())
    quiz = QuizFactory(module=module)
    session = LiveSessionFactory(module=module, title="Kick-off", starts_at=days_ago(3))

    def learner(first, last, **kwargs):
        return UserFactory(first_name=first, last_name=last, email=f"{first.lower()}@example.org", **kwargs)

    amal = EnrolmentFactory(module=module, learner=learner("Amal", "Alami"), last_activity_at=days_ago(1))
    for lesson in lessons[:2]:
        LessonProgress.objects.create(enrolment=amal, lesson=lesson)
    for score in (40, 80):
        QuizAttempt.objects.create(quiz=quiz, enrolment=amal, learner=amal.learner, score=score, passed=score >= 50)
    Attendance.objects.create(session=session, learner=amal.learner, marked_by=instructor)

    bruno = EnrolmentFactory(
        module=module,
        learner=learner("Bruno", "Bernard", preferred_language="en"),
        enrolled_at=days_ago(20),
        last_activity_at=None,
    )
    chloe = EnrolmentFactory(
        module=module, learner=learner("Chloé", "Claes", preferred_language="fr"), last_activity_at=days_ago(10)
    )
    LessonProgress.objects.create(enrolment=chloe, lesson=lessons[0])
    driss = EnrolmentFactory(
        module=module, learner=learner("Driss", "Daoudi"), last_activity_at=days_ago(12), completed_at=days_ago(12)
    )
    farid = EnrolmentFactory(
        module=module,
        learner=learner("Farid", "Fassi"),
        status="waitlisted",
        enrolled_at=None,
        waitlisted_at=days_ago(3),
    )
    eva = EnrolmentFactory(
        module=module, learner=learner("Eva", "Evers"), status="waitlisted", enrolled_at=None, waitlisted_at=days_ago(1)
    )
    gilles = EnrolmentFactory(
        module=module, learner=learner("Gilles", "Goossens"), status="cancelled", cancelled_at=days_ago(2)
    )
    return {
        "amal": amal,
        "bruno": bruno,
        "chloe": chloe,
        "driss": driss,
        "eva": eva,
        "farid": farid,
        "gilles": gilles,
        "session": session,
    }


def row(page, enrolment):
    match = re.search(rf'<tr id="learner-{enrolment.learner_id}"[^>]*>(.*?)</tr>', page, re.S)
    assert match, f"no row for {enrolment.learner}"
    return match.group(0)


# Who may see it


@pytest.mark.parametrize(("name", "method"), [("teach", "get"), ("teach_csv", "get"), ("teach_nudge", "post")])
def test_the_instructor_pages_need_a_login(client, module, name, method):
    response = getattr(client, method)(en(name, module.slug))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("name", "method"), [("teach", "get"), ("teach_csv", "get"), ("teach_nudge", "post")])
def test_the_instructor_pages_answer_404_to_learners_outsiders_and_other_instructors(
    client, module, member, other_member, name, method, mailoutbox
):
    EnrolmentFactory(module=module, learner=member, last_activity_at=days_ago(30))
    other_instructor = UserFactory()
    ModuleFactory(instructors=[other_instructor])
    for person in (member, other_member, other_instructor):
        client.force_login(person)
        assert getattr(client, method)(en(name, module.slug)).status_code == 404
    assert mailoutbox == []


def test_staff_and_organisers_see_the_instructor_page(client, module, staff, organiser):
    for person in (staff, organiser):
        client.force_login(person)
        response = client.get(en("teach", module.slug))
        assert response.status_code == 200
        assert "Instructor page" in response.content.decode()


def test_the_nudge_is_post_only(client, module, instructor):
    client.force_login(instructor)
    assert client.get(en("teach_nudge", module.slug)).status_code == 405


# What it shows


def test_the_page_counts_the_cohort(client, instructor, module, cohort):
    client.force_login(instructor)
    page = client.get(en("teach", module.slug)).content.decode()
    # Each figure card: its label (dt), then its value (dd), shown above the label.
    card = r'<dt class="small fw-normal text-body-secondary">(.*?)</dt>\s*<dd class="fs-3 fw-semibold mb-0">(.*?)<'
    figures = [(value, label) for label, value in re.findall(card, page)]
    assert figures == [
        ("4", "Enrolled"),
        ("2", "On the waitlist"),
        ("1", "Completed"),
        ("4", "Capacity · 0 seats left"),
    ]


def test_the_waitlist_is_shown_in_order(client, instructor, module, cohort):
    client.force_login(instructor)
    page = client.get(en("teach", module.slug)).content.decode()
    waitlist = page.split('id="waitlist-heading"')[1]
    assert waitlist.index("Farid Fassi") < waitlist.index("Eva Evers")
    assert "Gilles" not in page


def test_each_learners_row_shows_progress_score_attendance_and_completion(client, instructor, module, cohort):
    client.force_login(instructor)
    page = client.get(en("teach", module.slug)).content.decode()

    amal = row(page, cohort["amal"])
    with translation.override("en"):
        profile = reverse("network:profile_detail", args=[cohort["amal"].learner_id])
        completed_on = date_format(timezone.localtime(cohort["driss"].completed_at), "SHORT_DATE_FORMAT")
    assert f'href="{profile}">Amal Alami</a>' in amal
    assert "2/3 lessons" in amal
    assert "80%" in amal  # 4 of 5 steps: 2 of 3 lessons, the quiz passed, the one required session
    assert "progress-w-80" in amal
    assert "80%" in amal
    assert "1/1" in amal
    assert "Inactive" not in amal
    assert "table-warning" not in amal

    driss = row(page, cohort["driss"])
    assert completed_on in driss
    assert "Inactive" not in driss
    assert "0/1" in driss


def test_learners_inactive_for_a_week_and_never_active_ones_are_highlighted(client, instructor, module, cohort):
    client.force_login(instructor)
    page = client.get(en("teach", module.slug)).content.decode()

    bruno, chloe = row(page, cohort["bruno"]), row(page, cohort["chloe"])
    assert "Never active" in bruno
    assert "Inactive 7+ days" in bruno
    assert 'class="table-warning"' in bruno
    assert "Inactive 7+ days" in chloe
    assert "Never active" not in chloe
    assert "Email the 2 inactive learners" in page


def test_a_learner_who_enrolled_recently_and_has_not_started_is_not_inactive_yet(client, instructor, module):
    enrolment = EnrolmentFactory(module=module, enrolled_at=days_ago(2), last_activity_at=None)
    client.force_login(instructor)
    page = client.get(en("teach", module.slug)).content.decode()
    learner_row = row(page, enrolment)
    assert "Never active" in learner_row
    assert "Inactive 7+ days" not in learner_row
    assert "Email the 0 inactive learners" in page


def test_the_page_links_to_each_sessions_attendance_sheet(client, instructor, module, cohort):
    client.force_login(instructor)
    page = client.get(en("teach", module.slug)).content.decode()
    assert en("session_attendance", cohort["session"].pk) in page
    assert "1 present" in page


def test_a_module_without_quiz_has_no_score_column(client, instructor, module):
    EnrolmentFactory(module=module)
    client.force_login(instructor)
    page = client.get(en("teach", module.slug)).content.decode()
    assert "Best quiz score" not in page


@pytest.mark.parametrize("n", [1, 5])
def test_the_instructor_page_runs_the_same_queries_whatever_the_cohort_size(
    client, instructor, module, django_assert_num_queries, n
):
    quiz = QuizFactory(module=module)
    lesson = module.lessons.first()
    sessions = [LiveSessionFactory(module=module, starts_at=days_ago(day)) for day in (1, 2)]
    for index in range(n):
        enrolment = EnrolmentFactory(module=module, last_activity_at=days_ago(index * 4))
        LessonProgress.objects.create(enrolment=enrolment, lesson=lesson)
        QuizAttempt.objects.create(quiz=quiz, enrolment=enrolment, learner=enrolment.learner, score=60, passed=True)
        for session in sessions:
            Attendance.objects.create(session=session, learner=enrolment.learner)
        EnrolmentFactory(module=module, status="waitlisted", enrolled_at=None, waitlisted_at=days_ago(index))
    client.force_login(instructor)

    with django_assert_num_queries(8):
        response = client.get(en("teach", module.slug))

    assert response.content.decode().count('<tr id="learner-') == n


# The nudge


def test_one_action_emails_the_inactive_learners_in_their_language(
    client, instructor, module, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(instructor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(en("teach_nudge", module.slug), follow=True)

    assert "2 inactive learners have been emailed." in response.content.decode()
    assert sorted(m.to[0] for m in mailoutbox) == ["bruno@example.org", "chloé@example.org"]
    by_address = {m.to[0]: m for m in mailoutbox}
    for message in mailoutbox:
        assert message.reply_to == ["youssef@example.org"]
    with translation.override("en"):
        english_resume = reverse("autumn_school:resume", args=[module.slug])
    with translation.override("fr"):
        french_resume = reverse("autumn_school:resume", args=[module.slug])
    assert "http" in by_address["bruno@example.org"].body
    assert english_resume in by_address["bruno@example.org"].body
    assert "Pick up “Financer un projet au Maroc”" in by_address["bruno@example.org"].subject
    assert "Youssef Alaoui" in by_address["bruno@example.org"].body
    assert french_resume in by_address["chloé@example.org"].body
    html = by_address["bruno@example.org"].alternatives[0][0]
    assert english_resume in html


def test_the_same_learner_is_not_nudged_twice_within_a_day(
    client, instructor, module, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(instructor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(en("teach_nudge", module.slug))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(en("teach_nudge", module.slug), follow=True)

    assert len(mailoutbox) == 2
    assert "2 learners were already emailed in the last 24 hours" in response.content.decode()


def test_nobody_inactive_means_nobody_emailed(client, instructor, module, mailoutbox):
    EnrolmentFactory(module=module, last_activity_at=days_ago(1))
    client.force_login(instructor)
    response = client.post(en("teach_nudge", module.slug), follow=True)
    assert "nobody was emailed" in response.content.decode()
    assert mailoutbox == []


def test_the_inactive_selection_ignores_waitlisted_cancelled_and_completed_learners(module, cohort):
    enrolments = module.enrolments.inactive()
    assert set(enrolments) == {cohort["bruno"], cohort["chloe"]}


# The CSV export


def test_the_csv_has_one_row_per_enrolment_with_the_figures(client, instructor, module, cohort):
    client.force_login(instructor)
    response = client.get(en("teach_csv", module.slug))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="{module.slug}-learners-' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Name",
        "Email",
        "Status",
        "Enrolled at",
        "Progress (%)",
        "Lessons done",
        "Lessons in total",
        "Best quiz score (%)",
        "Live sessions attended",
        "Last activity",
        "Completed at",
        "Waitlist position",
    ]
    by_name = {line[0]: line for line in rows[1:]}
    assert sorted(by_name) == [
        "Amal Alami",
        "Bruno Bernard",
        "Chloé Claes",
        "Driss Daoudi",
        "Eva Evers",
        "Farid Fassi",
        "Gilles Goossens",
    ]
    amal = by_name["Amal Alami"]
    assert amal[1:3] == ["amal@example.org", "Enrolled"]
    assert amal[4:9] == ["80", "2", "3", "80", "1"]
    assert amal[3] == timezone.localtime(cohort["amal"].enrolled_at).strftime("%Y-%m-%d %H:%M")
    assert amal[11] == ""
    assert by_name["Bruno Bernard"][7] == ""
    assert by_name["Bruno Bernard"][9] == ""
    assert by_name["Driss Daoudi"][4] == "100"
    assert by_name["Driss Daoudi"][10] == timezone.localtime(cohort["driss"].completed_at).strftime("%Y-%m-%d %H:%M")
    assert by_name["Farid Fassi"][2] == "On the waitlist"
    assert by_name["Farid Fassi"][11] == "1"
    assert by_name["Eva Evers"][11] == "2"
    assert by_name["Gilles Goossens"][2] == "Cancelled"
