"""Delivering the outbox: at least once, with the same Message-ID on every attempt.

``dimobel.mail.queue_mail`` inserts a row in the caller's transaction; after the commit ``dispatch`` asks a Celery
worker to deliver it (``deliver``). A relay (Celery beat every minute, or ``manage.py send_outbox`` from cron)
delivers whatever is due and was not delivered: the broker was down, the worker died, the SMTP server refused.

A sender claims a row with a conditional UPDATE (queued and due, or ``sending`` whose lease ran out), so two
workers or two relays never send the same row at the same time. The lease covers a worker killed mid-send: the
row is claimed again once it expires. The only duplicate left is an SMTP server that accepted the message but
whose "250 OK" never reached us; the resend carries the same Message-ID, which mail clients recognise.
"""

import base64
import logging
import smtplib
import time
from contextlib import suppress
from datetime import timedelta

from celery import current_app
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F, Min, OuterRef, Q, Subquery
from django.utils import timezone

from dimobel.models import Heartbeat, OutboundEmail

logger = logging.getLogger(__name__)

Status = OutboundEmail.Status
BACKOFF_FIRST = timedelta(minutes=1)
BACKOFF_MAX = timedelta(hours=2)
RELAY_HEARTBEAT = "relay"
RETRYABLE = [Status.QUEUED, Status.FAILED, Status.CANCELLED]


def runs_eagerly() -> bool:
    """Without a broker (no REDIS_URL), tasks run in-process: the email is delivered right after the commit."""
    return bool(current_app.conf.task_always_eager)


def dispatch(email_id, not_before=None) -> None:
    """After the commit: ask a worker to deliver the row. A broker outage is logged, never raised into the
    response: the row is in the outbox and the relay delivers it later."""
    from dimobel.tasks import deliver_email

    try:
        if not_before is not None and not_before > timezone.now() and not runs_eagerly():
            deliver_email.apply_async(kwargs={"email_id": email_id}, eta=not_before)
        else:
            deliver_email.apply_async(kwargs={"email_id": email_id})
    except Exception as error:  # the broker is down, or an eager send failed in an unexpected way
        # One line per email: during an outage a traceback each would drown the log.
        logger.warning("outbox: email %s left for the relay (%s: %s)", email_id, type(error).__name__, error)


def lease() -> timedelta:
    """A sender that holds a row longer than this is taken for dead (OUTBOX_LEASE_SECONDS, five minutes: far
    above EMAIL_TIMEOUT and the delivery task's time limit)."""
    return timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4 … minutes after each failure, at most two hours apart."""
    return min(BACKOFF_FIRST * 2 ** max(attempts - 1, 0), BACKOFF_MAX)


def _claim(email_id, now) -> OutboundEmail | None:
    claimed = (
        OutboundEmail.objects.due(now)
        .filter(pk=email_id)
        .update(status=Status.SENDING, attempts=F("attempts") + 1, claimed_until=now + lease())
    )
    return OutboundEmail.objects.filter(pk=email_id).first() if claimed else None


def _message(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email,
        to=[email.to_email],
        reply_to=email.reply_to or None,
        headers={**email.headers, "Message-ID": email.message_id},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"])
    return message


def _is_permanent(error: Exception) -> bool:
    """A 5xx about this message (the mailbox does not exist, the content is refused) will not change by retrying.
    Every other refusal (authentication, sender, TLS, a server that is full) is about our settings or the server,
    and is retried: an operator fixes it, and the emails go out."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return isinstance(error, smtplib.SMTPDataError) and error.smtp_code >= 500


def deliver(email_id, *, connection=None) -> bool:
    """Send one row if it is due and nobody else holds it. True when this call sent it."""
    now = timezone.now()
    email = _claim(email_id, now)
    if email is None:
        return False
    max_attempts = settings.OUTBOX_MAX_ATTEMPTS
    if email.attempts > max_attempts:  # it kept killing its sender
        _fail(email, email.last_error or "gave up: the sender died on every attempt")
        return False
    try:
        connection = connection or get_connection()
        if not connection.send_messages([_message(email)]):
            raise smtplib.SMTPException("the mail backend sent nothing")
    except SoftTimeLimitExceeded:
        raise  # the lease brings it back; never swallowed
    except Exception as error:
        with suppress(Exception):
            connection.close()  # a broken SMTP session is not reused for the next email
        text = f"{type(error).__name__}: {error}"[:2000]
        if _is_permanent(error) or email.attempts >= max_attempts:
            _fail(email, text)
        else:
            _held(email).update(
                status=Status.QUEUED,
                claimed_until=None,
                last_error=text,
                next_attempt_at=timezone.now() + backoff(email.attempts),
            )
            logger.warning("outbox: email %s attempt %s failed: %s", email.pk, email.attempts, text)
        return False
    _held(email).update(status=Status.SENT, sent_at=timezone.now(), claimed_until=None)
    return True


