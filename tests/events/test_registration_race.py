"""Capacity under concurrent registrations, with real parallel database connections (one per thread)."""

import random
import re

import pytest
from django.core import mail

from events.models import Registration
from events.selectors.registration import waitlist_position
from events.services import registration as services
from network.models import User
from tests.events.support import errors, race
from tests.factories import CategoryFactory, EventFactory

pytestmark = pytest.mark.django_db(transaction=True)


def members(count, prefix):
    return User.objects.bulk_create(
        User(email=f"{prefix}{i}@example.org", first_name="Racer", last_name=str(i), password="!") for i in range(count)
    )


def test_1000_attempts_for_300_seats_from_50_connections_give_300_confirmed_and_700_waitlisted():
    event = EventFactory(capacity=300)
    category = CategoryFactory(event=event)
    racers = members(1000, "racer")
    # 100 of them submit twice, from other threads, at the same time as everyone else.
    submissions = racers + random.sample(racers, 100)
    random.shuffle(submissions)
    attempts = [
        (lambda user=user: services.register_member(event=event, user=user, category=category)) for user in submissions
    ]

    outcomes = race(attempts, threads=50)

    assert errors(outcomes) == []
    rows = Registration.objects.filter(event=event)
    assert rows.count() == 1000
    assert rows.filter(status="confirmed").count() == 300
    assert rows.filter(status="waitlisted").count() == 700
    assert rows.values("user").distinct().count() == 1000
    assert sum(result.is_new for result in outcomes) == 1000  # the second submits returned the existing row
    assert len({result.pk for result in outcomes}) == 1000
    # Each new registration is told where it stands once its transaction commits: 300 tickets, 700 places in
    # the queue; a second submit sends nothing.
    assert len(mail.outbox) == 1000
    assert sum("ticket-qr.png" in [a[0] for a in message.attachments] for message in mail.outbox) == 300
    queue = list(rows.filter(status="waitlisted").order_by("waitlisted_at", "pk"))
    assert [waitlist_position(r) for r in (queue[0], queue[-1])] == [1, 700]


def test_a_category_capacity_holds_under_concurrent_registrations():
    event = EventFactory(capacity=None)
    students = CategoryFactory(event=event, name="Students", capacity=20)
    participants = CategoryFactory(event=event, name="Participants")
    racers = members(90, "student")
    attempts = [
        (
            lambda user=user, i=i: services.register_member(
                event=event, user=user, category=students if i < 60 else participants
            )
        )
        for i, user in enumerate(racers)
    ]

    assert errors(race(attempts, threads=20)) == []

    assert Registration.objects.filter(category=students, status="confirmed").count() == 20
    assert Registration.objects.filter(category=students, status="waitlisted").count() == 40
    assert Registration.objects.filter(category=participants, status="confirmed").count() == 30


def test_concurrent_cancellations_promote_the_waitlist_without_overbooking():
    event = EventFactory(capacity=20)
    category = CategoryFactory(event=event)
    racers = members(40, "leaver")
    placed = [services.register_member(event=event, user=user, category=category) for user in racers]
    holders = [r for r in placed if r.status == "confirmed"]
    assert len(holders) == 20

    assert errors(race([(lambda r=r: services.cancel(registration=r)) for r in holders[:15]])) == []

    rows = Registration.objects.filter(event=event)
    assert rows.filter(status="confirmed").count() == 20
    assert rows.filter(status="waitlisted").count() == 5
    assert rows.filter(status="cancelled").count() == 15


def test_the_waitlist_emails_of_200_concurrent_registrations_carry_positions_1_to_n_each_once():
    event = EventFactory(capacity=20)
    category = CategoryFactory(event=event)
    racers = members(200, "queue")
    for racer in racers:
        racer.preferred_language = "en"
    User.objects.bulk_update(racers, ["preferred_language"])
    attempts = [
        (lambda user=user: services.register_member(event=event, user=user, category=category)) for user in racers
    ]

    outcomes = race(attempts, threads=40)

    assert errors(outcomes) == []
    waitlisted = [m for m in mail.outbox if "on the waitlist, number" in m.body]
    positions = sorted(int(re.search(r"on the waitlist, number (\d+)", m.body).group(1)) for m in waitlisted)
    assert positions == list(range(1, 181))
    # Each person's email gives their own place in the queue, as the queue orders them.
    queue = list(Registration.objects.filter(event=event, status="waitlisted").order_by("waitlisted_at", "pk"))
    told = {m.to[0]: int(re.search(r"number (\d+)", m.body).group(1)) for m in waitlisted}
    assert [told[r.email] for r in queue] == list(range(1, 181))
