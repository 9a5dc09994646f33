"""The once-only reminder mechanism every app shares.

Each app may have a ``reminders.py`` module whose functions, decorated with ``@reminders.provider``,
yield the :class:`Reminder` objects due at a given time. The sweep records each reminder in
``SentReminder`` with ``INSERT … ON CONFLICT DO NOTHING`` and, in the same transaction, queues its email in the
outbox: a second sweep running at the same time waits on the row lock and then skips it; a crash before the
commit rolls both back, so the next sweep queues it again. Sending is the outbox's job (retries, and ``failed``
in the admin when it keeps failing). The sweep stops at a deadline and the next one goes on. Run it from Celery
beat (``dimobel.send_due_reminders``) or cron (``manage.py send_reminders``).
"""

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from celery.exceptions import SoftTimeLimitExceeded
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from dimobel.mail import queue_mail
from dimobel.models import SentReminder

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reminder:
    kind: str  # a stable name such as "events.registration.7d"
    obj: object  # the model instance the reminder is about
    recipient: object  # the member who receives it, or the email address of a guest without an account
    due_at: datetime
    template_prefix: str  # the email templates (see dimobel.mail)
    context: dict = field(default_factory=dict)
    language: str | None = None  # a guest's language; members get their preferred language


ReminderProvider = Callable[[datetime], Iterable[Reminder]]
_providers: list[ReminderProvider] = []


def provider(func: ReminderProvider) -> ReminderProvider:
    """Register a function that yields the reminders due at a given time."""
    if func not in _providers:
        _providers.append(func)
    return func


def unregister(func: ReminderProvider) -> None:
    if func in _providers:
        _providers.remove(func)


def providers() -> list[ReminderProvider]:
    return list(_providers)


def autodiscover() -> None:
    autodiscover_modules("reminders")


def due(now: datetime | None = None) -> list[Reminder]:
    now = now or timezone.now()
    return [reminder for func in providers() for reminder in func(now)]


def _claim(reminder: Reminder) -> int | None:
    """Record the reminder; its id only for the one sweep whose insert went in."""
    content_type = ContentType.objects.get_for_model(reminder.obj)
    recipient_id = getattr(reminder.recipient, "pk", None)  # None for a guest reached by address
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO dimobel_sentreminder (kind, content_type_id, object_id, recipient_id, due_at, sent_at)
            VALUES (%s, %s, %s, %s, %s, now())
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            [reminder.kind, content_type.pk, reminder.obj.pk, recipient_id, reminder.due_at],
        )
        row = cursor.fetchone()
        return row[0] if row else None


def send_once(reminder: Reminder) -> bool:
    """Queue one reminder's email unless it was queued already. Returns whether this call queued it."""
    with transaction.atomic():
        claimed = _claim(reminder)
        if claimed is None:
            return False
        context = {"object": reminder.obj, "recipient": reminder.recipient, **reminder.context}
        email = queue_mail(
            template_prefix=reminder.template_prefix,
            to=reminder.recipient,
            context=context,
            language=reminder.language,
            about=reminder.obj,
        )
        SentReminder.objects.filter(pk=claimed).update(email=email)
    return True


def sweep(now: datetime | None = None, *, seconds: float | None = None) -> int:
    """Queue every due reminder exactly once, until ``seconds`` have passed; returns how many this sweep queued.

    Each reminder is claimed and queued in its own short transaction, so a sweep stopped anywhere (its deadline,
    a time limit, a crash) keeps what it did, and the next one goes on with the rest."""
    deadline = time.monotonic() + seconds if seconds else None
    sent = 0
    for reminder in due(now):
        if deadline is not None and time.monotonic() >= deadline:
            logger.warning("reminder sweep stopped at its deadline; the next sweep goes on")
            break
        try:
            if send_once(reminder):
                sent += 1
        except SoftTimeLimitExceeded:
            raise
        except Exception:
            # Its row was rolled back, so the next sweep tries again; the others still go out.
            logger.exception("reminder %s to %s failed", reminder.kind, getattr(reminder.recipient, "pk", "a guest"))
    logger.info("reminder sweep queued %s reminder(s)", sent)
    return sent
