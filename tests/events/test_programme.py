"""The programme: the public pages by day and room, speakers, the personal agenda, workshop sign-ups."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from icalendar import Calendar

from dimobel import calendar
from events.models import AgendaStar, Session, WorkshopSignup
from events.services import programme as services
from tests.events.support import en, login, race
from tests.factories import (
    EventFactory,
    ProfileFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# 8:00 UTC on a June day is 10:00 in Brussels (summer time).
DAY_ONE = datetime(2031, 6, 10, 8, 0, tzinfo=UTC)


@pytest.fixture
def event():
    return EventFactory(
        title="Colloque des 60 ans",
        slug="colloque-60",
        starts_at=DAY_ONE,
        ends_at=DAY_ONE + timedelta(days=2),
        time_zone="Europe/Brussels",
    )


@pytest.fixture
def hall(event):
    return RoomFactory(event=event, name="Grand auditorium", position=1)


@pytest.fixture
def panel(event, hall):
    speaker = SpeakerFactory(event=event, name="Fatima Zahra Bennani", slug="fatima-bennani")
    session = SessionFactory(
        event=event,
        room=hall,
        kind="panel",
        title="Soixante ans de migration économique",
        abstract="Un regard **croisé** sur 1964–2024.",
        starts_at=DAY_ONE,
        ends_at=DAY_ONE + timedelta(hours=1, minutes=30),
    )
    session.speakers.add(speaker)
    return session


def slot(start, **fields):
    """A session starting at ``start`` that lasts an hour (the factory's end follows the event's start)."""
    return SessionFactory(starts_at=start, ends_at=start + timedelta(hours=1), **fields)


# The programme page


def test_the_programme_shows_sessions_by_day_in_the_events_time_zone(client, event, hall, panel):
    late = SessionFactory(
        event=event,
        room=hall,
        kind="plenary",
        title="Clôture en musique",
        starts_at=datetime(2031, 6, 10, 22, 30, tzinfo=UTC),  # 00:30 on 11 June in Brussels
        ends_at=datetime(2031, 6, 10, 23, 30, tzinfo=UTC),
    )

    page = client.get(en("programme", event.slug)).content.decode()

    assert "Tuesday 10 June 2031" in page
    assert "Wednesday 11 June 2031" in page
    assert page.index("Soixante ans de migration économique") < page.index("Wednesday 11 June 2031")
    assert page.index("Wednesday 11 June 2031") < page.index(late.title)
    assert "10:00–11:30" in page  # Brussels time, not UTC
    assert "00:30–01:30" in page
    assert "Europe/Brussels" in page


def test_the_programme_shows_room_kind_track_and_linked_speakers(client, event, hall, panel):
    panel.track = event.tracks.create(name="Diaspora et investissement")
    panel.save()
    slot(DAY_ONE + timedelta(hours=2), event=event, room=None, kind="break", title="Pause café")

    page = client.get(en("programme", event.slug)).content.decode()

    assert "Grand auditorium" in page
    assert "Panel" in page
    assert "Break" in page
    assert "Diaspora et investissement" in page
    assert en("speaker", event.slug, "fatima-bennani") in page
    assert en("session", event.slug, panel.pk) in page
    assert "Pause café" in page


def test_an_event_without_sessions_says_the_programme_is_coming(client, event):
    page = client.get(en("programme", event.slug)).content.decode()
    assert "The programme will be published soon." in page


def test_an_unpublished_events_programme_is_hidden_except_from_organisers(client, member, organiser):
    event = EventFactory(is_published=False)
    SessionFactory(event=event, title="Séance secrète")

    assert client.get(en("programme", event.slug)).status_code == 404
    assert login(client, member).get(en("programme", event.slug)).status_code == 404
    assert "Séance secrète" in login(client, organiser).get(en("programme", event.slug)).content.decode()


@pytest.mark.parametrize("n", [1, 5])
def test_the_programme_runs_a_constant_number_of_queries(client, member, event, django_assert_num_queries, n):
    for index in range(n):
        room = RoomFactory(event=event)
        session = slot(DAY_ONE + timedelta(days=index % 2), event=event, room=room)
        session.speakers.add(SpeakerFactory(event=event), SpeakerFactory(event=event))
        AgendaStar.objects.create(user=member, session=session)
    login(client, member)
    programme_url = en("programme", event.slug)

    # session, user, unread messages, event, sessions, speakers, stars, organiser group, event organisers
    with django_assert_num_queries(9):
        response = client.get(programme_url)
    assert response.status_code == 200


# Sessions


def test_a_session_page_shows_abstract_times_room_and_speakers(client, event, panel):
    page = client.get(en("session", event.slug, panel.pk)).content.decode()

    assert "<strong>croisé</strong>" in page
    assert 'Tuesday 10 June 2031, <span dir="ltr">10:00–11:30</span>' in page
    assert 'datetime="2031-06-10T08:00:00+00:00" data-local-time' in page
    assert "Grand auditorium" in page
    assert "Fatima Zahra Bennani" in page
    assert "Log in to add it to your agenda" in page


def test_a_session_of_another_event_answers_404(client, event):
    elsewhere = SessionFactory()
    assert client.get(en("session", event.slug, elsewhere.pk)).status_code == 404


def test_rooms_cannot_be_double_booked(event, hall, panel):
    back_to_back = SessionFactory(
        event=event, room=hall, starts_at=panel.ends_at, ends_at=panel.ends_at + timedelta(hours=1)
    )
    other_room = SessionFactory(event=event, starts_at=panel.starts_at, ends_at=panel.ends_at)

    assert back_to_back.pk
    assert other_room.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionFactory(event=event, room=hall, starts_at=panel.starts_at + timedelta(minutes=30), ends_at=panel.ends_at)


# Speakers


@pytest.mark.parametrize("n", [1, 5])
def test_the_speaker_list_runs_a_constant_number_of_queries(client, event, django_assert_num_queries, n):
    for _index in range(n):
        user = UserFactory()
        ProfileFactory(user=user, visibility="public")
        SpeakerFactory(event=event, user=user, bio="")
        SpeakerFactory(event=event)
    speakers_url = en("speakers", event.slug)

    # event, speakers with their session counts, visible profiles
    with django_assert_num_queries(3):
        response = client.get(speakers_url)
    assert response.content.decode().count('class="card h-100 speaker-card"') == 2 * n


def test_an_external_speakers_page_shows_bio_organisation_and_sessions(client, event, panel):
    page = client.get(en("speaker", event.slug, "fatima-bennani")).content.decode()

    assert "Fatima Zahra Bennani" in page
    assert "Université de Liège" in page
    assert "Chercheuse en économie du développement." in page
    assert "Soixante ans de migration économique" in page
    assert "speaker-profile-link" not in page


def test_a_member_speaker_without_bio_shows_their_visible_profile(client, event, member, other_member):
    profile = ProfileFactory(user=member, headline="Consultante export", bio="Vingt ans entre Anvers et Tanger.")
    profile.visibility = "members"
    profile.save()
    SpeakerFactory(event=event, user=member, name="Amina El Idrissi", slug="amina", bio="")
    speaker_url = en("speaker", event.slug, "amina")

    anonymous = client.get(speaker_url).content.decode()
    assert "Consultante export" not in anonymous
    assert "speaker-profile-link" not in anonymous

    seen_by_member = login(client, other_member).get(speaker_url).content.decode()
    assert "Consultante export" in seen_by_member
    assert "Vingt ans entre Anvers et Tanger." in seen_by_member
    assert reverse("network:profile_detail", args=[member.pk]) in seen_by_member


def test_a_hidden_profile_lends_nothing_to_the_speaker_page(client, event, member, other_member):
    ProfileFactory(user=member, headline="Consultante export", visibility="hidden")
    SpeakerFactory(event=event, user=member, name="Amina El Idrissi", slug="amina", bio="")

    page = login(client, other_member).get(en("speaker", event.slug, "amina")).content.decode()

    assert "Amina El Idrissi" in page
    assert "Consultante export" not in page
    assert "speaker-profile-link" not in page


def test_an_unknown_speaker_answers_404(client, event):
    assert client.get(en("speaker", event.slug, "nobody")).status_code == 404


# The personal agenda


def test_starring_needs_a_login(client, event, panel):
    response = client.post(en("session_star", event.slug, panel.pk))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not AgendaStar.objects.exists()


def test_a_member_stars_and_unstars_a_session_without_javascript(client, member, event, panel):
    login(client, member)
    star_url = en("session_star", event.slug, panel.pk)

    response = client.post(star_url, {"next": en("programme", event.slug)})
    client.post(star_url)  # a double submit keeps one star

    assert response.status_code == 302
    assert response["Location"] == en("programme", event.slug)
    assert AgendaStar.objects.filter(user=member, session=panel).count() == 1
    assert "In my agenda" in client.get(en("session", event.slug, panel.pk)).content.decode()

    client.post(en("session_unstar", event.slug, panel.pk))
    assert not AgendaStar.objects.exists()


def test_starring_with_htmx_returns_the_new_button(client, member, event, panel):
    login(client, member)

    response = client.post(en("session_star", event.slug, panel.pk), headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "In my agenda" in html
    assert 'aria-pressed="true"' in html
    assert "<html" not in html


def test_starring_refuses_a_get_and_an_external_next(client, member, event, panel):
    login(client, member)
    star_url = en("session_star", event.slug, panel.pk)

    assert client.get(star_url).status_code == 405
    response = client.post(star_url, {"next": "https://evil.example.com/"})
    assert response["Location"] == en("session", event.slug, panel.pk)


def test_the_agenda_lists_the_members_starred_sessions_of_that_event_only(client, member, other_member, event, panel):
    skipped = slot(DAY_ONE + timedelta(hours=3), event=event, title="Atelier non choisi")
    elsewhere = SessionFactory(title="Séance d'un autre événement")
    AgendaStar.objects.create(user=member, session=panel)
    AgendaStar.objects.create(user=member, session=elsewhere)
    AgendaStar.objects.create(user=other_member, session=skipped)

    page = login(client, member).get(en("agenda", event.slug)).content.decode()

    assert "Soixante ans de migration économique" in page
    assert skipped.title not in page
    assert elsewhere.title not in page


def test_the_agenda_needs_a_login(client, event):
    response = client.get(en("agenda", event.slug))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert client.get(en("agenda_ics", event.slug)).status_code == 302


def test_the_agenda_exports_the_starred_sessions_as_ics(client, member, event, panel):
    slot(DAY_ONE + timedelta(hours=3), event=event, title="Atelier non choisi")
    AgendaStar.objects.create(user=member, session=panel)

    response = login(client, member).get(en("agenda_ics", event.slug))

    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(item["summary"]) for item in events] == ["Soixante ans de migration économique – Colloque des 60 ans"]
    assert events[0]["dtstart"].dt == DAY_ONE
    assert "Grand auditorium" in str(events[0]["location"])


@pytest.mark.parametrize("n", [1, 5])
def test_the_personal_feed_has_the_starred_sessions_of_every_event_in_constant_queries(
    member, django_assert_num_queries, n
):
    for _index in range(n):
        AgendaStar.objects.create(user=member, session=SessionFactory())
    AgendaStar.objects.create(user=UserFactory(), session=SessionFactory(title="Pas pour Amina"))

    from events.calendar_items import starred_sessions

    with django_assert_num_queries(1):
        items = starred_sessions(member)
    assert len(items) == n
    assert all(item.uid.startswith("event-session-") for item in items)
    assert "Pas pour Amina" not in [item.title for item in calendar.items_for(member)]


# Workshops with their own capacity


@pytest.fixture
def workshop(event):
    return slot(DAY_ONE, event=event, kind="workshop", title="Pitcher devant des investisseurs", capacity=2)


def test_a_confirmed_registrant_signs_up_for_a_workshop_and_cancels(client, member, event, workshop):
    RegistrationFactory(event=event, user=member)
    login(client, member)
    signup_url = en("workshop_signup", event.slug, workshop.pk)

    page = client.get(en("session", event.slug, workshop.pk)).content.decode()
    assert "2 seats left." in page

    page = client.post(signup_url, follow=True).content.decode()
    assert "You have a seat in this workshop." in page
    assert WorkshopSignup.objects.filter(session=workshop, registration__user=member).count() == 1

    client.post(signup_url)  # twice keeps one seat
    assert WorkshopSignup.objects.count() == 1

    page = client.post(en("workshop_signup_cancel", event.slug, workshop.pk), follow=True).content.decode()
    assert "Your seat in this workshop is cancelled." in page
    assert not WorkshopSignup.objects.exists()


@pytest.mark.parametrize("status", ["pending", "waitlisted", "cancelled"])
def test_only_a_confirmed_registration_gives_a_workshop_seat(client, member, event, workshop, status):
    RegistrationFactory(event=event, user=member, status=status, waitlisted_at=DAY_ONE - timedelta(days=5))
    login(client, member)

    page = client.post(en("workshop_signup", event.slug, workshop.pk), follow=True)

    assert "Only people with a confirmed registration" in page.content.decode()
    assert not WorkshopSignup.objects.exists()


def test_a_member_without_registration_cannot_sign_up(client, member, event, workshop):
    page = login(client, member).post(en("workshop_signup", event.slug, workshop.pk), follow=True)
    assert "Only people with a confirmed registration" in page.content.decode()
    assert not WorkshopSignup.objects.exists()


def test_a_full_workshop_says_so_and_refuses_more(client, member, event, workshop):
    for _index in range(2):
        WorkshopSignup.objects.create(session=workshop, registration=RegistrationFactory(event=event))
    RegistrationFactory(event=event, user=member)
    login(client, member)

    assert "This workshop is full." in client.get(en("session", event.slug, workshop.pk)).content.decode()
    page = client.post(en("workshop_signup", event.slug, workshop.pk), follow=True)
    assert "This workshop is full." in page.content.decode()
    assert WorkshopSignup.objects.count() == 2


def test_a_session_without_capacity_has_no_sign_up(client, member, event, panel):
    RegistrationFactory(event=event, user=member)
    page = login(client, member).post(en("workshop_signup", event.slug, panel.pk), follow=True)
    assert "This session has no sign-up." in page.content.decode()
    assert not WorkshopSignup.objects.exists()


def test_workshop_sign_up_needs_a_login_and_a_post(client, member, event, workshop):
    signup_url = en("workshop_signup", event.slug, workshop.pk)
    response = client.post(signup_url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert login(client, member).get(signup_url).status_code == 405


@pytest.mark.django_db(transaction=True)
def test_parallel_sign_ups_never_exceed_the_workshop_capacity():
    event = EventFactory()
    workshop = SessionFactory(event=event, kind="workshop", capacity=3)
    members = [RegistrationFactory(event=event).user for _index in range(10)]
    session = Session.objects.select_related("event").get(pk=workshop.pk)
    outcomes = race((lambda member=member: services.sign_up(member=member, session=session)) for member in members)

    results = ["full" if isinstance(outcome, services.WorkshopFull) else "seat" for outcome in outcomes]
    assert sorted(results) == ["full"] * 7 + ["seat"] * 3
    assert WorkshopSignup.objects.filter(session=workshop).count() == 3


def test_a_cancelled_registration_frees_its_workshop_seat(client, member, event, workshop):
    holders = [RegistrationFactory(event=event) for _index in range(2)]
    for holder in holders:
        WorkshopSignup.objects.create(session=workshop, registration=holder)
    holders[0].status = "cancelled"
    holders[0].save()
    RegistrationFactory(event=event, user=member)
    login(client, member)

    assert "1 seat left." in client.get(en("session", event.slug, workshop.pk)).content.decode()
    client.post(en("workshop_signup", event.slug, workshop.pk))
    assert WorkshopSignup.objects.filter(session=workshop, registration__user=member).exists()
