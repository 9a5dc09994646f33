"""At the door: scanning a ticket's QR code, the desk's search and check-in button, walk-in registration."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from events.models import Registration
from events.selectors.checkin import DeskCounts
from events.services import checkin as services
from events.tickets import checkin_token
from tests.events.support import en, login, race
from tests.factories import CategoryFactory, EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(title="Rencontre d'Oujda", slug="oujda", time_zone="Europe/Brussels", capacity=100)


@pytest.fixture
def ticket(event):
    """Youssef's confirmed registration."""
    return RegistrationFactory(
        event=event,
        category=CategoryFactory(event=event, name="Participant"),
        user=UserFactory(first_name="Youssef", last_name="Alaoui", email="youssef@example.org"),
        organisation_name="Oriental Invest",
    )


def scan_url(registration):
    return en("checkin", checkin_token(registration))


# Scanning a ticket


def test_scanning_needs_a_login(client, ticket):
    response = client.get(scan_url(ticket))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None


def test_a_member_who_is_not_an_organiser_gets_404(client, ticket, other_member):
    assert login(client, other_member).get(scan_url(ticket)).status_code == 404
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None


def test_an_organiser_of_another_event_gets_404(client, ticket):
    someone_elses = EventFactory()
    helper = UserFactory()
    someone_elses.organisers.add(helper)
    assert login(client, helper).get(scan_url(ticket)).status_code == 404


@pytest.mark.parametrize("tamper", ["forged", "altered", "rotated"])
def test_a_forged_or_altered_token_is_refused(client, ticket, organiser, tamper):
    token = checkin_token(ticket)
    if tamper == "forged":
        token = "WzEsImFiY2RlZmdoaWoiXQ:1abcde:notasignature"
    elif tamper == "altered":
        token = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    else:
        Registration.objects.filter(pk=ticket.pk).update(secret="a-new-secret-after-a-leak-000000")

    assert login(client, organiser).get(en("checkin", token)).status_code == 404
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None


def test_an_organiser_scanning_a_ticket_checks_the_person_in(client, ticket, organiser):
    page = login(client, organiser).get(scan_url(ticket))

    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-state="checked-in"' in html
    assert "Checked in" in html
    assert "Youssef Alaoui" in html
    assert "Participant" in html
    assert "Oriental Invest" in html
    assert en("desk", ticket.event.slug) in html
    ticket.refresh_from_db()
    assert ticket.checked_in_at is not None
    assert ticket.checked_in_by == organiser


def test_an_events_own_organiser_can_check_people_in(client, ticket):
    helper = UserFactory(mfa=True)  # organisers' pages need two-factor authentication
    ticket.event.organisers.add(helper)
    assert 'data-state="checked-in"' in login(client, helper).get(scan_url(ticket)).content.decode()


def test_a_second_scan_warns_with_the_first_time_in_the_events_zone_and_changes_nothing(client, ticket, organiser):
    first = datetime(2031, 6, 10, 7, 12, tzinfo=UTC)  # 09:12 in Brussels
    Registration.objects.filter(pk=ticket.pk).update(checked_in_at=first, checked_in_by=organiser)

    html = login(client, UserFactory(is_staff=True, mfa=True)).get(scan_url(ticket)).content.decode()

    assert 'data-state="already"' in html
    assert "Already checked in at 09:12 by Nadia Benali" in html
    ticket.refresh_from_db()
    assert ticket.checked_in_at == first
    assert ticket.checked_in_by == organiser


@pytest.mark.parametrize(
    ("status", "shown"),
    [("pending", "Pending approval"), ("waitlisted", "On the waitlist"), ("cancelled", "Cancelled")],
)
def test_only_a_confirmed_registration_is_checked_in(client, ticket, organiser, status, shown):
    Registration.objects.filter(pk=ticket.pk).update(status=status, waitlisted_at=timezone.now())

    html = login(client, organiser).get(scan_url(ticket)).content.decode()

    assert 'data-state="refused"' in html
    assert "text-bg-danger" in html
    assert f"Not checked in: this registration is “{shown}”." in html
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_scans_check_in_once():
    ticket = RegistrationFactory()
    scanners = [UserFactory(is_staff=True) for _index in range(4)]
    outcomes = race(
        (lambda scanner=scanner: services.check_in(registration=ticket, by=scanner)) for scanner in scanners
    )

    results = [outcome.already for outcome in outcomes]
    assert sorted(results) == [False, True, True, True]
    ticket.refresh_from_db()
    assert ticket.checked_in_by in scanners


