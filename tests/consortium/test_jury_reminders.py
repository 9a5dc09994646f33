"""Jurors with pending reviews are reminded once, three days before the jury deadline."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from consortium import reminders as jury_reminders
from consortium.models import ReviewAssignment
from dimobel.models import SentReminder
from tests.consortium.helpers import call_in
from tests.delivery import sweep
from tests.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

KIND = "consortium.jury.deadline_3d"


def call_closing_in(delta, **kwargs):
    """A call in its jury review whose deadline is ``delta`` from now."""
    return call_in("review", review_closes_at=timezone.now() + delta, **kwargs)


def assign(call, juror, count=1, status=ReviewAssignment.Status.PENDING):
    for _ in range(count):
        ReviewAssignment.objects.create(
            project=ProjectFactory(call=call, status="eligible"), juror=juror, status=status
        )


def jury_emails():
    return [message for message in mail.outbox if "Jury deadline" in message.subject]


def test_jurors_with_pending_reviews_are_reminded_once_three_days_before_the_deadline():
    late = UserFactory(preferred_language="en", email="late@example.org")
    done = UserFactory(preferred_language="en", email="done@example.org")
    call = call_closing_in(timedelta(days=2, hours=23), title="Impulse 2026")
    assign(call, late, count=2)
    assign(call, late, status=ReviewAssignment.Status.SUBMITTED)
    assign(call, done, count=2, status=ReviewAssignment.Status.SUBMITTED)
    assign(call, done, status=ReviewAssignment.Status.CONFLICT)

    sweep()
    sweep()

    (email,) = jury_emails()
    assert email.to == ["late@example.org"]
    assert "Jury deadline in 3 days: Impulse 2026" in email.subject
    assert "2 of your reviews are still pending" in email.body
    with translation.override("en"):
        assert reverse("consortium:jury") in email.body
    assert SentReminder.objects.filter(kind=KIND).count() == 1


def test_the_reminder_waits_until_three_days_before_and_stops_at_the_deadline():
    juror = UserFactory(preferred_language="en")
    early = call_closing_in(timedelta(days=3, hours=1))
    past = call_closing_in(timedelta(days=-1))
    decided = call_closing_in(timedelta(days=1), decisions_published_at=timezone.now())
    for call in (early, past, decided):
        assign(call, juror)
    sweep()
    assert jury_emails() == []


def test_the_provider_yields_one_reminder_per_juror_and_call_with_the_pending_count():
    first, second = UserFactory(), UserFactory()
    call = call_closing_in(timedelta(days=1))
    other = call_closing_in(timedelta(days=2))
    assign(call, first, count=3)
    assign(other, first)
    assign(call, second)
    now = timezone.now()
    due = list(jury_reminders.jury_deadline(now))
    assert sorted((r.obj.pk, r.recipient.pk, r.context["pending"]) for r in due) == sorted(
        [(call.pk, first.pk, 3), (other.pk, first.pk, 1), (call.pk, second.pk, 1)]
    )
    assert {r.kind for r in due} == {KIND}
    assert all(r.due_at == r.obj.review_closes_at - timedelta(days=3) for r in due)


def test_the_reminder_is_in_the_jurors_language():
    juror = UserFactory(preferred_language="nl")
    call = call_closing_in(timedelta(days=1))
    assign(call, juror)
    (reminder,) = jury_reminders.jury_deadline(timezone.now())
    with translation.override("nl"):
        assert reminder.context["url"].endswith(reverse("consortium:jury"))
