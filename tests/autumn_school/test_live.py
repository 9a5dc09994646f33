"""Live sessions: the meeting link's window, the .ics and the personal feed, attendance and the recording link."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from icalendar import Calendar

from autumn_school import calendar_items
from autumn_school.models import Attendance, LessonProgress
from autumn_school.selectors import live as sessions
from autumn_school.selectors.certificates import find_certificate
from autumn_school.services import live as services
from autumn_school.services.errors import SessionNotStarted
from dimobel.models import CalendarFeed
from tests.autumn_school.helpers import en
from tests.factories import EnrolmentFactory, LiveSessionFactory, ModuleFactory, UserFactory

pytestmark = pytest.mark.django_db


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def enrolment(module, member):
    return EnrolmentFactory(module=module, learner=member)


@pytest.fixture
def upcoming(module):
    """A session in two hours: its meeting link must stay hidden for now."""
    return LiveSessionFactory(
        module=module,
        title="Pitch clinic",
        starts_at=timezone.now() + timedelta(hours=2),
        duration_minutes=60,
        meeting_url="https://meet.example.org/secret-pitch-room",
    )


@pytest.fixture
def under_way(module):
    """A session that started 10 minutes ago and lasts an hour."""
    return LiveSessionFactory(
        module=module,
        title="Financing Q&A",
        starts_at=timezone.now() - timedelta(minutes=10),
        duration_minutes=60,
        meeting_url="https://meet.example.org/financing-room",
    )


@pytest.fixture
def finished(module):
    return LiveSessionFactory(
        module=module,
        title="Kick-off",
        starts_at=timezone.now() - timedelta(days=2),
        duration_minutes=60,
        meeting_url="https://meet.example.org/kick-off-room",
    )


# Joining


def test_joining_needs_a_login(client, upcoming):
    response = client.get(en("session_join", upcoming.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("status", ["waitlisted", "cancelled", None])
def test_joining_answers_404_to_members_without_a_place(client, other_member, under_way, status):
    if status:
        EnrolmentFactory(module=under_way.module, learner=other_member, status=status, waitlisted_at=timezone.now())
    client.force_login(other_member)
    response = client.get(en("session_join", under_way.pk))
    assert response.status_code == 404
    assert under_way.meeting_url not in response.content.decode()


def test_joining_answers_404_to_another_modules_instructor(client, under_way):
    other_instructor = UserFactory()
    ModuleFactory(instructors=[other_instructor])
    client.force_login(other_instructor)
    assert client.get(en("session_join", under_way.pk)).status_code == 404


def test_an_enrolled_learner_is_sent_to_the_meeting_during_the_session(client, member, enrolment, under_way):
    client.force_login(member)
    response = client.get(en("session_join", under_way.pk))
    assert response.status_code == 302
    assert response["Location"] == "https://meet.example.org/financing-room"


def test_the_link_opens_exactly_15_minutes_before_the_start(client, member, enrolment, module):
    session = LiveSessionFactory(module=module, starts_at=timezone.now() + timedelta(minutes=14, seconds=50))
    client.force_login(member)
    assert client.get(en("session_join", session.pk))["Location"] == session.meeting_url

    later = LiveSessionFactory(module=module, starts_at=timezone.now() + timedelta(minutes=15, seconds=30))
    assert client.get(en("session_join", later.pk))["Location"] != later.meeting_url


def test_before_the_window_the_learner_is_told_when_the_link_opens(client, member, enrolment, upcoming):
    client.force_login(member)
    response = client.get(en("session_join", upcoming.pk))

    assert response.status_code == 302
    assert response["Location"] == en("module_detail", upcoming.module.slug)
    [text] = message_texts(response)
    with translation.override("en"):
        brussels = date_format(timezone.localtime(upcoming.join_opens_at, ZoneInfo("Europe/Brussels")), "TIME_FORMAT")
        casablanca = date_format(
            timezone.localtime(upcoming.join_opens_at, ZoneInfo("Africa/Casablanca")), "TIME_FORMAT"
        )
    assert "The link opens 15 minutes before the start" in text
    assert f"at {brussels} Brussels time, {casablanca} Casablanca time" in text
    assert upcoming.meeting_url not in text


def test_the_meeting_link_is_printed_nowhere_before_the_window(client, instructor, member, enrolment, upcoming):
    """Not in the join redirect, the .ics, the instructor page or the attendance sheet, for anyone."""
    client.force_login(member)
    assert upcoming.meeting_url not in client.get(en("session_join", upcoming.pk))["Location"]
    assert upcoming.meeting_url not in client.get(en("session_ics", upcoming.pk)).content.decode()

    client.force_login(instructor)
    for page in (en("session_join", upcoming.pk), en("session_ics", upcoming.pk)):
        response = client.get(page)
        assert upcoming.meeting_url not in response.content.decode()
        assert upcoming.meeting_url not in response.get("Location", "")
    for page in (en("teach", upcoming.module.slug), en("session_attendance", upcoming.pk)):
        response = client.get(page)
        assert response.status_code == 200
        assert upcoming.meeting_url not in response.content.decode()


def test_instructors_and_staff_can_join_during_the_session(client, instructor, staff, under_way):
    for person in (instructor, staff):
        client.force_login(person)
        assert client.get(en("session_join", under_way.pk))["Location"] == under_way.meeting_url


def test_after_the_session_the_learner_is_pointed_to_the_recording(client, member, enrolment, finished):
    finished.recording_url = "https://video.example.org/kick-off"
    finished.save()
    client.force_login(member)

    response = client.get(en("session_join", finished.pk))

    assert response["Location"] == en("module_detail", finished.module.slug)
    [text] = message_texts(response)
    assert "This session has ended." in text
    assert 'href="https://video.example.org/kick-off"' in text
    assert finished.meeting_url not in text


def test_after_a_session_without_recording_the_learner_is_told_it_will_come(client, member, enrolment, finished):
    client.force_login(member)
    response = client.get(en("session_join", finished.pk))
    [text] = message_texts(response)
    assert "This session has ended. Its recording will be linked here" in text
    assert response["Location"] != finished.meeting_url


def test_joining_is_get_only(client, member, enrolment, under_way):
    client.force_login(member)
    assert client.post(en("session_join", under_way.pk)).status_code == 405


# The .ics and the personal feed


def test_the_session_ics_holds_one_event_about_the_session(client, member, enrolment, upcoming):
    client.force_login(member)
    response = client.get(en("session_ics", upcoming.pk))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["uid"]).startswith(f"autumn-school-session-{upcoming.pk}@")
    assert str(event["summary"]) == "Financer un projet au Maroc – Pitch clinic"
    start = upcoming.starts_at.replace(microsecond=0)
    assert event.decoded("dtstart") == start
    assert event.decoded("dtend") == start + timedelta(minutes=60)
    assert str(event["url"]).endswith(en("module_detail", upcoming.module.slug))
    assert str(event["location"]).endswith(en("session_join", upcoming.pk))


def test_the_session_ics_needs_a_login(client, upcoming):
    response = client.get(en("session_ics", upcoming.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_session_ics_answers_404_to_outsiders(client, other_member, upcoming):
    client.force_login(other_member)
    assert client.get(en("session_ics", upcoming.pk)).status_code == 404


def test_the_personal_feed_includes_the_sessions_of_modules_learned_and_taught(client, member, enrolment, upcoming):
    taught_module = ModuleFactory(title="Pitcher son projet", instructors=[member])
    taught = LiveSessionFactory(module=taught_module, title="Pitch rehearsal")
    waitlisted_module = ModuleFactory(title="Droit des sociétés")
    EnrolmentFactory(module=waitlisted_module, learner=member, status="waitlisted", waitlisted_at=timezone.now())
    LiveSessionFactory(module=waitlisted_module, title="Not mine")
    LiveSessionFactory(title="Someone else's")
    feed = CalendarFeed.objects.create(user=member)

    response = client.get(reverse("calendar_feed", args=[feed.token]))

    summaries = sorted(str(event["summary"]) for event in Calendar.from_ical(response.content).walk("VEVENT"))
    assert summaries == ["Financer un projet au Maroc – Pitch clinic", "Pitcher son projet – Pitch rehearsal"]
    assert taught.meeting_url not in response.content.decode()


@pytest.mark.parametrize("n", [1, 5])
def test_the_calendar_source_runs_one_query_whatever_the_number_of_sessions(member, django_assert_num_queries, n):
    for _ in range(n):
        module = ModuleFactory()
        EnrolmentFactory(module=module, learner=member)
        LiveSessionFactory(module=module)
        LiveSessionFactory(module=ModuleFactory(instructors=[member]))

    with django_assert_num_queries(1):
        items = calendar_items.live_sessions(member)

    assert len(items) == 2 * n


# Attendance


@pytest.fixture
def learners(module):
    """Three enrolled learners, plus one on the waitlist."""
    enrolled = [
        EnrolmentFactory(module=module, learner=UserFactory(first_name=name, last_name="Learner")).learner
        for name in ("Ali", "Bea", "Chaima")
    ]
    waiting = EnrolmentFactory(
        module=module,
        learner=UserFactory(first_name="Waiting", last_name="Person"),
        status="waitlisted",
        enrolled_at=None,
        waitlisted_at=timezone.now(),
    ).learner
    return enrolled, waiting


def test_the_attendance_sheet_needs_a_login(client, finished):
    response = client.get(en("session_attendance", finished.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_attendance_sheet_answers_404_to_learners_outsiders_and_other_instructors(
    client, member, other_member, enrolment, finished
):
    other_instructor = UserFactory()
    ModuleFactory(instructors=[other_instructor])
    for person in (member, other_member, other_instructor):
        client.force_login(person)
        assert client.get(en("session_attendance", finished.pk)).status_code == 404
        assert client.post(en("session_attendance_save", finished.pk)).status_code == 404
        assert client.post(en("session_recording", finished.pk)).status_code == 404
    assert not Attendance.objects.exists()


def test_the_attendance_sheet_lists_enrolled_learners_with_those_present_ticked(client, instructor, learners, finished):
    (ali, bea, chaima), _waiting = learners
    Attendance.objects.create(session=finished, learner=bea, marked_by=instructor)
    client.force_login(instructor)

    response = client.get(en("session_attendance", finished.pk))

    page = response.content.decode()
    assert response.status_code == 200
    for learner in (ali, bea, chaima):
        assert learner.get_full_name() in page
    assert "Waiting Person" not in page
    assert f'value="{bea.pk}"' in page
    ticked = [chunk for chunk in page.split("<input") if 'name="attendance-present"' in chunk and "checked" in chunk]
    assert len(ticked) == 1
    assert f'value="{bea.pk}"' in ticked[0]
    assert "1 learner marked present so far." in page


def test_saving_the_sheet_records_who_was_there_and_removes_who_was_not(client, instructor, learners, finished):
    (ali, bea, chaima), _waiting = learners
    Attendance.objects.create(session=finished, learner=bea, marked_by=instructor)
    client.force_login(instructor)

    response = client.post(
        en("session_attendance_save", finished.pk),
        {"attendance-present": [ali.pk, chaima.pk]},
        follow=True,
    )

    assert set(Attendance.objects.filter(session=finished).values_list("learner_id", flat=True)) == {
        ali.pk,
        chaima.pk,
    }
    assert Attendance.objects.get(learner=ali).marked_by == instructor
    assert "Attendance saved: 2 present." in response.content.decode()


def test_a_learner_on_the_waitlist_cannot_be_marked_present(client, instructor, learners, finished):
    (ali, _bea, _chaima), waiting = learners
    client.force_login(instructor)

    response = client.post(en("session_attendance_save", finished.pk), {"attendance-present": [ali.pk, waiting.pk]})

    assert response.status_code == 200
    assert "is not one of the available choices" in response.content.decode()
    assert not Attendance.objects.exists()


def test_staff_and_organisers_can_mark_attendance(client, staff, organiser, learners, finished):
    (ali, _bea, _chaima), _waiting = learners
    for person in (staff, organiser):
        client.force_login(person)
        response = client.post(en("session_attendance_save", finished.pk), {"attendance-present": [ali.pk]})
        assert response.status_code == 302
    assert Attendance.objects.get().learner == ali


def test_attendance_cannot_be_marked_before_the_session_starts(client, instructor, learners, upcoming):
    (ali, _bea, _chaima), _waiting = learners
    client.force_login(instructor)

    page = client.get(en("session_attendance", upcoming.pk)).content.decode()
    assert "You can mark attendance once the session has started." in page

    response = client.post(en("session_attendance_save", upcoming.pk), {"attendance-present": [ali.pk]})
    assert response.status_code == 200
    assert "This session has not started yet." in response.content.decode()
    assert not Attendance.objects.exists()


def test_attending_the_required_session_completes_the_module_and_issues_the_certificate(
    instructor, module, member, finished
):
    module.required_live_sessions = 1
    module.save()
    enrolment = EnrolmentFactory(module=module, learner=member)
    for lesson in module.lessons.all():
        LessonProgress.objects.create(enrolment=enrolment, lesson=lesson)

    services.record_attendance(session=finished, present_learner_ids=[member.pk], marked_by=instructor)

    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    certificate = enrolment.certificates.get()
    assert certificate.is_valid
    assert (certificate.learner_name, certificate.module_title) == ("Amina El Idrissi", module.title)
    assert find_certificate(certificate.code) == certificate


def test_attendance_alone_does_not_complete_a_module_with_lessons_left(instructor, module, member, finished):
    module.required_live_sessions = 1
    module.save()
    enrolment = EnrolmentFactory(module=module, learner=member)

    services.record_attendance(session=finished, present_learner_ids=[member.pk], marked_by=instructor)

    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    assert Attendance.objects.filter(learner=member, session=finished).exists()


def test_recording_attendance_keeps_what_was_recorded_for_a_learner_who_left(instructor, module, member, finished):
    enrolment = EnrolmentFactory(module=module, learner=member)
    services.record_attendance(session=finished, present_learner_ids=[member.pk], marked_by=instructor)
    enrolment.status = "cancelled"
    enrolment.cancelled_at = timezone.now()
    enrolment.save()
    outsider = UserFactory()

    services.record_attendance(session=finished, present_learner_ids=[outsider.pk], marked_by=instructor)

    assert list(Attendance.objects.values_list("learner_id", flat=True)) == [member.pk]


def test_the_service_refuses_attendance_before_the_start(instructor, member, enrolment, upcoming):
    with pytest.raises(SessionNotStarted):
        services.record_attendance(session=upcoming, present_learner_ids=[member.pk], marked_by=instructor)


# The recording link


def test_the_instructor_adds_the_recording_link_after_the_session(client, instructor, finished):
    client.force_login(instructor)

    response = client.post(
        en("session_recording", finished.pk),
        {"recording-recording_url": "https://video.example.org/kick-off"},
        follow=True,
    )

    finished.refresh_from_db()
    assert finished.recording_url == "https://video.example.org/kick-off"
    assert "The recording link has been saved." in response.content.decode()


def test_a_bad_recording_link_is_refused_and_kept_in_the_form(client, instructor, finished):
    client.force_login(instructor)

    response = client.post(en("session_recording", finished.pk), {"recording-recording_url": "not a link"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid URL." in page
    assert 'value="not a link"' in page
    finished.refresh_from_db()
    assert finished.recording_url == ""


def test_the_recording_link_cannot_be_set_before_the_session(client, instructor, upcoming):
    client.force_login(instructor)
    response = client.post(
        en("session_recording", upcoming.pk),
        {"recording-recording_url": "https://video.example.org/early"},
    )
    assert "The recording can be added once the session has started." in response.content.decode()
    upcoming.refresh_from_db()
    assert upcoming.recording_url == ""


def test_the_join_state_follows_the_window(upcoming):
    assert sessions.join_state(upcoming) == sessions.NOT_YET_OPEN
    assert sessions.join_state(upcoming, now=upcoming.join_opens_at) == sessions.OPEN
    assert sessions.join_state(upcoming, now=upcoming.ends_at - timedelta(seconds=1)) == sessions.OPEN
    assert sessions.join_state(upcoming, now=upcoming.ends_at) == sessions.ENDED
