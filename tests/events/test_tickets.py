"""Tickets: the member's and the guest's ticket pages, the QR code, answers, cancelling, "My registrations"."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from dimobel import dashboard
from dimobel.qr import qr_png
from events.models import Answer
from events.selectors.registration import registration_from_checkin_token
from events.services import registration as services
from events.tickets import checkin_url
from tests.events.support import committed, en
from tests.factories import CategoryFactory, EventFactory, EventQuestionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def login_url(path):
    with translation.override("en"):
        return reverse("account_login") + "?next=" + path


# The member's ticket page


def test_the_owner_sees_the_ticket_with_the_qr_code_and_answers(client, member):
    event = EventFactory(title="Colloque des 60 ans")
    question = EventQuestionFactory(event=event, label="Dietary needs")
    workshops = EventQuestionFactory(event=event, label="Workshops", kind="multiple", choices=["A", "B"])
    registration = RegistrationFactory(event=event, user=member, category=CategoryFactory(event=event, name="Press"))
    Answer.objects.create(registration=registration, question=question, value="Halal")
    Answer.objects.create(registration=registration, question=workshops, value=["A", "B"])
    client.force_login(member)

    page = client.get(en("registration", registration.pk)).content.decode()

    assert "Colloque des 60 ans" in page
    assert "Amina El Idrissi" in page
    assert "Press" in page
    assert 'class="qr-code"' in page
    assert "Dietary needs" in page
    assert "Halal" in page
    assert "A, B" in page
    assert en("registration_edit", registration.pk) in page
    assert en("registration_cancel", registration.pk) in page
    assert en("registration_ics", registration.pk) in page


@pytest.mark.parametrize("status", ["pending", "waitlisted", "cancelled"])
def test_only_a_confirmed_registration_shows_a_qr_code(client, member, status):
    registration = RegistrationFactory(user=member, status=status, waitlisted_at=timezone.now())
    client.force_login(member)

    page = client.get(en("registration", registration.pk)).content.decode()

    assert "<svg" not in page
    assert registration.get_status_display() in page
    assert client.get(en("ticket_qr", registration.secret)).status_code == 404


def test_a_waitlisted_member_sees_their_position(client, member):
    event = EventFactory()
    RegistrationFactory(event=event, status="waitlisted", waitlisted_at=timezone.now() - timedelta(hours=1))
    registration = RegistrationFactory(event=event, user=member, status="waitlisted", waitlisted_at=timezone.now())
    client.force_login(member)

    page = client.get(en("registration", registration.pk)).content.decode()

    assert "You are number 2 on the waitlist." in page


@pytest.mark.parametrize("view", ["registration", "registration_edit", "registration_ics"])
def test_another_members_ticket_answers_and_calendar_are_a_404(client, member, other_member, view):
    registration = RegistrationFactory(user=member)
    client.force_login(other_member)

    assert client.get(en(view, registration.pk)).status_code == 404
    assert client.post(en("registration_cancel", registration.pk)).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


@pytest.mark.parametrize("view", ["registration", "registration_edit", "registration_ics", "my_registrations"])
def test_anonymous_visitors_are_sent_to_log_in(client, view):
    registration = RegistrationFactory()
    path = en(view) if view == "my_registrations" else en(view, registration.pk)

    response = client.get(path)

    assert response.status_code == 302
    assert response.url == login_url(path)


def test_the_calendar_file_holds_the_event(client, member):
    registration = RegistrationFactory(user=member, event=EventFactory(title="Colloque des 60 ans"))
    client.force_login(member)

    response = client.get(en("registration_ics", registration.pk))

    assert response["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Colloque des 60 ans" in response.content


# The QR code


def test_the_qr_code_encodes_a_signed_check_in_url_that_names_the_registration(client):
    registration = RegistrationFactory()
    url = checkin_url(registration)
    token = url.rstrip("/").rsplit("/", 1)[-1]

    assert registration_from_checkin_token(token) == registration
    assert registration_from_checkin_token(token[:-3] + "abc") is None  # a forged token is refused
    response = client.get(en("ticket_qr", registration.secret))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content


def test_an_unknown_secret_is_a_404_for_the_qr_code_and_the_guest_ticket(client):
    RegistrationFactory()

    assert client.get(en("ticket_qr", "not-a-secret")).status_code == 404
    assert client.get(en("guest_ticket", "not-a-secret")).status_code == 404


def test_the_ticket_email_carries_the_qr_code_of_the_check_in_url_and_the_ics(member):
    member.preferred_language = "fr"  # the ticket link opens in the member's language
    member.save(update_fields=["preferred_language"])
    event = EventFactory(title="Colloque des 60 ans")
    with committed():
        registration = services.register_member(event=event, user=member, category=CategoryFactory(event=event))

    ticket = mail.outbox[0]

    attachments = {name: (content, mimetype) for name, content, mimetype in ticket.attachments}
    assert attachments["ticket-qr.png"] == (qr_png(checkin_url(registration)), "image/png")
    ics, mimetype = attachments[f"{event.slug}.ics"]
    assert mimetype == "text/calendar"
    assert "SUMMARY:Colloque des 60 ans" in ics
    assert f"/fr/events/registrations/{registration.pk}/" in ticket.body
    html = ticket.alternatives[0][0]
    assert "Colloque des 60 ans" in html
    assert "Palais des Acad" in html


# Answers and cancelling (members)


def test_the_owner_edits_answers_until_the_deadline(client, member):
    event = EventFactory()
    question = EventQuestionFactory(event=event, label="Dietary needs", required=True)
    registration = RegistrationFactory(event=event, user=member)
    Answer.objects.create(registration=registration, question=question, value="Halal")
    client.force_login(member)

    form_page = client.get(en("registration_edit", registration.pk)).content.decode()
    assert "Halal" in form_page
    invalid = client.post(en("registration_edit", registration.pk), {f"question_{question.pk}": ""})
    assert "This field is required." in invalid.content.decode()
    response = client.post(
        en("registration_edit", registration.pk), {f"question_{question.pk}": "Végétarien"}, follow=True
    )
    assert "Your answers have been saved." in response.content.decode()
    assert Answer.objects.get().value == "Végétarien"

    event.registration_closes_at = timezone.now() - timedelta(minutes=1)
    event.save()
    late = client.post(en("registration_edit", registration.pk), {f"question_{question.pk}": "Rien"})
    assert "answers can no longer be changed" in late.content.decode()
    assert Answer.objects.get().value == "Végétarien"
    ticket = client.get(en("registration", registration.pk)).content.decode()
    assert en("registration_edit", registration.pk) not in ticket


def test_the_owner_cancels_and_the_seat_goes_to_the_waitlist(client, member):
    event = EventFactory(capacity=1)
    category = CategoryFactory(event=event)
    registration = RegistrationFactory(event=event, category=category, user=member)
    waiting = RegistrationFactory(event=event, category=category, status="waitlisted", waitlisted_at=timezone.now())
    client.force_login(member)

    assert client.get(en("registration_cancel", registration.pk)).status_code == 405
    with committed():
        response = client.post(en("registration_cancel", registration.pk), follow=True)

    assert "Your registration has been cancelled." in response.content.decode()
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert (registration.status, waiting.status) == ("cancelled", "confirmed")
    assert {m.to[0] for m in mail.outbox} == {member.email, waiting.email}


def test_cancelling_after_the_event_started_shows_a_message(client, member):
    event = EventFactory(starts_at=timezone.now() - timedelta(hours=1))
    registration = RegistrationFactory(event=event, user=member)
    client.force_login(member)

    response = client.post(en("registration_cancel", registration.pk), follow=True)

    assert "The event has started" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"


# The guest's ticket page


def guest(**kwargs):
    return RegistrationFactory(user=None, email="guest@example.org", first_name="Youssef", last_name="Alaoui", **kwargs)


def test_the_guest_ticket_page_shows_the_ticket_and_offers_an_account(client):
    registration = guest()

    page = client.get(en("guest_ticket", registration.secret)).content.decode()

    assert "Youssef Alaoui" in page
    assert 'class="qr-code"' in page
    assert "Create my account" in page
    assert "?email=guest%40example.org" in page


def test_a_guest_edits_answers_and_cancels_through_the_secret_link(client):
    event = EventFactory()
    question = EventQuestionFactory(event=event, label="Lunch", kind="single", choices=["Fish", "Vegetarian"])
    registration = guest(event=event)
    answers_url = en("guest_answers", registration.secret)

    bad = client.post(answers_url, {f"question_{question.pk}": "Pizza"})
    assert "Select a valid choice." in bad.content.decode()
    client.post(answers_url, {f"question_{question.pk}": "Fish"})
    assert Answer.objects.get().value == "Fish"

    response = client.post(en("guest_cancel", registration.secret), follow=True)

    assert "Your registration has been cancelled." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert "<svg" not in response.content.decode()


def test_a_linked_guest_registration_is_no_longer_offered_an_account(client, member):
    registration = RegistrationFactory(user=member)

    page = client.get(en("guest_ticket", registration.secret)).content.decode()

    assert "Create my account" not in page


# My registrations and the dashboard


def test_my_registrations_lists_upcoming_and_past_with_ticket_links(client, member, other_member):
    now = timezone.now()
    upcoming = RegistrationFactory(user=member, event=EventFactory(title="Colloque à venir"))
    waiting = RegistrationFactory(
        user=member, event=EventFactory(title="Atelier complet"), status="waitlisted", waitlisted_at=now
    )
    past = RegistrationFactory(
        user=member,
        event=EventFactory(title="Colloque passé", starts_at=now - timedelta(days=9), ends_at=now - timedelta(days=8)),
    )
    RegistrationFactory(user=other_member, event=EventFactory(title="Pas le mien"))
    client.force_login(member)

    page = client.get(en("my_registrations")).content.decode()

    assert "Colloque à venir" in page
    assert "Atelier complet" in page
    assert "Colloque passé" in page
    assert "Pas le mien" not in page
    assert en("registration", upcoming.pk) in page
    assert en("registration", waiting.pk) in page
    assert "On the waitlist" in page
    assert page.index("Colloque à venir") < page.index("Colloque passé")
    assert en("registration", past.pk) in page


@pytest.mark.parametrize("n", [1, 5])
def test_my_registrations_runs_a_constant_number_of_queries(client, member, django_assert_num_queries, n):
    for _ in range(n):
        RegistrationFactory(user=member)
    client.force_login(member)

    # session, member, registrations with their events and categories, the navbar's unread messages
    with django_assert_num_queries(4):
        response = client.get(en("my_registrations"))

    assert response.status_code == 200


def test_the_dashboard_lists_upcoming_registrations_and_hides_when_there_are_none(client, member, rf):
    section = next(s for s in dashboard._sections.values() if s.key == "events")
    request = rf.get("/")
    request.user = member
    assert section.get_context(request) is None

    registration = RegistrationFactory(user=member, event=EventFactory(title="Colloque des 60 ans"))
    RegistrationFactory(user=member, status="cancelled")
    assert section.get_context(request) == {"registrations": [registration]}

    client.force_login(member)
    with translation.override("en"):
        page = client.get(reverse("dashboard")).content.decode()
    assert "Colloque des 60 ans" in page
    assert en("registration", registration.pk) in page
