"""A real SMTP server that is down, refuses, or hangs up before its "250": the person sees no error, the change
is saved, and every email goes out once when the server is back. The page does not wait for the mail server:
the email is in the outbox, committed with the registration."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import translation

from dimobel import outbox
from dimobel.mail import queue_mail
from dimobel.models import OutboundEmail
from events.models import Registration
from events.services import registration as registrations
from tests.factories import CategoryFactory, EventFactory, RegistrationFactory, UserFactory

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]
Status = OutboundEmail.Status


def register_url(event):
    with translation.override("en"):
        return reverse("events:register", args=[event.slug])


def make_due_now():
    """The backoff would wait a minute: the operator's "retry now", or simply a minute later."""
    OutboundEmail.objects.filter(status=Status.QUEUED).update(next_attempt_at="2000-01-01T00:00:00Z")


def test_a_registration_made_while_smtp_is_down_is_confirmed_and_its_ticket_goes_out_once_after(client, smtp_sink):
    event = EventFactory(capacity=10)
    category = CategoryFactory(event=event)
    member = UserFactory(email="amina@example.org", preferred_language="en")
    client.force_login(member)
    smtp_sink.stop()

    response = client.post(register_url(event), {"category": category.pk}, follow=True)

    assert response.status_code == 200
    assert "You are registered" in response.content.decode() or "confirmed" in response.content.decode().lower()
    registration = Registration.objects.get(event=event, user=member)
    assert registration.status == Registration.Status.CONFIRMED
    ticket = OutboundEmail.objects.concerning(registration).get()
    assert ticket.status == Status.QUEUED
    assert ticket.attempts == 1
    assert "ConnectionRefusedError" in ticket.last_error

    smtp_sink.start()
    assert outbox.relay() == 0  # not due yet: the backoff holds it a minute
    make_due_now()
    assert outbox.relay() == 1
    assert outbox.relay() == 0

    received = smtp_sink.to("amina@example.org")
    assert len(received) == 1
    assert received[0].message_id == ticket.message_id
    assert {part.get_filename() for part in received[0].message.walk()} >= {"ticket-qr.png", f"{event.slug}.ics"}
    ticket.refresh_from_db()
    assert ticket.status == Status.SENT


def test_a_cancellation_while_smtp_refuses_promotes_the_waitlist_and_the_promoted_person_is_told_once(smtp_sink):
    event = EventFactory(capacity=1)
    category = CategoryFactory(event=event)
    holder = registrations.register_member(event=event, user=UserFactory(), category=category)
    waiting_member = UserFactory(email="youssef@example.org")
    waiting = registrations.register_member(event=event, user=waiting_member, category=category)
    assert waiting.status == Registration.Status.WAITLISTED
    smtp_sink.received.clear()
    smtp_sink.mode = "refuse"

    registrations.cancel(registration=holder)

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    promotion = OutboundEmail.objects.concerning(waiting).latest("created_at")
    assert promotion.status == Status.QUEUED
    assert "451" in promotion.last_error
    assert smtp_sink.received == []

    smtp_sink.mode = "accept"
    make_due_now()
    call_command("send_outbox", seconds=10)

    received = smtp_sink.to("youssef@example.org")
    assert [entry.message_id for entry in received] == [promotion.message_id]


def test_a_lost_250_is_resent_with_the_same_message_id(smtp_sink):
    smtp_sink.mode = "drop"
    email = queue_mail(template_prefix="emails/contact_message", to="team@example.org", language="fr", context={})
    email.refresh_from_db()
    assert email.status == Status.QUEUED  # the server took it, but we could not know

    smtp_sink.mode = "accept"
    make_due_now()
    outbox.relay()

    ids = smtp_sink.message_ids()
    assert ids == [email.message_id, email.message_id]  # a duplicate mail clients recognise as one message
    email.refresh_from_db()
    assert email.status == Status.SENT


def test_a_permanent_refusal_marks_the_email_failed_at_once(smtp_sink, settings):
    async def refuse(server, session, envelope, address, rcpt_options):
        return "550 5.1.1 No such mailbox"

    smtp_sink.handle_RCPT = refuse
    email = queue_mail(template_prefix="emails/contact_message", to="nobody@example.org", language="fr", context={})
    email.refresh_from_db()
    assert email.status == Status.FAILED
    assert "550" in email.last_error


def test_a_refusal_about_our_settings_is_retried_not_failed(smtp_sink):
    async def refuse_sender(server, session, envelope, address, mail_options):
        return "553 5.7.1 Sender address rejected: not owned by user"

    smtp_sink.handle_MAIL = refuse_sender
    email = queue_mail(template_prefix="emails/contact_message", to="team@example.org", language="fr", context={})
    email.refresh_from_db()
    assert email.status == Status.QUEUED  # the operator fixes DEFAULT_FROM_EMAIL, and it goes out
    assert "553" in email.last_error

    del smtp_sink.handle_MAIL
    make_due_now()
    assert outbox.relay() == 1
    assert smtp_sink.message_ids() == [email.message_id]


def test_an_email_that_keeps_failing_ends_failed_after_the_maximum_attempts(smtp_sink, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    smtp_sink.stop()
    email = queue_mail(template_prefix="emails/contact_message", to="team@example.org", language="fr", context={})
    for _ in range(5):
        make_due_now()
        outbox.relay(seconds=5)
    email.refresh_from_db()
    assert email.status == Status.FAILED
    assert email.attempts == 3
    assert "ConnectionRefusedError" in email.last_error


def test_two_relays_at_once_send_each_email_once(smtp_sink):
    smtp_sink.stop()
    event = EventFactory()
    category = CategoryFactory(event=event)
    people = [RegistrationFactory(event=event, category=category) for _ in range(30)]
    for registration in people:
        queue_mail(template_prefix="emails/contact_message", to=registration.email, language="fr", about=registration)
    assert OutboundEmail.objects.filter(status=Status.QUEUED).count() == 30
    smtp_sink.start()
    make_due_now()

    def relay():
        try:
            return outbox.relay(batch_size=7, seconds=20)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=3) as pool:
        sent = list(pool.map(lambda _: relay(), range(3)))

    assert sum(sent) == 30
    ids = smtp_sink.message_ids()
    assert len(ids) == 30
    assert len(set(ids)) == 30
    assert OutboundEmail.objects.filter(status=Status.SENT).count() == 30


def test_two_sweeps_and_two_relays_at_once_send_each_reminder_once(smtp_sink):
    """Reminders of a real kind (the event's 1-day reminder) while two beats overlap: counted at the SMTP server."""
    from datetime import timedelta

    from django.utils import timezone

    from dimobel import reminders

    event = EventFactory(
        starts_at=timezone.now() + timedelta(hours=20),
        ends_at=timezone.now() + timedelta(hours=30),
        registration_closes_at=timezone.now() + timedelta(hours=10),
    )
    category = CategoryFactory(event=event)
    people = [RegistrationFactory(event=event, category=category) for _ in range(12)]
    smtp_sink.stop()  # the sweeps only queue; the relays send

    def sweep():
        try:
            return reminders.sweep()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        queued = sum(pool.map(lambda _: sweep(), range(2)))
    assert queued == 12

    smtp_sink.start()
    make_due_now()

    def relay():
        try:
            return outbox.relay(batch_size=5, seconds=20)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        sent = sum(pool.map(lambda _: relay(), range(2)))

    assert sent == 12
    ids = smtp_sink.message_ids()
    assert len(ids) == len(set(ids)) == 12
    assert sorted(entry.to[0] for entry in smtp_sink.received) == sorted(p.email for p in people)
