from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from autumn_school.dashboard import courses_section
from autumn_school.models import Attendance, Enrolment, LessonProgress, QuizAttempt, Resource
from autumn_school.selectors.progress import Progress, progress_for
from autumn_school.services import learning
from tests.autumn_school.helpers import en
from tests.factories import (
    EnrolmentFactory,
    LessonFactory,
    LiveSessionFactory,
    ModuleFactory,
    QuizFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(module, member):
    return EnrolmentFactory(module=module, learner=member, last_activity_at=None)


@pytest.fixture
def lessons(module):
    return list(module.lessons.all())


@pytest.fixture
def resource(lessons):
    return Resource.objects.create(
        lesson=lessons[0], title="Plan de financement", file=ContentFile(b"%PDF-1.4 plan", name="plan.pdf")
    )


def mark(enrolment, *lessons):
    for lesson in lessons:
        LessonProgress.objects.create(enrolment=enrolment, lesson=lesson)


# The lesson page


def test_anonymous_visitors_are_sent_to_log_in_to_read_a_lesson(client, lessons):
    response = client.get(en("lesson", "financer-un-projet", lessons[0].pk))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("status", ["not enrolled", "waitlisted", "cancelled"])
def test_members_without_a_place_cannot_see_a_lesson(client, other_member, module, lessons, status):
    if status != "not enrolled":
        EnrolmentFactory(module=module, learner=other_member, status=status, waitlisted_at=timezone.now())
    client.force_login(other_member)

    assert client.get(en("lesson", module.slug, lessons[0].pk)).status_code == 404


def test_a_lesson_of_another_module_is_not_found_under_this_one(client, enrolment, module):
    other_lesson = LessonFactory(module=ModuleFactory())
    client.force_login(enrolment.learner)

    assert client.get(en("lesson", module.slug, other_lesson.pk)).status_code == 404


def test_an_enrolled_learner_reads_a_lesson_with_the_syllabus_and_progress(client, enrolment, module, lessons):
    mark(enrolment, lessons[0])
    lessons[1].content = "Comparez **trois** sources de financement."
    lessons[1].save()
    client.force_login(enrolment.learner)

    page = client.get(en("lesson", module.slug, lessons[1].pk)).content.decode()

    assert "Financer un projet au Maroc" in page
    assert "Lesson 2 of 3" in page
    assert "<strong>trois</strong>" in page
    for lesson in lessons:
        assert en("lesson", module.slug, lesson.pk) in page
    assert page.count("bi-check-circle-fill text-success") == 1  # the tick of lesson 1 in the syllabus
    assert 'aria-valuenow="33"' in page
    assert "progress-w-30" in page
    assert f'action="{en("lesson_done", module.slug, lessons[1].pk)}"' in page
    assert f'href="{en("lesson", module.slug, lessons[0].pk)}" rel="prev"' in page
    assert f'href="{en("lesson", module.slug, lessons[2].pk)}" rel="next"' in page
    assert en("questions", module.slug) in page


def test_opening_a_lesson_records_where_the_learner_left_off(client, enrolment, module, lessons):
    client.force_login(enrolment.learner)

    client.get(en("lesson", module.slug, lessons[2].pk))

    enrolment.refresh_from_db()
    assert enrolment.last_lesson == lessons[2]
    assert timezone.now() - enrolment.last_activity_at < timedelta(minutes=1)


def test_a_lesson_already_done_says_so_instead_of_offering_the_button(client, enrolment, module, lessons):
    mark(enrolment, lessons[0])
    client.force_login(enrolment.learner)

    page = client.get(en("lesson", module.slug, lessons[0].pk)).content.decode()

    assert "Done ✓" in page
    assert en("lesson_done", module.slug, lessons[0].pk) not in page


def test_instructors_read_lessons_without_being_tracked(client, instructor, module, lessons):
    client.force_login(instructor)

    page = client.get(en("lesson", module.slug, lessons[0].pk)).content.decode()

    assert "progress is tracked for enrolled learners only" in page
    assert "Mark as done" not in page
    assert not Enrolment.objects.exists()


def test_staff_read_lessons_of_any_module(client, staff, module, lessons):
    client.force_login(staff)

    assert client.get(en("lesson", module.slug, lessons[0].pk)).status_code == 200


def test_a_youtube_video_is_embedded_without_tracking_cookies(client, enrolment, module, lessons):
    lessons[0].video_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    lessons[0].save()
    client.force_login(enrolment.learner)

    page = client.get(en("lesson", module.slug, lessons[0].pk)).content.decode()

    assert 'class="ratio ratio-16x9' in page
    assert '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in page
    assert 'title="Video: Leçon 1"' in page
    assert 'loading="lazy"' in page
    assert "allowfullscreen" in page
    assert "youtube.com/watch" not in page


def test_a_vimeo_video_is_embedded_with_do_not_track(client, enrolment, module, lessons):
    lessons[0].video_url = "https://vimeo.com/76979871"
    lessons[0].save()
    client.force_login(enrolment.learner)

    page = client.get(en("lesson", module.slug, lessons[0].pk)).content.decode()

    assert '<iframe src="https://player.vimeo.com/video/76979871?dnt=1"' in page


def test_a_video_address_we_cannot_embed_is_shown_as_a_link(client, enrolment, module, lessons):
    lessons[0].video_url = "https://media.example.org/cours/lecon-1.mp4"
    lessons[0].save()
    client.force_login(enrolment.learner)

    page = client.get(en("lesson", module.slug, lessons[0].pk)).content.decode()

    assert "<iframe" not in page
    assert 'href="https://media.example.org/cours/lecon-1.mp4"' in page
    assert "Watch the video" in page


def test_the_lesson_lists_its_resources_with_their_size(client, enrolment, module, lessons, resource):
    client.force_login(enrolment.learner)

    page = client.get(en("lesson", module.slug, lessons[0].pk)).content.decode()

    assert f'href="{en("resource", resource.pk)}"' in page
    assert "Plan de financement" in page
    assert "PDF · 13\xa0bytes" in page


def test_a_resource_missing_from_storage_does_not_break_the_lesson(client, enrolment, module, lessons, resource):
    resource.file.storage.delete(resource.file.name)
    client.force_login(enrolment.learner)

    page = client.get(en("lesson", module.slug, lessons[0].pk)).content.decode()

    assert "unavailable" in page


# Marking lessons as done


def test_anonymous_visitors_are_sent_to_log_in_to_mark_a_lesson(client, lessons):
    response = client.post(en("lesson_done", "financer-un-projet", lessons[0].pk))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_marking_a_lesson_done_needs_a_post(client, enrolment, module, lessons):
    client.force_login(enrolment.learner)

    assert client.get(en("lesson_done", module.slug, lessons[0].pk)).status_code == 405
    assert not LessonProgress.objects.exists()


def test_outsiders_cannot_mark_a_lesson_done(client, other_member, module, lessons):
    client.force_login(other_member)

    assert client.post(en("lesson_done", module.slug, lessons[0].pk)).status_code == 404


def test_a_learner_marks_a_lesson_done_and_moves_to_the_next(client, enrolment, module, lessons):
    client.force_login(enrolment.learner)

    response = client.post(en("lesson_done", module.slug, lessons[0].pk))

    assert response["Location"] == en("lesson", module.slug, lessons[1].pk)
    assert list(LessonProgress.objects.values_list("enrolment", "lesson")) == [(enrolment.pk, lessons[0].pk)]
    enrolment.refresh_from_db()
    assert enrolment.last_activity_at is not None
    page = client.get(response["Location"]).content.decode()
    assert "Lesson done. On to the next one." in page


def test_marking_a_lesson_done_twice_records_it_once(client, enrolment, module, lessons):
    client.force_login(enrolment.learner)

    client.post(en("lesson_done", module.slug, lessons[0].pk))
    response = client.post(en("lesson_done", module.slug, lessons[0].pk))

    assert response.status_code == 302
    assert LessonProgress.objects.count() == 1


def test_the_last_lesson_leads_back_to_the_module_page(client, enrolment, module, lessons):
    QuizFactory(module=module)  # so the module is not complete yet
    mark(enrolment, lessons[0], lessons[1])
    client.force_login(enrolment.learner)

    response = client.post(en("lesson_done", module.slug, lessons[2].pk))

    assert response["Location"] == en("module_detail", module.slug)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None


def test_instructors_are_told_they_cannot_mark_lessons_done(client, instructor, module, lessons):
    client.force_login(instructor)

    response = client.post(en("lesson_done", module.slug, lessons[0].pk), follow=True)

    assert response.status_code == 200
    assert "You are not enrolled in this module." in response.content.decode()
    assert not LessonProgress.objects.exists()


def test_all_lessons_done_is_not_completion_while_the_quiz_is_not_passed(enrolment, module, lessons):
    QuizFactory(module=module)
    for lesson in lessons:
        learning.mark_lesson_done(learner=enrolment.learner, lesson=lesson)

    progress = progress_for(enrolment)

    assert (progress.lessons_done, progress.lessons_total, progress.quiz_passed) == (3, 3, False)
    assert not progress.requirements_met
    assert progress.percent == 75
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None


# Progress


def test_progress_counts_lessons(enrolment, lessons):
    assert progress_for(enrolment).percent == 0
    mark(enrolment, lessons[0])

    progress = progress_for(enrolment)

    assert (progress.lessons_done, progress.lessons_total, progress.percent, progress.bar_step) == (1, 3, 33, 30)


def test_progress_counts_the_quiz_and_the_required_live_sessions(enrolment, module, lessons):
    quiz = QuizFactory(module=module)
    module.required_live_sessions = 2
    module.save()
    mark(enrolment, *lessons)
    QuizAttempt.objects.create(quiz=quiz, enrolment=enrolment, learner=enrolment.learner, score=80, passed=True)
    Attendance.objects.create(session=LiveSessionFactory(module=module), learner=enrolment.learner)

    progress = progress_for(enrolment)

    assert (progress.steps_done, progress.steps_total, progress.percent, progress.bar_step) == (5, 6, 83, 80)


def test_progress_ignores_lessons_done_in_other_modules(enrolment, lessons, member):
    other = EnrolmentFactory(learner=member, module=LessonFactory().module)
    mark(other, other.module.lessons.get())

    assert progress_for(enrolment).lessons_done == 0


def test_the_bar_is_full_only_when_every_step_is_done_and_the_completion_recorded(enrolment, lessons):
    mark(enrolment, *lessons[:2])
    assert progress_for(enrolment).bar_class == "progress-w-65"
    mark(enrolment, lessons[2])
    assert progress_for(enrolment).requirements_met
    assert progress_for(enrolment).percent == 99  # every step done, the completion not recorded yet

    learning.mark_lesson_done(learner=enrolment.learner, lesson=lessons[2])

    assert progress_for(enrolment).bar_class == "progress-w-100"


def test_progress_reads_100_only_once_completed():
    steps = {"lessons_total": 3, "has_quiz": True, "sessions_attended": 0, "sessions_required": 0}

    assert Progress(lessons_done=3, quiz_passed=False, completed=False, **steps).percent == 75
    assert Progress(lessons_done=2, quiz_passed=False, completed=False, **steps).bar_class == "progress-w-50"
    assert Progress(lessons_done=3, quiz_passed=True, completed=False, **steps).percent == 99
    assert Progress(lessons_done=3, quiz_passed=True, completed=True, **steps).percent == 100
    assert Progress(lessons_done=0, quiz_passed=False, completed=False, **{**steps, "lessons_total": 0}).percent == 0


# Resume where I left off


def test_resume_opens_the_lesson_the_learner_left_off(client, enrolment, module, lessons):
    enrolment.last_lesson = lessons[1]
    enrolment.save()
    client.force_login(enrolment.learner)

    assert client.get(en("resume", module.slug))["Location"] == en("lesson", module.slug, lessons[1].pk)


def test_resume_without_a_visit_opens_the_first_lesson_not_done(client, enrolment, module, lessons):
    mark(enrolment, lessons[0])
    client.force_login(enrolment.learner)

    assert client.get(en("resume", module.slug))["Location"] == en("lesson", module.slug, lessons[1].pk)


def test_resume_with_everything_done_leads_to_the_module_page(client, enrolment, module, lessons):
    mark(enrolment, *lessons)
    client.force_login(enrolment.learner)

    assert client.get(en("resume", module.slug))["Location"] == en("module_detail", module.slug)


def test_resume_for_an_instructor_starts_at_the_first_lesson(client, instructor, module, lessons):
    client.force_login(instructor)

    assert client.get(en("resume", module.slug))["Location"] == en("lesson", module.slug, lessons[0].pk)


def test_resume_is_not_found_for_outsiders_and_asks_visitors_to_log_in(client, other_member, module):
    assert "/accounts/login/" in client.get(en("resume", module.slug))["Location"]
    client.force_login(other_member)
    assert client.get(en("resume", module.slug)).status_code == 404


# Private resources


def test_resources_are_stored_outside_the_public_media_folder(settings, client, resource):
    path = Path(resource.file.path).resolve()

    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with pytest.raises(ValueError, match="no URL"):
        resource.file.url  # noqa: B018
    assert client.get(settings.MEDIA_URL + resource.file.name).status_code == 404


def test_an_enrolled_learner_downloads_a_resource(client, enrolment, resource):
    client.force_login(enrolment.learner)

    response = client.get(en("resource", resource.pk))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 plan"
    assert response["Content-Disposition"].startswith("attachment;")
    response.close()


def test_the_instructor_downloads_a_resource(client, instructor, resource):
    client.force_login(instructor)

    response = client.get(en("resource", resource.pk))

    assert response.status_code == 200
    response.close()


@pytest.mark.parametrize("status", ["not enrolled", "waitlisted"])
def test_outsiders_get_404_for_a_resource(client, other_member, module, resource, status):
    if status == "waitlisted":
        EnrolmentFactory(module=module, learner=other_member, status=status, waitlisted_at=timezone.now())
    client.force_login(other_member)

    assert client.get(en("resource", resource.pk)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in_for_a_resource(client, resource):
    response = client.get(en("resource", resource.pk))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_resource_missing_from_storage_is_not_found(client, enrolment, resource):
    resource.file.storage.delete(resource.file.name)
    client.force_login(enrolment.learner)

    assert client.get(en("resource", resource.pk)).status_code == 404


# The dashboard


def section_for(user):
    request = RequestFactory().get("/en/my-space/")
    request.user = user
    return courses_section(request)


def test_the_dashboard_shows_courses_with_progress_and_a_resume_button(client, enrolment, module, lessons):
    mark(enrolment, lessons[0])
    client.force_login(enrolment.learner)

    page = client.get("/en/my-space/").content.decode()

    assert 'id="dash-courses"' in page
    assert "Financer un projet au Maroc" in page
    assert 'aria-valuenow="33"' in page
    assert f'href="{en("resume", module.slug)}"' in page
    assert "Resume" in page


def test_the_dashboard_shows_the_waitlist_position(client, module, member):
    now = timezone.now()
    for minutes in (30, 20):
        EnrolmentFactory(module=module, status="waitlisted", waitlisted_at=now - timedelta(minutes=minutes))
    EnrolmentFactory(module=module, learner=member, status="waitlisted", waitlisted_at=now)
    EnrolmentFactory(module=module, status="waitlisted", waitlisted_at=now + timedelta(minutes=5))
    client.force_login(member)

    page = client.get("/en/my-space/").content.decode()

    assert "Waitlist: position 3" in page
    assert en("resume", module.slug) not in page


def test_the_dashboard_marks_completed_courses(enrolment):
    enrolment.completed_at = timezone.now()
    enrolment.save()

    html = render_to_string("autumn_school/dashboard_courses.html", {"section": section_for(enrolment.learner)})

    assert "Completed" in html
    assert "Review the lessons" in html


def test_the_dashboard_has_no_course_section_without_enrolments(client, member, module):
    EnrolmentFactory(module=module, learner=member, status="cancelled")

    assert section_for(member) is None


@pytest.mark.parametrize("n", [1, 5])
def test_the_course_section_runs_one_query_whatever_the_number_of_courses(
    member, instructor, django_assert_num_queries, n
):
    for index in range(n):
        module = ModuleFactory(instructors=[instructor])
        lesson = LessonFactory(module=module)
        QuizFactory(module=module)
        enrolment = EnrolmentFactory(module=module, learner=member)
        if index % 2:
            mark(enrolment, lesson)
    EnrolmentFactory(module=ModuleFactory(), learner=member, status="waitlisted", waitlisted_at=timezone.now())
    EnrolmentFactory(module=ModuleFactory(), learner=UserFactory())

    with django_assert_num_queries(1):
        html = render_to_string("autumn_school/dashboard_courses.html", {"section": section_for(member)})

    assert html.count('role="progressbar"') == n
