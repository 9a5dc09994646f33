"""Redis (the cache and the Celery broker) stopped in the middle of the day: pages keep working, nothing is lost.

A redis-server of the test's own is stopped; a member then signs in, opens Mon espace, registers for an event,
enrols in a module, writes to another member and a visitor uses the contact form. None of it answers 5xx, and
every email of the outage goes out once (counted at a real SMTP server) when the relay runs after Redis is back.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from dimobel import outbox
from dimobel.models import OutboundEmail
from tests.factories import PASSWORD, CategoryFactory, EventFactory, ModuleFactory, ProfileFactory, UserFactory
from tests.faults.conftest import celery_broker

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def platform_on_redis(redis_server, settings):
    """The cache and the broker on the test's own Redis, with tasks sent to it (not run in-process)."""
    settings.REDIS_URL = redis_server.url
    settings.CACHES = {
        "default": {
            "BACKEND": "dimobel.cache.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    with celery_broker(redis_server.url):
        yield redis_server


def test_with_redis_down_every_page_works_and_every_email_goes_out_once_when_it_returns(
    client, platform_on_redis, smtp_sink
):
    member = UserFactory(email="amina@example.org", preferred_language="en")
    other = UserFactory(email="pieter@example.org", preferred_language="en")
    ProfileFactory(user=other)
    event = EventFactory(capacity=50)
    category = CategoryFactory(event=event)
    module = ModuleFactory()
    cache.set("warm", 1)
    assert cache.get("warm") == 1  # the cache really is Redis, and up

    platform_on_redis.stop()

    responses = {
        "login": client.post(url("account_login"), {"login": member.email, "password": PASSWORD}),
        "my space": client.get(url("dashboard")),
        "register": client.post(url("events:register", event.slug), {"category": category.pk}),
        "enrol": client.post(url("autumn_school:enrol", module.slug)),
        "message": client.post(url("network:write_to_member", other.pk), {"body": "Bonjour Pieter"}),
        "directory": client.get(url("network:directory")),
    }
    client.logout()
    responses["contact"] = client.post(
        url("pages:contact"),
        {"name": "Youssef", "email": "youssef@example.org", "subject": "Salon", "message": "Bonjour"},
    )

    assert {name: response.status_code for name, response in responses.items() if response.status_code >= 400} == {}
    assert "_auth_user_id" not in client.session  # logged out at the end; login worked (below)
    assert responses["login"].status_code == 302
    assert cache.get("warm") is None  # a miss, not an error
    queued = OutboundEmail.objects.filter(status=OutboundEmail.Status.QUEUED)
    # The ticket, the enrolment, the message notification and the contact form: all kept.
    assert sorted(queued.values_list("to_email", flat=True)) == [
        "amina@example.org",
        "amina@example.org",
        "contact@dimobel.org",
        "pieter@example.org",
    ]
    assert smtp_sink.received == []

    platform_on_redis.start()
    OutboundEmail.objects.update(next_attempt_at="2000-01-01T00:00:00Z")  # the message notification's minute
    outbox.relay()
    outbox.relay()

    ids = smtp_sink.message_ids()
    assert sorted(ids) == sorted(queued.model.objects.values_list("message_id", flat=True))
    assert len(ids) == len(set(ids)) == 4
    assert {entry.to[0] for entry in smtp_sink.received} >= {"amina@example.org", "pieter@example.org"}
