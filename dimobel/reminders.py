"""The once-only reminder mechanism every app shares.

Each app may have a ``reminders.py`` module whose functions, decorated with ``@reminders.provider``,
yield the :class:`Reminder` objects due at a given time. The sweep records each reminder in
``SentReminder`` with ``INSERT … ON CONFLICT DO NOTHING`` and sends only what it inserted, inside the
same transaction: a second sweep running at the same time waits on the row lock and then skips it; a
crash before the email went out rolls the row back, so the retry sends it. Run it from Celery beat
(``dimobel.send_due_reminders``) or cron (``manage.py send_reminders``).
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from dimobel.mail import send_templated_mail

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


def _claim(reminder: Reminder) -> bool:
    """Record the reminder; True only for the one sweep whose insert went in."""
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
        return cursor.fetchone() is not None


def send_once(reminder: Reminder) -> bool:
    """Send one reminder unless it already went out. Returns whether this call sent it."""
    with transaction.atomic():
        if not _claim(reminder):
            return False
        context = {"object": reminder.obj, "recipient": reminder.recipient, **reminder.context}
        send_templated_mail(
            template_prefix=reminder.template_prefix, to=reminder.recipient, context=context, language=reminder.language
        )
    return True


def sweep(now: datetime | None = None) -> int:
    """Send every due reminder exactly once; returns how many this sweep sent."""
    sent = 0
    for reminder in due(now):
        try:
            if send_once(reminder):
                sent += 1
        except Exception:
            # Its row was rolled back, so the next sweep tries again; the others still go out.
            logger.exception("reminder %s to %s failed", reminder.kind, getattr(reminder.recipient, "pk", "a guest"))
    logger.info("reminder sweep sent %s reminder(s)", sent)
    return sent