def _held(email):
    """The row, only while this sender's claim is still the current one (its attempt number is the claim's
    token): a sender that outlived its lease cannot overwrite what the sender that took over wrote."""
    return OutboundEmail.objects.filter(pk=email.pk, status=Status.SENDING, attempts=email.attempts)


def _fail(email, text):
    _held(email).update(status=Status.FAILED, claimed_until=None, last_error=text)
    logger.error("outbox: email %s to %s failed for good: %s", email.pk, email.to_email, text)


def relay(*, batch_size=100, seconds=50.0) -> int:
    """Deliver what is due, oldest first, until nothing is due or ``seconds`` have passed. Safe to run twice at
    once. Returns how many this call sent."""
    Heartbeat.objects.update_or_create(name=RELAY_HEARTBEAT, defaults={"seen_at": timezone.now()})
    deadline = time.monotonic() + seconds
    sent = 0
    connection = get_connection()
    try:
        while time.monotonic() < deadline:
            ids = list(
                OutboundEmail.objects.due().order_by("next_attempt_at").values_list("pk", flat=True)[:batch_size]
            )
            if not ids:
                break
            progressed = False
            for email_id in ids:
                if time.monotonic() >= deadline:
                    break
                sent += deliver(email_id, connection=connection)
                progressed = True
            if not progressed:
                break
    finally:
        connection.close()
    if sent:
        logger.info("outbox relay sent %s email(s)", sent)
    return sent


def retry_now(queryset) -> int:
    """Admin: failed, cancelled or waiting emails go out at the next relay (or at once through a worker)."""
    retried = 0
    for email_id in queryset.filter(status__in=RETRYABLE).values_list("pk", flat=True):
        # Row by row, and only if it is still not being sent: a relay may claim it meanwhile.
        if OutboundEmail.objects.filter(pk=email_id, status__in=RETRYABLE).update(
            status=Status.QUEUED, next_attempt_at=timezone.now(), attempts=0, claimed_until=None
        ):
            dispatch(email_id)
            retried += 1
    return retried


def cancel(queryset) -> int:
    """Admin: emails not sent yet are not sent at all (also one whose sender died: its lease ran out)."""
    stuck = Q(status=Status.SENDING, claimed_until__lte=timezone.now())
    return queryset.filter(Q(status=Status.QUEUED) | stuck).update(status=Status.CANCELLED, claimed_until=None)


def purge(*, days=None) -> int:
    """Delivered and cancelled emails hold personal data: they are kept OUTBOX_RETENTION_DAYS, then deleted."""
    days = settings.OUTBOX_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _per_model = OutboundEmail.objects.filter(
        status__in=[Status.SENT, Status.CANCELLED], created_at__lt=cutoff
    ).delete()
    return deleted


def backlog(now=None) -> dict:
    """For /healthz and monitoring: how many emails are due now, how long the oldest email still waiting for
    delivery has waited since it was queued (whether it is due now or backing off after failures), and how many
    gave up in the last day."""
    now = now or timezone.now()
    due = OutboundEmail.objects.due(now).count()
    waiting = OutboundEmail.objects.pending().filter(Q(next_attempt_at__lte=now) | Q(attempts__gt=0))
    oldest = waiting.aggregate(oldest=Min("created_at"))["oldest"]
    failed = OutboundEmail.objects.filter(status=Status.FAILED, created_at__gte=now - timedelta(days=1)).count()
    return {
        "due": due,
        "oldest_waiting_seconds": int((now - oldest).total_seconds()) if oldest else 0,
        "failed_last_24h": failed,
    }


def latest_status(model, emails=None) -> Subquery:
    """For ``annotate()``: the status of the latest email (of ``emails``, or any) about each row of ``model``,
    so an organiser sees on a registration whether its ticket went out."""
    emails = OutboundEmail.objects.all() if emails is None else emails
    return Subquery(
        emails.filter(content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk"))
        .order_by("-created_at", "-pk")
        .values("status")[:1]
    )
