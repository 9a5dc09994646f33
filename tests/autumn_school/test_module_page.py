"""The module page links to everything a viewer may do next, and to nothing they may not: resume, the live
sessions (join in the window, .ics, recording once ended), the quiz, the questions, the certificate, and the
instructor page (also in the app's navigation bar)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from autumn_school.models import LessonProgress
from autumn_school.services.learning import mark_lesson_done
from tests.autumn_school.helpers import en, en_site
from tests.factories import EnrolmentFactory, LiveSessionFactory, QuizFactory

pytestmark = pytest.mark.django_db


def module_page(client, module):
    return client.get(en("module_detail", module.slug)).content.decode()


def subnav(html):
    return html.split('aria-label="Autumn school"')[1].split("</nav>")[0]


def session_card(html, session):
    return html.split(f'id="session-{session.pk}"')[1].split("</li>")[0]


@pytest.fixture
def enrolment(module, member):
    return EnrolmentFactory(module=module, learner=member)


def test_resume_leads_to_the_lesson_left_off_else_the_first_not_done(client, module, enrolment):
    first, second, third = module.lessons.all()
    LessonProgress.objects.create(enrolment=enrolment, lesson=first)
    client.force_login(enrolment.learner)

    html = module_page(client, module)

    assert f'href="{en("resume", module.slug)}"' in html
    assert "Resume where I left off" in html
    assert client.get(en("resume", module.slug))["Location"] == en("lesson", module.slug, second.pk)
    client.get(en("lesson", module.slug, third.pk))
    assert client.get(en("resume", module.slug))["Location"] == en("lesson", module.slug, third.pk)


def test_each_session_offers_what_its_moment_allows(client, module, enrolment):
    now = timezone.now()
    later = LiveSessionFactory(module=module, title="Later", starts_at=now + timedelta(days=2))
    under_way = LiveSessionFactory(
        module=module, title="Under way", starts_at=now - timedelta(minutes=5), recording_url="https://v.example/x"
    )
    ended = LiveSessionFactory(
        module=module, title="Ended", starts_at=now - timedelta(days=1), recording_url="https://v.example/replay"
    )
    client.force_login(enrolment.learner)

    html = module_page(client, module)

    later_card, live_card, ended_card = (session_card(html, s) for s in (later, under_way, ended))
    assert en("session_join", later.pk) not in later_card
    assert "15 minutes before the start" in later_card
    assert en("session_ics", later.pk) in later_card
    assert en("session_join", under_way.pk) in live_card
    assert "Live now" in live_card
    assert "https://v.example/x" not in live_card  # a recording shows once the session has ended
    assert en("session_join", ended.pk) not in ended_card
    assert "https://v.example/replay" in ended_card
    assert "Watch the recording" in ended_card
    for session in (later, under_way, ended):
        assert session.meeting_url not in html


def test_the_quiz_and_the_questions_are_linked_for_enrolled_learners(client, module, enrolment):
    QuizFactory(module=module)
    client.force_login(enrolment.learner)

    html = module_page(client, module)

    assert f'href="{en("quiz", module.slug)}"' in html
    assert f'href="{en("questions", module.slug)}"' in html


def test_completing_the_last_lesson_shows_the_certificate_and_its_verification_link(client, module, enrolment):
    for lesson in module.lessons.all():
        mark_lesson_done(learner=enrolment.learner, lesson=lesson)
    certificate = enrolment.certificates.get()
    client.force_login(enrolment.learner)

    html = module_page(client, module)

    assert "progress-w-100" in html
    assert f'href="{en("certificate_download", certificate.pk)}"' in html
    assert f'href="{en_site("certificate_verify", certificate.code)}"' in html
    assert en("resume", module.slug) not in html
    pdf = client.get(en("certificate_download", certificate.pk))
    assert pdf.content.startswith(b"%PDF")


def test_instructors_get_the_instructor_page_the_quiz_preview_and_the_questions(client, module, instructor):
    QuizFactory(module=module)
    client.force_login(instructor)

    html = module_page(client, module)

    assert f'href="{en("teach", module.slug)}"' in subnav(html)
    assert f'href="{en("teach", module.slug)}"' in html.split("You teach this module")[1]
    assert "Preview the quiz" in html
    assert f'href="{en("questions", module.slug)}"' in html


@pytest.mark.parametrize("page", ["lesson", "quiz", "teach"])
def test_the_navigation_bar_links_the_instructor_page_on_the_module_pages_they_teach(client, module, instructor, page):
    QuizFactory(module=module)
    args = [module.slug, module.lessons.first().pk] if page == "lesson" else [module.slug]
    client.force_login(instructor)

    html = client.get(en(page, *args)).content.decode()

    assert f'href="{en("teach", module.slug)}"' in subnav(html)


def test_learners_and_visitors_get_no_instructor_page_link(client, module, enrolment):
    QuizFactory(module=module)
    assert en("teach", module.slug) not in module_page(client, module)

    client.force_login(enrolment.learner)
    for url in (
        en("module_detail", module.slug),
        en("lesson", module.slug, module.lessons.first().pk),
        en("quiz", module.slug),
    ):
        assert en("teach", module.slug) not in client.get(url).content.decode()
