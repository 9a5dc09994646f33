"""What the events tests share besides the factories: English URLs (site and admin), page text, "the
transaction commits", and races on real parallel database connections. The B2B world (an Oujda meeting,
participants, meetings) is in tests/events/test_b2b_support.py."""

import threading
from contextlib import contextmanager

from django.db import connection, connections

from tests.factories import CategoryFactory, EventFactory, RegistrationFactory, UserFactory
from tests.helpers import committed, english_url, login, page

__all__ = ["admin_url", "colloquium", "committed", "en", "errors", "login", "page", "race", "speaker_registration"]


def en(name, *args, query="") -> str:
    """The English URL of an events page (tests assert English text)."""
    return english_url(f"events:{name}", *args, query=query)


def colloquium():
    """The colloquium whose badges the badge tests print."""
    return EventFactory(title="Colloque des 60 ans", slug="colloque-60")


def speaker_registration(event, **fields):
    """Fatima Bennani, registered as a speaker: her badge shows the category in capitals."""
    return RegistrationFactory(
        event=event,
        category=CategoryFactory(event=event, name="Speaker"),
        user=UserFactory(first_name="Fatima", last_name="Bennani"),
        **fields,
    )


def admin_url(name, *args, query="") -> str:
    """The English URL of an events admin page, ``name`` without its ``admin:events_`` prefix."""
    return english_url(f"admin:events_{name}", *args, query=query)


@contextmanager
def _one_connection_per_thread():
    """dimobel.settings turns on psycopg's pool (a few connections shared by the process). A race wants as many
    real connections as threads, so the pool is off while it runs; each thread closes its own at the end."""
    settings_dict = connections["default"].settings_dict
    options = settings_dict["OPTIONS"]
    settings_dict["OPTIONS"] = {key: value for key, value in options.items() if key != "pool"}
    try:
        yield
    finally:
        settings_dict["OPTIONS"] = options


def race(calls, *, threads=None) -> list:
    """Run the calls from ``threads`` threads (one per call by default) released at the same moment, each thread
    on its own database connection. Returns each call's outcome in order: what it returned, or what it raised.
    Needs ``pytest.mark.django_db(transaction=True)``, so the threads see the test's rows."""
    calls = list(calls)
    threads = threads or len(calls)
    outcomes = [None] * len(calls)
    start = threading.Barrier(threads)

    def run(indexes):
        try:
            assert connection.pool is None
            start.wait(timeout=60)
            for index in indexes:
                try:
                    outcomes[index] = calls[index]()
                except Exception as error:
                    outcomes[index] = error
        finally:
            connection.close()

    workers = [threading.Thread(target=run, args=(range(i, len(calls), threads),)) for i in range(threads)]
    with _one_connection_per_thread():
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=300)
    return outcomes


def errors(outcomes) -> list:
    return [outcome for outcome in outcomes if isinstance(outcome, Exception)]
