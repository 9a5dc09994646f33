"""The public event pages: the list with each event's registration state, and the event page."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from tests.events.support import en
from tests.factories import CategoryFactory, EventFactory, EventQuestionFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def card(page, event):
    """The HTML of one event's card in the list."""
    start = page.index(f'id="event-{event.pk}"')
    return page[start : page.index("</article>", start)]


# The list


def test_the_list_shows_published_upcoming_events_with_their_registration_state(client):
    now = timezone.now()
    open_event = EventFactory(title="Colloque de Bruxelles", city="Bruxelles")
    CategoryFactory(event=open_event)
    full = EventFactory(title="Atelier complet", kind="workshop", capacity=1)
    RegistrationFactory(event=full, category=CategoryFactory(event=full))
    closed = EventFactory(title="Fermé", registration_closes_at=now - timedelta(hours=1))
    CategoryFactory(event=closed)
    soon = EventFactory(title="Bientôt", registration_opens_at=now + timedelta(days=2))
    CategoryFactory(event=soon)
    EventFactory(title="Brouillon", is_published=False)
    EventFactory(title="Passé", starts_at=now - timedelta(days=9), ends_at=now - timedelta(days=8))

    page = client.get(en("event_list")).content.decode()

    assert "Brouillon" not in page
    assert "Passé" not in page
    assert "Registration open" in card(page, open_event)
    assert "Bruxelles" in card(page, open_event)
    assert "Colloquium" in card(page, open_event)
    assert "Full – waitlist open" in card(page, full)
    assert "Workshop" in card(page, full)
    assert "Registration closed" in card(page, closed)
    assert "Registration not open yet" in card(page, soon)


def test_an_event_whose_every_public_category_is_full_shows_the_waitlist(client):
    event = EventFactory(capacity=100)
    students = CategoryFactory(event=event, capacity=1)
    CategoryFactory(event=event, visibility="invitation")  # invitations do not count for the public
    RegistrationFactory(event=event, category=students)

    page = client.get(en("event_list")).content.decode()

    assert "Full – waitlist open" in card(page, event)


@pytest.mark.parametrize(
    ("start", "shown"),
    [
        # Morocco is UTC+1 most of the year and UTC+0 during Ramadan: the tz database knows, no offset is stored.
        (datetime(2030, 10, 15, 9, 0, tzinfo=UTC), "Oct. 15, 2030, 10 a.m. – 6 p.m."),
        (datetime(2030, 1, 15, 9, 0, tzinfo=UTC), "Jan. 15, 2030, 9 a.m. – 5 p.m."),
    ],
)
def test_dates_are_shown_in_the_events_own_time_zone(client, start, shown):
    event = EventFactory(
        time_zone="Africa/Casablanca",
        starts_at=start,
        ends_at=start + timedelta(hours=8),
        registration_closes_at=start - timedelta(days=1),
    )

    page = client.get(en("event_detail", event.slug)).content.decode()

    assert shown in page
    assert "Morocco (Africa/Casablanca)" in page
    assert f'datetime="{start:%Y-%m-%dT%H:%M:%S}+00:00" data-local-time' in page


def test_past_events_are_behind_a_toggle(client):
    now = timezone.now()
    EventFactory(title="Colloque à venir")
    EventFactory(title="Colloque passé", starts_at=now - timedelta(days=9), ends_at=now - timedelta(days=8))

    page = client.get(en("event_list") + "?when=past").content.decode()

    assert "Colloque passé" in page
    assert "Colloque à venir" not in page


@pytest.mark.parametrize("n", [1, 5])
def test_the_list_runs_a_constant_number_of_queries(client, django_assert_num_queries, n):
    for _ in range(n):
        event = EventFactory(capacity=10)
        for category in CategoryFactory.create_batch(2, event=event, capacity=3):
            RegistrationFactory.create_batch(2, event=event, category=category)

    with django_assert_num_queries(3):  # count, events with seats, their public categories with seats
        response = client.get(en("event_list"))

    assert response.status_code == 200


# One event


