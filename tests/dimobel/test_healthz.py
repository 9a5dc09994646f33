"""/healthz for load balancers and monitoring: 200 ok, 200 degraded (with the reasons), 503 without a database.
The database-down case is in tests/faults/test_database_faults.py."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from dimobel import outbox
from dimobel.mail import queue_mail
from dimobel.models import Heartbeat, OutboundEmail

pytestmark = pytest.mark.django_db


def test_without_redis_everything_runs_in_process_and_healthz_is_ok(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["reasons"] == []
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["worker"] == "in-process"
    assert body["checks"]["outbox"] == {"status": "ok", "due": 0, "oldest_waiting_seconds": 0, "failed_last_24h": 0}


def test_a_redis_that_is_down_makes_the_site_degraded_not_unavailable(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    settings.CACHES = {"default": {"BACKEND": "dimobel.cache.ResilientRedisCache", "LOCATION": settings.REDIS_URL}}
    settings.CELERY_BROKER_URL = settings.REDIS_URL
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["cache"] == "down"
    assert body["checks"]["broker"] == "down"
    assert set(body["reasons"]) == {"cache", "broker", "worker"}


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a real Redis")
def test_with_redis_up_the_worker_is_alive_only_while_the_relay_runs(client, settings):
    settings.REDIS_URL = settings.CELERY_BROKER_URL = os.environ["REDIS_URL"]
    settings.CACHES = {"default": {"BACKEND": "dimobel.cache.ResilientRedisCache", "LOCATION": settings.REDIS_URL}}

    body = client.get("/healthz").json()
    assert (body["checks"]["cache"], body["checks"]["broker"]) == ("ok", "ok")
    assert body["checks"]["worker"]["status"] == "down"
    assert body["reasons"] == ["worker"]

    outbox.relay(seconds=1)  # what the worker runs every minute
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["checks"]["worker"]["status"] == "ok"

    Heartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=10))
    body = client.get("/healthz").json()
    assert body["checks"]["worker"] == {"status": "down", "last_seen_seconds": 600}


def test_emails_waiting_too_long_make_the_outbox_late(client, settings):
    settings.REDIS_URL = ""
    email = queue_mail(template_prefix="emails/contact_message", to="a@example.org", language="fr")
    # Queued 12 minutes ago, tried and failed since, backing off until its next attempt: still waiting.
    OutboundEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - timedelta(minutes=12),
        attempts=3,
        next_attempt_at=timezone.now() + timedelta(minutes=4),
    )

    body = client.get("/healthz").json()

    assert body["status"] == "degraded"
    assert body["reasons"] == ["outbox"]
    assert body["checks"]["outbox"]["status"] == "late"
    assert body["checks"]["outbox"]["due"] == 0
    assert body["checks"]["outbox"]["oldest_waiting_seconds"] >= 720


def test_an_email_that_gave_up_makes_the_outbox_failed_for_a_day(client, settings):
    settings.REDIS_URL = ""
    email = queue_mail(template_prefix="emails/contact_message", to="a@example.org", language="fr")
    OutboundEmail.objects.filter(pk=email.pk).update(status="failed", last_error="550 no such mailbox")

    body = client.get("/healthz").json()

    assert body["status"] == "degraded"
    assert body["checks"]["outbox"]["status"] == "failed"
    assert body["checks"]["outbox"]["failed_last_24h"] == 1


def test_a_message_notification_held_for_its_minute_is_not_late(client, settings):
    settings.REDIS_URL = ""
    email = queue_mail(template_prefix="emails/contact_message", to="a@example.org", language="fr")
    OutboundEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - timedelta(minutes=10), next_attempt_at=timezone.now() + timedelta(minutes=1)
    )
    assert client.get("/healthz").json()["status"] == "ok"


def test_healthz_answers_any_host_over_plain_http(client, settings):
    # Container health checks call it by IP, before host validation and the HTTPS redirect.
    settings.REDIS_URL = ""
    settings.ALLOWED_HOSTS = ["dimobel.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
