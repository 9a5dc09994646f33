"""What /healthz reports: each part of the platform, and one status.

- ``ok``: everything answers.
- ``degraded`` (still HTTP 200: the site serves pages): the cache or the broker is down, no worker has run the
  relay lately, or emails wait in the outbox longer than they should. The reasons say which.
- ``unavailable`` (HTTP 503): the database does not answer; nothing works without it.
"""

import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone

OK, DEGRADED, UNAVAILABLE = "ok", "degraded", "unavailable"
# An email still undelivered this long after it was queued means delivery is stuck (SMTP down or refusing, no
# worker): an operator should look.
OUTBOX_LATE_SECONDS = 300


def report() -> dict:
    checks = {"database": _database()}
    if checks["database"] != OK:
        return {"status": UNAVAILABLE, "checks": checks, "reasons": ["database"]}
    if settings.REDIS_URL:
        checks["cache"] = _redis(settings.CACHES["default"]["LOCATION"])
        checks["broker"] = _redis(settings.CELERY_BROKER_URL)
        try:
            checks["worker"] = _worker()
        except Exception:
            return {"status": UNAVAILABLE, "checks": {"database": "down"}, "reasons": ["database"]}
    else:
        checks["worker"] = "in-process"  # no broker: emails are delivered by the web process itself
    try:
        checks["outbox"] = _outbox()
    except Exception:  # the database went away between the two checks
        return {"status": UNAVAILABLE, "checks": {"database": "down"}, "reasons": ["database"]}
    reasons = [
        name
        for name, value in checks.items()
        if (value.get("status") if isinstance(value, dict) else value) not in (OK, "in-process")
    ]
    return {"status": DEGRADED if reasons else OK, "checks": checks, "reasons": reasons}


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return OK if cursor.fetchone() == (1,) else "down"
    except Exception:
        return "down"


def _redis(url) -> str:
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        return OK if client.ping() else "down"
    except Exception:
        return "down"


def _worker() -> dict:
    """The relay runs every minute on a worker (sent by beat) and records when: an old record means no worker
    (or no beat) is running."""
    from dimobel.models import Heartbeat
    from dimobel.outbox import RELAY_HEARTBEAT

    seen = Heartbeat.objects.filter(name=RELAY_HEARTBEAT).values_list("seen_at", flat=True).first()
    if seen is None:
        return {"status": "down", "last_seen_seconds": None}
    age = int((timezone.now() - seen).total_seconds())
    return {"status": OK if age <= settings.WORKER_HEARTBEAT_MAX_AGE else "down", "last_seen_seconds": age}


def _outbox() -> dict:
    from dimobel.outbox import backlog

    figures = backlog()
    if figures["failed_last_24h"]:
        status = "failed"  # emails gave up: someone should read their last error (Platform › Outbox)
    elif figures["oldest_waiting_seconds"] > OUTBOX_LATE_SECONDS:
        status = "late"  # SMTP down or no worker: emails wait
    else:
        status = OK
    return {"status": status, **figures}
