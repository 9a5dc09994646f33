"""Live-session reminders: 24 hours and 1 hour before, to enrolled learners only, each exactly once."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from autumn_school.reminders import live_session_reminders
from dimobel.models import SentReminder
from tests.delivery import sweep
from tests.factories import EnrolmentFactory, LiveSessionFactory, ModuleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(module):
    """Next Tuesday-ish, at a round time so the two zones are easy to check."""
    start = (timezone.now() + timedelta(days=3)).replace(hour=13, minute=0, second=0, microsecond=0)
    return LiveSessionFactory(
        module=module,
        title="Pitch clinic",
        starts_at=start,
        duration_minutes=90,
        meeting_url="https://meet.example.org/secret-pitch-room",
    )


@pytest.fixture
def learner(module, member):
    EnrolmentFactory(module=module, learner=member)
    return member


def session_mails(mailoutbox):
    return [message for message in mailoutbox if "Pitch clinic" in message.subject]


def test_the_day_before_each_enrolled_learner_is_reminded_once(session, learner, mailoutbox):
    now = session.starts_at - timedelta(hours=23)

    sweep(now)
    sweep(now)
    sweep(now + timedelta(minutes=5))

    [message] = session_mails(mailoutbox)
    assert message.to == ["amina@example.org"]
    assert SentReminder.objects.filter(kind="autumn_school.live_session.24h").count() == 1


def test_24h_and_1h_reminders_each_go_out_once(session, learner, mailoutbox):
    for before in (timedelta(hours=24), timedelta(hours=20), timedelta(hours=1), timedelta(minutes=30)):
        sweep(session.starts_at - before)
        sweep(session.starts_at - before)

    assert len(session_mails(mailoutbox)) == 2
    assert set(SentReminder.objects.values_list("kind", flat=True)) == {
        "autumn_school.live_session.24h",
        "autumn_school.live_session.1h",
    }


def test_the_two_reminders_say_tomorrow_and_in_one_hour(session, member, module, mailoutbox):
    member.preferred_language = "en"
    member.save()
    EnrolmentFactory(module=module, learner=member)

    sweep(session.starts_at - timedelta(hours=24))
    sweep(session.starts_at - timedelta(minutes=59))

    day_before, hour_before = session_mails(mailoutbox)
    assert day_before.subject.endswith("Tomorrow: live session “Pitch clinic”")
    assert "is tomorrow" in day_before.body
    assert hour_before.subject.endswith("In one hour: live session “Pitch clinic”")
    assert "starts in one hour" in hour_before.body


def test_nothing_is_sent_more_than_a_day_ahead(session, learner, mailoutbox):
    sweep(session.starts_at - timedelta(hours=24, minutes=1))
    assert session_mails(mailoutbox) == []


def test_a_session_already_started_gets_no_reminder(session, learner, mailoutbox):
    sweep(session.starts_at)
    sweep(session.starts_at + timedelta(minutes=10))
    assert session_mails(mailoutbox) == []
    assert not SentReminder.objects.exists()


def test_waitlisted_and_cancelled_learners_get_nothing(session, module, mailoutbox):
    EnrolmentFactory(module=module, status="waitlisted", enrolled_at=None, waitlisted_at=timezone.now())
    EnrolmentFactory(module=module, status="cancelled", cancelled_at=timezone.now())
    EnrolmentFactory(module=ModuleFactory())  # enrolled, but in another module

    sweep(session.starts_at - timedelta(hours=2))
    sweep(session.starts_at - timedelta(minutes=30))

    assert session_mails(mailoutbox) == []


def test_the_email_gives_both_times_and_the_links_but_not_the_meeting_link(session, member, module, mailoutbox):
    member.preferred_language = "en"
    member.save()
    EnrolmentFactory(module=module, learner=member)

    sweep(session.starts_at - timedelta(hours=23))

    [message] = session_mails(mailoutbox)
    html = message.alternatives[0][0]
    with translation.override("en"):
        links = [
            settings.SITE_URL + reverse("autumn_school:module_detail", args=[module.slug]),
            settings.SITE_URL + reverse("autumn_school:session_ics", args=[session.pk]),
            settings.SITE_URL + reverse("autumn_school:session_join", args=[session.pk]),
        ]
        brussels = date_format(timezone.localtime(session.starts_at, ZoneInfo("Europe/Brussels")), "DATETIME_FORMAT")
        casablanca = date_format(
            timezone.localtime(session.starts_at, ZoneInfo("Africa/Casablanca")), "DATETIME_FORMAT"
        )
    assert "/en/" in links[0]
    for body in (message.body, html):
        for link in links:
            assert link in body
        assert f"Brussels time: {brussels}" in body
        assert f"Casablanca time: {casablanca}" in body
        assert "secret-pitch-room" not in body


def test_the_links_follow_each_learners_language(session, module, mailoutbox):
    EnrolmentFactory(module=module, learner=UserFactory(preferred_language="nl", email="nl@example.org"))
    EnrolmentFactory(module=module, learner=UserFactory(preferred_language="ar", email="ar@example.org"))

    sweep(session.starts_at - timedelta(hours=23))

    by_address = {message.to[0]: message.body for message in session_mails(mailoutbox)}
    for language in ("nl", "ar"):
        with translation.override(language):
            path = reverse("autumn_school:module_detail", args=[module.slug])
        assert path.startswith(f"/{language}/")
        assert path in by_address[f"{language}@example.org"]


def test_an_unpublished_module_sends_no_reminders(session, learner, module, mailoutbox):
    module.is_published = False
    module.save()
    sweep(session.starts_at - timedelta(hours=2))
    assert session_mails(mailoutbox) == []


@pytest.mark.parametrize("n", [1, 5])
def test_the_provider_runs_two_queries_whatever_the_number_of_sessions_and_learners(django_assert_num_queries, n):
    now = timezone.now()
    for index in range(n):
        module = ModuleFactory()
        LiveSessionFactory(module=module, starts_at=now + timedelta(hours=2 + index))
        EnrolmentFactory.create_batch(3, module=module)

    with django_assert_num_queries(2):
        due = list(live_session_reminders(now))

    assert len(due) == 3 * n
    assert {reminder.kind for reminder in due} == {"autumn_school.live_session.24h"}