def test_the_event_page_shows_everything_a_visitor_needs(client):
    event = EventFactory(
        title="Rencontre d'Oujda",
        description="**Deux jours** d'échanges <script>alert(1)</script>",
        practical_info="Navette depuis l'aéroport",
        venue_name="Technopole d'Oujda",
        address="Route de Saïdia",
        city="Oujda",
        map_url="https://www.openstreetmap.org/#map=15/34.68/-1.90",
        languages=["fr", "ar"],
        b2b_enabled=True,
        capacity=10,
    )
    CategoryFactory(event=event, name="Participant", capacity=4)
    CategoryFactory(event=event, name="Orateur", visibility="invitation")

    page = client.get(en("event_detail", event.slug)).content.decode()

    assert "<strong>Deux jours</strong>" in page
    assert "<script>alert(1)</script>" not in page
    assert "Navette depuis l'aéroport" in page
    assert "Technopole d&#x27;Oujda" in page
    assert "Route de Saïdia" in page
    assert 'href="https://www.openstreetmap.org/#map=15/34.68/-1.90"' in page
    assert "French" in page
    assert "Arabic" in page
    assert "Participant" in page
    assert "4 seats left" in page
    assert "Orateur" not in page
    assert en("register", event.slug) in page
    assert en("programme", event.slug) in page
    assert en("speakers", event.slug) in page
    assert en("b2b_participants", event.slug) in page


def test_a_registered_member_sees_a_link_to_the_ticket_instead_of_the_button(client, member):
    event = EventFactory()
    registration = RegistrationFactory(event=event, user=member)
    client.force_login(member)

    page = client.get(en("event_detail", event.slug)).content.decode()

    assert "You are registered." in page
    assert en("registration", registration.pk) in page
    assert 'id="register-button"' not in page


def test_a_cancelled_member_may_register_again(client, member):
    event = EventFactory()
    CategoryFactory(event=event)
    RegistrationFactory(event=event, user=member, status="cancelled")
    client.force_login(member)

    page = client.get(en("event_detail", event.slug)).content.decode()

    assert 'id="register-button"' in page


def test_the_b2b_link_appears_only_when_b2b_meetings_are_on(client):
    event = EventFactory(b2b_enabled=False)

    assert en("b2b_participants", event.slug) not in client.get(en("event_detail", event.slug)).content.decode()


def nav(html, nav_id):
    """The HTML of one of the event's navigation rows."""
    start = html.index(f'id="{nav_id}"')
    return html[start : html.index("</ul>", start)]


def test_a_member_finds_the_programme_agenda_and_b2b_pages_from_the_event(client, member):
    event = EventFactory(b2b_enabled=True)
    client.force_login(member)

    links = nav(client.get(en("event_detail", event.slug)).content.decode(), "event-nav")

    for name in ("event_detail", "programme", "speakers", "agenda", "b2b_participants", "b2b_schedule", "b2b_opt_in"):
        assert f'href="{en(name, event.slug)}"' in links
    assert f'href="{en("event_detail", event.slug)}" aria-current="page"' in links
    assert "organiser-nav" not in client.get(en("event_detail", event.slug)).content.decode()


def test_organisers_find_their_tools_on_every_page_of_the_event(client, organiser):
    event = EventFactory(b2b_enabled=True)
    client.force_login(organiser)

    for page_name in ("event_detail", "programme", "speakers", "b2b_overview"):
        tools = nav(client.get(en(page_name, event.slug)).content.decode(), "organiser-nav")
        for name in ("desk", "badges", "b2b_overview", "event_dashboard"):
            assert en(name, event.slug) in tools


def test_the_event_nav_marks_the_current_section(client, member):
    event = EventFactory()
    session = SessionFactory(event=event)
    client.force_login(member)

    links = nav(client.get(en("session", event.slug, session.pk)).content.decode(), "event-nav")

    programme_link = links[links.rindex("<a", 0, links.index(f'href="{en("programme", event.slug)}"')) :]
    assert programme_link.startswith('<a class="nav-link text-nowrap active"')
    assert 'aria-current="page"' not in links  # the session itself is not in the nav


def test_the_app_bar_keeps_my_registrations_active_while_editing_answers(client, member):
    registration = RegistrationFactory(user=member)
    EventQuestionFactory(event=registration.event)
    client.force_login(member)

    html = client.get(en("registration_edit", registration.pk)).content.decode()

    bar = html[html.index('aria-label="Events"') :]
    bar = bar[: bar.index("</nav>")]
    assert f'class="nav-link text-nowrap active" href="{en("my_registrations")}"' in bar
    assert f'class="nav-link text-nowrap" href="{en("event_list")}"' in bar


def test_an_unpublished_event_is_a_404_except_for_organisers(client, member, organiser):
    event = EventFactory(is_published=False)

    assert client.get(en("event_detail", event.slug)).status_code == 404
    client.force_login(member)
    assert client.get(en("event_detail", event.slug)).status_code == 404
    client.force_login(organiser)
    response = client.get(en("event_detail", event.slug))
    assert response.status_code == 200
    assert "This event is not published" in response.content.decode()


def test_an_unknown_event_is_a_404(client):
    assert client.get(en("event_detail", "no-such-event")).status_code == 404