# The desk


def test_the_desk_needs_a_login_and_an_organiser(client, event, member):
    response = client.get(en("desk", event.slug))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert login(client, member).get(en("desk", event.slug)).status_code == 404
    assert client.post(en("desk", event.slug), {"registration": 1}).status_code == 404


def test_the_desk_shows_live_counts(client, event, organiser):
    RegistrationFactory(event=event, checked_in_at=timezone.now())
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="pending")
    RegistrationFactory(event=event, status="cancelled")

    response = login(client, organiser).get(en("desk", event.slug))

    assert response.context["counts"] == DeskCounts(confirmed=2, checked_in=1, seats_left=97)
    html = response.content.decode()
    assert 'id="count-confirmed">2<' in html
    assert 'id="count-checked-in">1<' in html
    assert 'id="count-seats-left">97<' in html
    assert "progress-w-50" in html


@pytest.mark.parametrize("query", ["benali", "BÉNALI", "nadia ben", "universite", "NADIA@EXAMPLE"])
def test_the_desk_search_ignores_case_and_accents(client, event, organiser, query):
    RegistrationFactory(
        event=event,
        user=None,
        first_name="Nadia",
        last_name="Bénali",
        email="nadia@example.net",
        organisation_name="Université Mohammed Premier",
    )
    RegistrationFactory(event=event, user=None, first_name="Pieter", last_name="Janssens", email="pj@example.net")

    html = login(client, organiser).get(en("desk", event.slug), {"q": query}).content.decode()

    assert "Nadia Bénali" in html
    assert "Pieter Janssens" not in html


def test_the_desk_shows_status_and_a_check_in_button_only_for_confirmed_people(client, event, organiser):
    confirmed = RegistrationFactory(event=event, user=None, email="a@example.net", last_name="Amrani")
    waiting = RegistrationFactory(
        event=event, user=None, email="b@example.net", last_name="Amrani", status="waitlisted",
        waitlisted_at=timezone.now(),
    )  # fmt: skip

    html = login(client, organiser).get(en("desk", event.slug), {"q": "amrani"}).content.decode()

    assert f'name="registration" value="{confirmed.pk}"' in html
    assert f'name="registration" value="{waiting.pk}"' not in html
    assert "On the waitlist" in html


def test_the_desk_button_checks_a_person_in_and_returns_to_the_search(client, event, organiser, ticket):
    response = login(client, organiser).post(en("desk", event.slug), {"registration": ticket.pk, "q": "alaoui"})

    assert response.status_code == 302
    assert response["Location"] == en("desk", event.slug) + "?q=alaoui"
    ticket.refresh_from_db()
    assert ticket.checked_in_by == organiser
    page = client.get(response["Location"]).content.decode()
    assert "Checked in: Youssef Alaoui." in page

    again = client.post(en("desk", event.slug), {"registration": ticket.pk}, follow=True).content.decode()
    assert "Youssef Alaoui was already checked in." in again


def test_the_desk_refuses_to_check_in_a_cancelled_registration(client, event, organiser, ticket):
    Registration.objects.filter(pk=ticket.pk).update(status="cancelled")
    page = login(client, organiser).post(en("desk", event.slug), {"registration": ticket.pk}, follow=True)
    assert "Not checked in: this registration is “Cancelled”." in page.content.decode()
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None


def test_the_desk_cannot_check_in_someone_of_another_event(client, event, organiser):
    elsewhere = RegistrationFactory()
    assert login(client, organiser).post(en("desk", event.slug), {"registration": elsewhere.pk}).status_code == 404
    assert client.post(en("desk", event.slug), {"registration": "nope"}).status_code == 404


