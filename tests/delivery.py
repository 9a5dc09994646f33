"""Emails in tests: the outbox delivers after the commit, and a test's own transaction never commits.

``committed()`` runs what a block queued for after its commit (the delivery of its emails, in-process since tests
run Celery eagerly) at the block's end, as a real commit would. ``sweep()`` is the reminder sweep under it."""

from contextlib import contextmanager

from django.test import TestCase

from dimobel import reminders


@contextmanager
def committed():
    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
        yield callbacks


def sweep(now=None, **kwargs) -> int:
    """``reminders.sweep`` whose emails leave as they would after each reminder's commit."""
    with committed():
        return reminders.sweep(now, **kwargs)
