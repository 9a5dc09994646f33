"""A real Celery worker against real Redis: an email queued in the outbox goes out after the commit.

Runs when REDIS_URL is set (CI sets it); without Redis there is no broker to test against.
"""

import os
import time

import pytest
from django.core import mail
from django.db import transaction

from dimobel.celery import app
from dimobel.mail import queue_mail
from dimobel.models import OutboundEmail

pytestmark = [
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (a real Redis)"),
]


@pytest.fixture(scope="session")
def celery_worker_parameters():
    # Our app has no result backend (tasks report through their effects), so skip the ping round-trip.
    return {"perform_ping_check": False, "queues": ["celery"]}


@pytest.fixture(scope="session")
def celery_worker_pool():
    return "solo"


@pytest.fixture
def celery_app():
    app.conf.task_always_eager = False
    yield app
    app.conf.task_always_eager = True


def test_a_queued_email_is_sent_by_a_real_worker(celery_app, celery_worker, member):
    with transaction.atomic():
        email = queue_mail(
            template_prefix="emails/contact_message",
            to="team@example.org",
            language="en",
            context={"name": "Amina", "email": "amina@example.org", "subject": "Partnership", "message": "Hello"},
        )
        assert mail.outbox == []  # nothing leaves before the transaction commits

    deadline = time.monotonic() + 30
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.1)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["team@example.org"]
    assert "Partnership" in mail.outbox[0].subject
    assert "Hello" in mail.outbox[0].body
    assert mail.outbox[0].extra_headers["Message-ID"] == email.message_id
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
