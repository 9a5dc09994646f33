"""Emails in tests: the outbox delivers after the commit, and a test's own transaction never commits.

``committed()`` runs what a block queued for after its commit (the delivery of its emails, in-process since tests
run Celery eagerly) at the block's end, as a real commit would. ``sweep()`` is the reminder sweep under it."""

from dimobel import reminders
from tests.helpers import committed

__all__ = ["committed", "sweep"]


def sweep(now=None, **kwargs) -> int:
    """``reminders.sweep`` whose emails leave as they would after each reminder's commit."""
    with committed():
        return reminders.sweep(now, **kwargs)
