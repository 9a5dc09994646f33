"""Reminders 7 days and 1 day before an event, to confirmed registrants, each sent once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from dimobel.models import SentReminder
from events.reminders import registration_reminders
from tests.delivery import sweep
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def event_starting_in(delta, **kwargs):
    now = timezone.now()
    return EventFactory(
        starts_at=now + delta,
        ends_at=now + delta + timedelta(hours=8),
        registration_opens_at=now - timedelta(days=30),
        registration_closes_at=now + delta - timedelta(hours=1),
        **kwargs,
    )


def test_a_week_before_confirmed_members_are_reminded_once_even_with_two_sweeps():
    event = event_starting_in(timedelta(days=5), title="Colloque des 60 ans")
    confirmed = RegistrationFactory(event=event, user=UserFactory(email="yes@example.org", preferred_language="en"))
    RegistrationFactory(event=event, status="cancelled")
    RegistrationFactory(event=event, status="waitlisted", waitlisted_at=timezone.now())
    RegistrationFactory(event=event, status="pending")

    assert sweep() == 1
    assert sweep() == 0

    assert [m.to for m in mail.outbox] == [["yes@example.org"]]
    message = mail.outbox[0]
    assert message.subject.endswith("In one week: Colloque des 60 ans")
    assert f"/en/events/registrations/{confirmed.pk}/" in message.body
    assert "Palais des Académies" in message.body
    assert SentReminder.objects.get().kind == "events.registration.7d"


def test_the_day_before_brings_the_second_reminder():
    event = event_starting_in(timedelta(hours=20), title="Rencontre d'Oujda", time_zone="Africa/Casablanca")
    RegistrationFactory(event=event, user=UserFactory(preferred_language="en"))

    assert sweep() == 1
    assert sweep() == 0
    assert mail.outbox[0].subject.endswith("Tomorrow: Rencontre d'Oujda")
    assert "Morocco (Africa/Casablanca)" in mail.outbox[0].body


def test_each_window_yields_only_its_own_reminder():
    now = timezone.now()
    registration = RegistrationFactory(event=event_starting_in(timedelta(days=3)))
    starts = registration.event.starts_at

    def kinds(at):
        return [r.kind for r in registration_reminders(at)]

    assert kinds(starts - timedelta(days=7, minutes=1)) == []
    assert kinds(starts - timedelta(days=7)) == ["events.registration.7d"]
    assert kinds(starts - timedelta(days=1, minutes=1)) == ["events.registration.7d"]
    assert kinds(starts - timedelta(days=1)) == ["events.registration.1d"]
    assert kinds(starts - timedelta(minutes=1)) == ["events.registration.1d"]
    assert kinds(starts) == []
    reminder = next(iter(registration_reminders(now)))
    assert (reminder.obj, reminder.recipient) == (registration, registration.user)
    assert reminder.due_at == starts - timedelta(days=7)


def test_confirmed_guests_are_reminded_once_at_their_address_in_their_language():
    event = event_starting_in(timedelta(days=5), title="Colloque des 60 ans")
    guest = RegistrationFactory(event=event, user=None, email="guest@example.org", first_name="Sara", language="en")
    RegistrationFactory(event=event, user=None, email="unconfirmed@example.org", status="unconfirmed")

    assert sweep() == 1
    assert sweep() == 0

    [message] = mail.outbox
    assert message.to == ["guest@example.org"]
    assert message.subject.endswith("In one week: Colloque des 60 ans")
    assert "Hello Sara," in message.body
    assert f"/en/events/tickets/{guest.secret}/" in message.body  # their secret link: they have no account
    sent = SentReminder.objects.get()
    assert (sent.recipient, sent.object_id) == (None, guest.pk)


def test_a_guest_who_links_an_account_is_not_reminded_twice():
    event = event_starting_in(timedelta(days=5))
    guest = RegistrationFactory(event=event, user=None, email="sara@example.org")
    assert sweep() == 1

    guest.user = UserFactory(email="sara@example.org")
    guest.save()

    assert sweep() == 0
    assert len(mail.outbox) == 1


def test_events_further_than_a_week_away_are_not_reminded_yet():
    RegistrationFactory(event=event_starting_in(timedelta(days=10)))

    assert sweep() == 0
