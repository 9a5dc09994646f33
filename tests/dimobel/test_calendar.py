from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from dimobel import calendar
from dimobel.models import CalendarFeed


@pytest.fixture
def live_sessions():
    """A source that gives each member one dated item, as the apps' sources will."""

    def source(user):
        start = timezone.now() + timedelta(days=2)
        return [
            calendar.CalendarItem(
                uid=f"test-{user.pk}",
                title=f"Atelier export de {user.first_name}",
                start=start,
                end=start + timedelta(hours=1),
                location="Oujda",
                url="/fr/",
            )
        ]

    calendar.source(source)
    yield source
    calendar.unregister(source)


def test_the_private_feed_shows_the_members_items(client, member, live_sessions):
    feed = CalendarFeed.objects.create(user=member)

    response = client.get(reverse("calendar_feed", args=[feed.token]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Atelier export de Amina"]
    assert str(events[0]["url"]).startswith("http")


@pytest.mark.django_db
def test_an_unknown_token_answers_404(client):
    assert client.get(reverse("calendar_feed", args=["not-a-real-token"])).status_code == 404


def test_replacing_the_address_revokes_the_old_one(client, member, live_sessions):
    client.force_login(member)
    client.get(reverse("calendar_settings"))
    old_token = member.calendar_feed.token

    response = client.post(reverse("calendar_settings"), follow=True)

    member.calendar_feed.refresh_from_db()
    assert member.calendar_feed.token != old_token
    assert client.get(reverse("calendar_feed", args=[old_token])).status_code == 404
    assert client.get(reverse("calendar_feed", args=[member.calendar_feed.token])).status_code == 200
    assert member.calendar_feed.token in response.content.decode()


def test_the_calendar_page_lists_whats_coming_up(client, member, live_sessions):
    client.force_login(member)
    response = client.get(reverse("calendar_settings"))
    assert "Atelier export de Amina" in response.content.decode()


@pytest.mark.django_db
def test_the_calendar_page_needs_a_login(client):
    response = client.get(reverse("calendar_settings"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_single_item_ics_has_a_stable_uid():
    start = timezone.now()
    item = calendar.CalendarItem(uid="session-7", title="Plénière", start=start, end=start + timedelta(hours=1))
    response = calendar.ics_response([item], filename="session.ics")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["uid"]).startswith("session-7@")
    assert response["Content-Disposition"] == 'attachment; filename="session.ics"'
