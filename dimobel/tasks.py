"""The platform's background work. Tasks take ids, re-fetch, call a service, and are safe to run twice."""

from celery import shared_task

from dimobel import orphan_files, outbox, reminders


@shared_task(name="dimobel.deliver_email", soft_time_limit=60, time_limit=90)
def deliver_email(*, email_id):
    """Deliver one outbox row. A failure reschedules the row itself (backoff), so the task never retries:
    the relay picks it up."""
    return outbox.deliver(email_id)


@shared_task(name="dimobel.relay_outbox", soft_time_limit=80, time_limit=110)
def relay_outbox():
    """Every minute (beat): deliver whatever is due and was not delivered. Records the worker's heartbeat."""
    return outbox.relay(seconds=50)


@shared_task(name="dimobel.purge_outbox", soft_time_limit=240, time_limit=280)
def purge_outbox():
    """Daily (beat): delivered and cancelled emails are kept OUTBOX_RETENTION_DAYS, then deleted."""
    return outbox.purge()


@shared_task(name="dimobel.send_due_reminders", soft_time_limit=240, time_limit=280)
def send_due_reminders():
    """The periodic reminder sweep (beat). Safe to run twice at once: each reminder is queued once. It stops
    at its deadline, well before the soft time limit; the next sweep goes on where it stopped."""
    return reminders.sweep(seconds=180)


@shared_task(name="dimobel.purge_orphan_files", soft_time_limit=1500, time_limit=1800)
def purge_orphan_files():
    """Weekly (beat): delete uploaded files that no row names any more (see dimobel.orphan_files). Safe to run
    twice, or to stop midway: what is left goes next time."""
    return len(orphan_files.purge_orphan_files())