def test_the_desk_answers_htmx_with_the_results_only(client, event, organiser, ticket):
    response = login(client, organiser).get(en("desk", event.slug), {"q": "youssef"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Youssef Alaoui" in html
    assert "<html" not in html


@pytest.mark.parametrize("n", [1, 5])
def test_the_desk_results_run_a_constant_number_of_queries(client, event, organiser, django_assert_num_queries, n):
    for _index in range(n):
        RegistrationFactory(
            event=event, user=None, email=f"p{_index}@example.net", last_name="Ziani", checked_in_at=timezone.now(),
            checked_in_by=UserFactory(),
        )  # fmt: skip
    login(client, organiser)
    desk_url = en("desk", event.slug)

    # session, user, unread messages, event, organiser group, results, counts
    with django_assert_num_queries(8):  # + the organiser's two-factor check
        response = client.get(desk_url, {"q": "ziani"})
    assert response.content.decode().count("desk-row") == n


# Walk-ins


def walk_in_data(event, **overrides):
    category = overrides.pop("category", None) or CategoryFactory(event=event, name="Walk-in")
    return {
        "first_name": "Karim",
        "last_name": "Tazi",
        "email": "karim@example.net",
        "organisation_name": "Oujda Export",
        "country": "MA",
        "category": category.pk,
        **overrides,
    }


def test_walk_in_needs_a_login_and_an_organiser(client, event, member):
    response = client.get(en("walk_in", event.slug))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert login(client, member).get(en("walk_in", event.slug)).status_code == 404
    assert client.post(en("walk_in", event.slug), walk_in_data(event)).status_code == 404
    assert not Registration.objects.filter(email="karim@example.net").exists()


def test_a_walk_in_is_registered_confirmed_and_checked_in(client, event, organiser):
    response = login(client, organiser).post(en("walk_in", event.slug), walk_in_data(event))

    assert response.status_code == 302
    walk_in = Registration.objects.get(email="karim@example.net")
    assert walk_in.status == "confirmed"
    assert walk_in.is_walk_in
    assert walk_in.checked_in_at is not None
    assert walk_in.checked_in_by == organiser
    assert (walk_in.full_name, walk_in.organisation_name, walk_in.country) == ("Karim Tazi", "Oujda Export", "MA")
    assert "Karim Tazi is registered and checked in." in client.get(response["Location"]).content.decode()


def test_a_walk_in_with_a_members_email_is_linked_to_the_account(client, event, organiser, member):
    login(client, organiser).post(en("walk_in", event.slug), walk_in_data(event, email="AMINA@example.org"))
    assert Registration.objects.get(event=event, user=member).is_walk_in


def test_a_walk_in_already_registered_shows_the_existing_registration(client, event, organiser, ticket):
    page = login(client, organiser).post(en("walk_in", event.slug), walk_in_data(event, email="YOUSSEF@example.org"))

    html = page.content.decode()
    assert "Youssef Alaoui is already registered (Confirmed)." in html
    assert Registration.objects.filter(event=event).count() == 1


def test_no_walk_in_when_the_event_is_full(client, organiser):
    event = EventFactory(capacity=2)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="pending")

    page = login(client, organiser).post(en("walk_in", event.slug), walk_in_data(event)).content.decode()

    assert "No seats are left." in page
    assert 'value="Karim"' in page  # the form keeps what was typed
    assert not Registration.objects.filter(email="karim@example.net").exists()


def test_no_walk_in_when_the_category_is_full(client, event, organiser):
    press = CategoryFactory(event=event, name="Presse", capacity=1)
    RegistrationFactory(event=event, category=press)

    page = login(client, organiser).post(en("walk_in", event.slug), walk_in_data(event, category=press))

    assert "No seats are left in the category “Presse”." in page.content.decode()
    assert not Registration.objects.filter(email="karim@example.net").exists()


def test_a_cancelled_seat_frees_room_for_a_walk_in(client, organiser):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, status="cancelled", cancelled_at=timezone.now() - timedelta(hours=1))

    login(client, organiser).post(en("walk_in", event.slug), walk_in_data(event))

    assert Registration.objects.filter(email="karim@example.net", status="confirmed").exists()


def test_an_invalid_walk_in_form_keeps_the_input_and_explains(client, event, organiser):
    page = login(client, organiser).post(en("walk_in", event.slug), walk_in_data(event, email="not-an-email"))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Enter a valid email address." in html
    assert 'value="Tazi"' in html
    assert not Registration.objects.exists()


def test_a_walk_in_cannot_use_another_events_category(client, event, organiser):
    foreign = CategoryFactory()
    page = login(client, organiser).post(en("walk_in", event.slug), walk_in_data(event, category=foreign))
    assert "Select a valid choice." in page.content.decode()
    assert not Registration.objects.exists()
