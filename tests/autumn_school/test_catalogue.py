"""The catalogue, a module's page, the enrol and unenrol buttons, and "My courses"."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape

from autumn_school.models import Enrolment, LessonProgress, Module, Theme
from autumn_school.search import refresh_module_search
from autumn_school.services.certificates import issue_certificate
from tests.autumn_school.helpers import en
from tests.factories import (
    EditionFactory,
    EnrolmentFactory,
    LessonFactory,
    LiveSessionFactory,
    ModuleFactory,
    ProfileFactory,
    QuizFactory,
    UserFactory,
)
from tests.helpers import page

pytestmark = pytest.mark.django_db


def titles(response):
    return [module.title for module in response.context["page_obj"]]


def certificate_for(enrolment):
    return issue_certificate(enrolment=enrolment, notify=False)


# --- The catalogue -----------------------------------------------------------------------------------------


def test_the_catalogue_lists_only_published_modules_of_published_editions(client):
    ModuleFactory(title="Marketing digital")
    ModuleFactory(title="Brouillon", is_published=False)
    ModuleFactory(title="Édition cachée", edition=EditionFactory(is_published=False))

    response = client.get(en("catalogue"))

    assert response.status_code == 200
    assert titles(response) == ["Marketing digital"]
    assert "Brouillon" not in page(response)


def test_the_catalogue_is_ordered_by_start_date_then_title(client):
    today = timezone.localdate()
    ModuleFactory(title="B later", starts_on=today + timedelta(days=20))
    ModuleFactory(title="Z sooner", starts_on=today + timedelta(days=5))
    ModuleFactory(title="A later", starts_on=today + timedelta(days=20))

    assert titles(client.get(en("catalogue"))) == ["Z sooner", "A later", "B later"]


def test_the_catalogue_filters_by_edition_theme_level_language_and_format(client):
    law = Theme.objects.create(
        slug="tax-law", name_fr="Droit fiscal", name_en="Tax law", name_nl="Fiscaal recht", name_ar="القانون الضريبي"
    )
    edition_2024 = EditionFactory(slug="edition-2024")
    ModuleFactory(title="Droit des sociétés", theme=law, level="advanced", language="ar", format="live")
    ModuleFactory(title="Business model 2024", edition=edition_2024, format="self_paced")
    ModuleFactory(title="Pitch", language="nl", level="intermediate")
    url = en("catalogue")

    assert titles(client.get(url, {"theme": "tax-law"})) == ["Droit des sociétés"]
    assert titles(client.get(url, {"level": "advanced"})) == ["Droit des sociétés"]
    assert titles(client.get(url, {"language": "ar"})) == ["Droit des sociétés"]
    assert titles(client.get(url, {"format": "self_paced"})) == ["Business model 2024"]
    assert titles(client.get(url, {"edition": "edition-2024"})) == ["Business model 2024"]
    assert titles(client.get(url, {"language": "nl", "level": "intermediate"})) == ["Pitch"]
    assert titles(client.get(url, {"language": "nl", "level": "advanced"})) == []


def test_a_stale_filter_value_in_a_shared_link_is_ignored_rather_than_an_error(client):
    ModuleFactory(title="Pitch")

    response = client.get(en("catalogue"), {"edition": "no-such-edition", "level": "beginner"})

    assert response.status_code == 200
    assert titles(response) == ["Pitch"]


def test_the_open_for_enrolment_filter_hides_modules_not_open_yet_or_closed(client):
    now = timezone.now()
    ModuleFactory(title="Open")
    ModuleFactory(title="Soon", enrolment_opens_at=now + timedelta(days=2), enrolment_closes_at=now + timedelta(days=9))
    ModuleFactory(
        title="Closed", enrolment_opens_at=now - timedelta(days=9), enrolment_closes_at=now - timedelta(days=2)
    )

    assert titles(client.get(en("catalogue"), {"open": "on"})) == ["Open"]
    everything = client.get(en("catalogue"))
    assert sorted(titles(everything)) == ["Closed", "Open", "Soon"]
    assert "Enrolment opens on" in page(everything)
    assert "Enrolment closed" in page(everything)


def test_the_catalogue_search_finds_french_words_by_their_stem(client):
    ModuleFactory(title="Financer un projet au Maroc")
    ModuleFactory(title="Export et logistique")
    refresh_module_search()

    response = client.get(en("catalogue"), {"q": "financement"})

    assert titles(response) == ["Financer un projet au Maroc"]
    assert 'value="financement"' in page(response)


def test_the_search_combines_with_the_filters(client):
    ModuleFactory(title="Financer un projet", language="fr")
    ModuleFactory(title="Financer une startup", language="en")
    refresh_module_search()

    assert titles(client.get(en("catalogue"), {"q": "financer", "language": "en"})) == ["Financer une startup"]


def test_the_catalogue_answers_htmx_with_the_results_only(client):
    ModuleFactory(title="Pitch")

    response = client.get(en("catalogue"), headers={"HX-Request": "true"})

    assert "Pitch" in page(response)
    assert "<html" not in page(response)
    assert 'id="result-count"' in page(response)


def test_the_catalogue_shows_twelve_modules_a_page_and_keeps_the_filters_in_its_links(client):
    for number in range(14):
        ModuleFactory(title=f"Module {number:02}", level="advanced")

    response = client.get(en("catalogue"), {"level": "advanced"})

    assert len(titles(response)) == 12
    assert "?level=advanced&amp;page=2" in page(response)
    assert len(titles(client.get(en("catalogue"), {"level": "advanced", "page": 2}))) == 2


def test_a_card_shows_the_dates_hours_and_seats_left(client):
    module = ModuleFactory(title="Pitch", capacity=3, estimated_hours=8)
    EnrolmentFactory(module=module)
    EnrolmentFactory(module=module, status="cancelled")
    ModuleFactory(title="Open to all", capacity=None)
    full = ModuleFactory(title="Full", capacity=1)
    EnrolmentFactory(module=full)

    html = page(client.get(en("catalogue")))

    assert "2 seats left" in html
    assert "No limit" in html
    assert "Full – waitlist open" in html
    assert "About 8 hours" in html
    with translation.override("en"):
        dates = f"{date_format(module.starts_on)} – {date_format(module.ends_on)}"
    assert dates in html


def test_a_card_shows_the_viewers_own_enrolment(client, member):
    EnrolmentFactory(module=ModuleFactory(title="Mine"), learner=member)
    EnrolmentFactory(
        module=ModuleFactory(title="Waiting", capacity=1),
        learner=member,
        status="waitlisted",
        waitlisted_at=timezone.now(),
    )
    EnrolmentFactory(module=ModuleFactory(title="Done"), learner=member, completed_at=timezone.now())
    client.force_login(member)

    html = page(client.get(en("catalogue")))

    assert ">Enrolled<" in html.replace("</i>", "")
    assert "On the waitlist" in html
    assert "Completed" in html


@pytest.mark.parametrize("n", [1, 5])
def test_the_catalogue_runs_the_same_queries_whatever_the_number_of_modules(
    client, member, django_assert_num_queries, n
):
    for _ in range(n):
        module = ModuleFactory(capacity=10)
        EnrolmentFactory(module=module)
        EnrolmentFactory(module=module, learner=member)
    client.force_login(member)
    url = en("catalogue")

    with django_assert_num_queries(7):
        response = client.get(url, {"open": "on"})

    assert len(titles(response)) == n


@pytest.mark.parametrize("n", [1, 5])
def test_the_catalogue_runs_the_same_queries_for_visitors(client, django_assert_num_queries, n):
    for _ in range(n):
        ModuleFactory()
    refresh_module_search()
    url = en("catalogue")

    with django_assert_num_queries(4):
        response = client.get(url, {"q": "affaires"})

    assert len(titles(response)) == n


# --- The module page ---------------------------------------------------------------------------------------


def test_an_unpublished_module_answers_404_to_members_and_visitors_but_not_to_its_instructors_and_staff(
    client, member, instructor, staff
):
    draft = ModuleFactory(title="Brouillon", is_published=False, instructors=[instructor])
    url = en("module_detail", draft.slug)

    assert client.get(url).status_code == 404
    client.force_login(member)
    assert client.get(url).status_code == 404
    client.force_login(instructor)
    response = client.get(url)
    assert response.status_code == 200
    assert "Not published" in page(response)
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_a_visitor_sees_the_description_syllabus_titles_and_facts_and_is_asked_to_sign_in(client, module):
    url = en("module_detail", module.slug)

    html = page(client.get(url))

    assert "Financer un projet au Maroc" in html
    assert "<strong>pratique</strong>" in html  # the description's Markdown
    assert "Leçon 1" in html
    assert "Leçon 3" in html
    assert en("lesson", module.slug, module.lessons.first().pk) not in html
    assert "Sign in to enrol" in html
    assert f'href="/en/accounts/login/?next={url}"' in html
    assert "About 12 hours" in html
    assert "No limit" in html
    assert escape(module.edition.title) in html


def test_an_enrolled_learner_sees_lesson_links_ticks_progress_and_where_to_resume(client, member, module):
    QuizFactory(module=module)
    enrolment = EnrolmentFactory(module=module, learner=member)
    first, second, _third = module.lessons.all()
    LessonProgress.objects.create(enrolment=enrolment, lesson=first)
    client.force_login(member)

    response = client.get(en("module_detail", module.slug))

    html = page(response)
    assert en("lesson", module.slug, first.pk) in html
    assert en("lesson", module.slug, second.pk) in html
    assert html.count("bi-check-circle-fill") == 1
    assert "1 of 3 lessons done" in html
    assert "progress-w-25" in html  # 1 of 4 steps: three lessons and the quiz
    assert "Resume where I left off" in html
    assert en("resume", module.slug) in html
    assert en("quiz", module.slug) in html
    assert en("questions", module.slug) in html
    assert "You are enrolled in this module." in html
    assert en("unenrol", module.slug) in html
    assert en("teach", module.slug) not in html


def test_a_completed_learner_gets_the_certificate_and_its_public_verification_link(client, member, module):
    enrolment = EnrolmentFactory(module=module, learner=member, completed_at=timezone.now())
    certificate = certificate_for(enrolment)
    client.force_login(member)

    html = page(client.get(en("module_detail", module.slug)))

    assert en("certificate_download", certificate.pk) in html
    with translation.override("en"):
        assert reverse("certificate_verify", args=[certificate.code]) in html
    assert "You have completed this module" in html
    assert "progress-w-100" in html
    assert en("unenrol", module.slug) not in html


def test_instructors_are_linked_to_their_directory_profiles_with_their_photo_name(client, member, module, instructor):
    ProfileFactory(user=instructor, visibility="public", headline="Expert en financement")
    hidden = UserFactory(first_name="Karim", last_name="Discret")
    ProfileFactory(user=hidden, visibility="hidden")
    module.instructors.add(hidden)

    html = page(client.get(en("module_detail", module.slug)))

    with translation.override("en"):
        assert reverse("network:profile_detail", args=[instructor.pk]) in html
        assert reverse("network:profile_detail", args=[hidden.pk]) not in html
    assert "Youssef Alaoui" in html
    assert "Expert en financement" in html
    assert "Karim Discret" in html


def test_the_prerequisites_are_listed_with_whether_the_viewer_completed_them(client, member, module):
    basics = ModuleFactory(title="Les bases")
    law = ModuleFactory(title="Le droit")
    module.prerequisites.set([basics, law])
    EnrolmentFactory(module=basics, learner=member, completed_at=timezone.now())
    client.force_login(member)

    html = page(client.get(en("module_detail", module.slug)))

    assert en("module_detail", basics.slug) in html
    assert "To enrol, first complete:" in html
    box = html.split('id="enrol-box"')[1].split("</div>")[0]
    assert "Le droit" in box
    assert "Les bases" not in box
    assert "not completed yet" in html


def test_the_session_schedule_shows_brussels_casablanca_and_a_local_time_for_the_browser(client, module):
    # 15 October 2030, 12:00 UTC: 14:00 in Brussels (summer time), 13:00 in Casablanca.
    LiveSessionFactory(module=module, title="Atelier financement", starts_at=datetime(2030, 10, 15, 12, 0, tzinfo=UTC))

    html = page(client.get(en("module_detail", module.slug)))

    assert "Atelier financement" in html
    brussels = html.split("Brussels</dt>")[1].split("</dd>")[0]
    casablanca = html.split("Casablanca</dt>")[1].split("</dd>")[0]
    assert "Oct. 15, 2030, 2 p.m." in brussels
    assert "Oct. 15, 2030, 1 p.m." in casablanca
    assert '<time datetime="2030-10-15T12:00:00+00:00" data-local-time' in html
    assert "Your time" in html


def test_the_meeting_link_is_never_in_the_page_but_the_join_link_opens_15_minutes_before(client, member, module):
    EnrolmentFactory(module=module, learner=member)
    soon = LiveSessionFactory(module=module, starts_at=timezone.now() + timedelta(minutes=10))
    later = LiveSessionFactory(module=module, starts_at=timezone.now() + timedelta(hours=3))
    client.force_login(member)

    html = page(client.get(en("module_detail", module.slug)))

    assert soon.meeting_url not in html
    assert later.meeting_url not in html
    assert en("session_join", soon.pk) in html
    assert en("session_join", later.pk) not in html
    assert en("session_ics", later.pk) in html


def test_an_ended_session_shows_its_recording_to_learners(client, member, module):
    EnrolmentFactory(module=module, learner=member)
    LiveSessionFactory(
        module=module,
        starts_at=timezone.now() - timedelta(days=1),
        recording_url="https://video.example.org/replay-1",
    )
    client.force_login(member)

    html = page(client.get(en("module_detail", module.slug)))

    assert "https://video.example.org/replay-1" in html
    assert "Ended" in html


def test_outsiders_see_the_schedule_without_join_calendar_or_recording_links(client, other_member, module):
    session = LiveSessionFactory(module=module, starts_at=timezone.now() + timedelta(minutes=5))
    LiveSessionFactory(
        module=module, starts_at=timezone.now() - timedelta(days=2), recording_url="https://video.example.org/r"
    )
    client.force_login(other_member)

    html = page(client.get(en("module_detail", module.slug)))

    assert session.title in html
    assert en("session_join", session.pk) not in html
    assert en("session_ics", session.pk) not in html
    assert "https://video.example.org/r" not in html
    assert en("lesson", module.slug, module.lessons.first().pk) not in html


def test_instructors_and_staff_get_the_instructor_page_and_lesson_links(client, instructor, staff, module):
    for person in (instructor, staff):
        client.force_login(person)
        html = page(client.get(en("module_detail", module.slug)))
        assert en("teach", module.slug) in html
        assert en("lesson", module.slug, module.lessons.first().pk) in html


def test_organisers_also_get_the_instructor_page(client, module):
    organiser = UserFactory()
    organiser.groups.add(Group.objects.get_or_create(name="Organisers")[0])
    client.force_login(organiser)

    assert en("teach", module.slug) in page(client.get(en("module_detail", module.slug)))


# --- The enrol button's states -----------------------------------------------------------------------------


def enrol_box(client, module):
    return page(client.get(en("module_detail", module.slug))).split('id="enrol-box"')[1].split("</details>")[0]


def test_the_button_explains_that_enrolment_has_not_opened_yet(client, member):
    opens_at = datetime(2031, 3, 2, 9, 0, tzinfo=UTC)
    module = ModuleFactory(enrolment_opens_at=opens_at, enrolment_closes_at=opens_at + timedelta(days=30))
    client.force_login(member)

    box = enrol_box(client, module)

    assert "Enrolment opens on March 2, 2031" in box
    assert en("enrol", module.slug) not in box


def test_the_button_explains_that_enrolment_has_closed(client, member):
    module = ModuleFactory(
        enrolment_opens_at=datetime(2024, 9, 1, 8, 0, tzinfo=UTC),
        enrolment_closes_at=datetime(2024, 10, 1, 8, 0, tzinfo=UTC),
        starts_on=datetime(2024, 10, 2, tzinfo=UTC).date(),
        ends_on=datetime(2024, 11, 2, tzinfo=UTC).date(),
    )
    client.force_login(member)

    box = enrol_box(client, module)

    assert "Enrolment closed on Oct. 1, 2024" in box
    assert en("enrol", module.slug) not in box


def test_the_button_offers_one_click_enrolment(client, member, module):
    client.force_login(member)

    box = enrol_box(client, module)

    assert f'action="{en("enrol", module.slug)}"' in box
    assert ">Enrol<" in box.replace("</i>", "")


def test_a_full_module_offers_to_join_the_waitlist(client, member):
    module = ModuleFactory(capacity=1)
    EnrolmentFactory(module=module)
    client.force_login(member)

    box = enrol_box(client, module)

    assert "Join the waitlist" in box
    assert "Full (1 seats) – waitlist open" in page(client.get(en("module_detail", module.slug)))


def test_a_waitlisted_learner_sees_their_position_and_can_leave(client, member):
    module = ModuleFactory(capacity=1)
    EnrolmentFactory(module=module)
    EnrolmentFactory(module=module, status="waitlisted", waitlisted_at=timezone.now() - timedelta(hours=1))
    EnrolmentFactory(module=module, learner=member, status="waitlisted", waitlisted_at=timezone.now())
    client.force_login(member)

    box = enrol_box(client, module)

    assert "You are number 2 on the waitlist." in box
    assert "Leave the waitlist" in box
    assert en("unenrol", module.slug) in box


# --- Enrolling and leaving -----------------------------------------------------------------------------------


def test_a_visitor_who_enrols_is_sent_to_sign_in(client, module):
    response = client.post(en("enrol", module.slug))

    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")
    assert not Enrolment.objects.exists()


def test_enrolling_and_leaving_need_a_post(client, member, module):
    client.force_login(member)

    assert client.get(en("enrol", module.slug)).status_code == 405
    assert client.get(en("unenrol", module.slug)).status_code == 405
    assert not Enrolment.objects.exists()


def test_a_member_enrols_in_one_click_and_is_told_so(
    client, member, module, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(en("enrol", module.slug), follow=True)

    assert response.redirect_chain[-1][0] == en("module_detail", module.slug)
    assert "You are enrolled. A confirmation email is on its way." in page(response)
    assert Enrolment.objects.get(module=module, learner=member).status == Enrolment.Status.ENROLLED
    assert len(mailoutbox) == 1


def test_a_member_who_enrols_in_a_full_module_is_told_their_waitlist_position(client, member):
    module = ModuleFactory(capacity=1)
    EnrolmentFactory(module=module)
    client.force_login(member)

    response = client.post(en("enrol", module.slug), follow=True)

    assert "you are number 1 on the waitlist" in page(response)


def test_a_refused_enrolment_is_explained_on_the_page_not_a_500(client, member):
    module = ModuleFactory(
        enrolment_opens_at=timezone.now() - timedelta(days=9), enrolment_closes_at=timezone.now() - timedelta(days=1)
    )
    client.force_login(member)

    response = client.post(en("enrol", module.slug), follow=True)

    assert response.status_code == 200
    assert "Enrolment for this module closed on" in page(response)
    assert not Enrolment.objects.exists()


def test_enrolling_in_an_unpublished_module_answers_404(client, member):
    draft = ModuleFactory(is_published=False)
    client.force_login(member)

    assert client.post(en("enrol", draft.slug)).status_code == 404
    assert not Enrolment.objects.exists()


def test_a_learner_unenrols_and_their_seat_goes_to_the_waitlist(client, member):
    module = ModuleFactory(capacity=1)
    EnrolmentFactory(module=module, learner=member)
    waiting = EnrolmentFactory(module=module, status="waitlisted", waitlisted_at=timezone.now())
    client.force_login(member)

    response = client.post(en("unenrol", module.slug), follow=True)

    assert "You are no longer enrolled in this module." in page(response)
    assert Enrolment.objects.get(module=module, learner=member).status == Enrolment.Status.CANCELLED
    assert Enrolment.objects.get(pk=waiting.pk).status == Enrolment.Status.ENROLLED


def test_unenrolling_without_an_enrolment_is_explained(client, member, module):
    client.force_login(member)

    response = client.post(en("unenrol", module.slug), follow=True)

    assert "You are not enrolled in this module." in page(response)


# --- My courses ------------------------------------------------------------------------------------------


def test_my_courses_needs_a_sign_in(client):
    response = client.get(en("my_courses"))

    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")


def test_my_courses_lists_my_modules_by_state_with_progress_and_where_to_resume(client, member, other_member, module):
    mine = EnrolmentFactory(module=module, learner=member)
    LessonProgress.objects.create(enrolment=mine, lesson=module.lessons.first())
    full = ModuleFactory(title="Complet", capacity=1)
    EnrolmentFactory(module=full)
    EnrolmentFactory(module=full, learner=member, status="waitlisted", waitlisted_at=timezone.now())
    done = EnrolmentFactory(module=ModuleFactory(title="Terminé"), learner=member, completed_at=timezone.now())
    certificate = certificate_for(done)
    EnrolmentFactory(module=ModuleFactory(title="Abandonné"), learner=member, status="cancelled")
    EnrolmentFactory(module=ModuleFactory(title="Pas le mien"), learner=other_member)
    client.force_login(member)

    html = page(client.get(en("my_courses")))

    assert "Financer un projet au Maroc" in html
    assert "1 of 3 lessons done" in html
    assert "progress-w-30" in html  # 1 of 3 lessons: 33%
    assert en("resume", module.slug) in html
    assert "Number 1 on the waitlist" in html
    assert "Terminé" in html
    assert en("certificate_download", certificate.pk) in html
    assert "Abandonné" not in html
    assert "Pas le mien" not in html


def test_my_courses_invites_a_newcomer_to_the_catalogue(client, member):
    client.force_login(member)

    html = page(client.get(en("my_courses")))

    assert "You are not enrolled in any module yet." in html
    assert en("catalogue") in html


@pytest.mark.parametrize("n", [1, 5])
def test_my_courses_runs_the_same_queries_whatever_the_number_of_modules(client, member, django_assert_num_queries, n):
    for number in range(n):
        module = ModuleFactory()
        LessonFactory(module=module)
        QuizFactory(module=module)
        enrolment = EnrolmentFactory(module=module, learner=member, completed_at=timezone.now() if number else None)
        if number:
            certificate_for(enrolment)
        waiting = ModuleFactory(capacity=1)
        EnrolmentFactory(module=waiting)
        EnrolmentFactory(module=waiting, learner=member, status="waitlisted", waitlisted_at=timezone.now())
    client.force_login(member)
    url = en("my_courses")

    with django_assert_num_queries(4):
        response = client.get(url)

    assert len(response.context["waitlisted"]) == n
    assert Module.objects.count() == 2 * n
