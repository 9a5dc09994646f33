import threading
from datetime import timedelta

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from dimobel import outbox, reminders
from dimobel.models import OutboundEmail, SentReminder
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def welcome_reminders():
    """A provider that says every member is due a 'welcome' reminder about their own account."""

    def provider(now):
        from network.models import User

        for user in User.objects.order_by("pk"):
            yield reminders.Reminder(
                kind="tests.welcome",
                obj=user,
                recipient=user,
                due_at=now - timedelta(minutes=1),
                template_prefix="tests/emails/reminder",
                context={"label": "welcome"},
            )

    reminders.provider(provider)
    yield provider
    reminders.unregister(provider)


def test_a_sweep_sends_each_due_reminder_and_records_it(welcome_reminders):
    members = UserFactory.create_batch(3)

    assert reminders.sweep() == 3

    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.email for m in members)
    assert "welcome" in mail.outbox[0].body
    assert SentReminder.objects.filter(kind="tests.welcome").count() == 3


def test_a_second_sweep_sends_nothing_again(welcome_reminders):
    UserFactory.create_batch(2)
    reminders.sweep()

    assert reminders.sweep() == 0
    assert len(mail.outbox) == 2


def test_two_sweeps_running_at_the_same_time_send_every_reminder_exactly_once(welcome_reminders):
    members = UserFactory.create_batch(20)
    start = threading.Barrier(2)
    sent_counts = []

    def run_sweep():
        try:
            start.wait()
            sent_counts.append(reminders.sweep())
        finally:
            connection.close()

    threads = [threading.Thread(target=run_sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sum(sent_counts) == 20
    recipients = [m.to[0] for m in mail.outbox]
    assert sorted(recipients) == sorted(m.email for m in members)  # nobody twice, nobody missed


class FailOnceForBackend(locmem.EmailBackend):
    """An email backend whose SMTP server is down for one address, once: a crash mid-sweep."""

    failed = set()

    def send_messages(self, messages):
        for message in messages:
            address = message.to[0]
            if address.startswith("crash") and address not in self.failed:
                self.failed.add(address)
                raise ConnectionRefusedError("SMTP server went away")
        return super().send_messages(messages)


@override_settings(EMAIL_BACKEND="tests.dimobel.test_reminders.FailOnceForBackend")
def test_an_smtp_failure_during_the_sweep_loses_nothing_and_the_relay_sends_it_once(welcome_reminders):
    FailOnceForBackend.failed.clear()
    UserFactory(email="first@example.org")
    UserFactory(email="crash@example.org")
    UserFactory(email="last@example.org")

    assert reminders.sweep() == 3  # each reminder recorded and its email queued
    crashed = SentReminder.objects.select_related("email").get(recipient__email="crash@example.org")
    assert crashed.email.status == OutboundEmail.Status.QUEUED
    assert "SMTP server went away" in crashed.email.last_error
    assert reminders.sweep() == 0  # a reminder is never queued twice

    OutboundEmail.objects.update(next_attempt_at=timezone.now())
    outbox.relay()
    assert sorted(m.to[0] for m in mail.outbox) == ["crash@example.org", "first@example.org", "last@example.org"]


def test_a_sweep_stops_at_its_deadline_and_the_next_one_goes_on(welcome_reminders):
    UserFactory.create_batch(3)
    assert reminders.sweep(seconds=0.000001) == 0
    assert reminders.sweep() == 3


class TimeUp:
    def __str__(self):
        raise SoftTimeLimitExceeded


def test_the_sweep_never_swallows_its_time_limit():
    member = UserFactory()

    def provider(now):
        yield reminders.Reminder(
            kind="tests.slow",
            obj=member,
            recipient=member,
            due_at=now,
            template_prefix="tests/emails/reminder",
            context={"label": TimeUp()},
        )

    reminders.provider(provider)
    try:
        with pytest.raises(SoftTimeLimitExceeded):
            reminders.sweep()
    finally:
        reminders.unregister(provider)
    assert not SentReminder.objects.filter(kind="tests.slow").exists()  # rolled back: the next sweep sends it


def test_reminders_are_rendered_in_the_recipients_language(welcome_reminders):
    UserFactory(preferred_language="nl")

    reminders.sweep()

    assert mail.outbox[0].body.startswith("[nl]")


def test_the_management_command_runs_the_same_sweep(welcome_reminders, capsys):
    UserFactory.create_batch(2)

    call_command("send_reminders")
    call_command("send_reminders")

    assert len(mail.outbox) == 2
    assert "0 reminder(s) sent." in capsys.readouterr().out


def test_a_guest_without_an_account_is_reminded_once_at_their_address_in_their_language():
    """Guests (e.g. event registrants who never made an account) have no member row: the reminder goes to the
    address, and the object alone keeps it once-only."""
    about = UserFactory()  # any saved object will do as the reminder's subject

    def provider(now):
        yield reminders.Reminder(
            kind="tests.guest",
            obj=about,
            recipient="guest@example.org",
            due_at=now - timedelta(minutes=1),
            template_prefix="tests/emails/reminder",
            context={"label": "guest"},
            language="nl",
        )

    reminders.provider(provider)
    try:
        assert reminders.sweep() == 1
        assert reminders.sweep() == 0
    finally:
        reminders.unregister(provider)

    assert [m.to for m in mail.outbox] == [["guest@example.org"]]
    sent = SentReminder.objects.get(kind="tests.guest")
    assert sent.recipient is None
