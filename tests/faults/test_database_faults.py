"""The database drops its connections (a restart, a failover) or refuses new ones. Requests go through a real
threaded WSGI server (live_server), as in production, where each request checks its connection out of the pool:
the next request is served by a fresh connection, and while the server is away visitors get a translated 503
page, never a 500."""

import json
import urllib.error
import urllib.request

import psycopg
import pytest
from django.db import connection, connections

from tests.factories import EventFactory

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fresh_pool")]


@pytest.fixture
def fresh_pool():
    """A pool of this test's own, as each gunicorn worker has: earlier tests of this process (in-process Celery
    workers, browser sessions) may still hold pooled connections that the terminated server would leave dead."""
    connections["default"].close_pool()
    yield
    connections["default"].close_pool()


def admin_connection():
    """A connection of its own to the server's maintenance database, as an operator's psql would be."""
    params = connection.get_connection_params()
    for key in ("cursor_factory", "context", "prepare_threshold"):
        params.pop(key, None)
    params["dbname"] = "postgres"
    return psycopg.connect(**params, autocommit=True)


def terminate_backends(dbname):
    with admin_connection() as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [dbname],
        )
    connection.close()  # the test's own connection was one of them


def get(url):
    """(status, headers, body) of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (the test's own server)
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_after_the_database_drops_every_connection_the_next_request_is_served(live_server):
    EventFactory(title="Rencontre d'Oujda")
    assert get(live_server.url + "/en/events/")[0] == 200

    terminate_backends(connection.settings_dict["NAME"])

    statuses = [get(live_server.url + "/en/events/")[0] for _ in range(5)]
    assert statuses == [200] * 5
    assert "Oujda" in get(live_server.url + "/en/events/")[2]


def test_while_the_database_refuses_connections_visitors_get_a_translated_503_page(live_server):
    dbname = connection.settings_dict["NAME"]
    with admin_connection() as admin:
        admin.execute(f'ALTER DATABASE "{dbname}" ALLOW_CONNECTIONS false')
    try:
        terminate_backends(dbname)
        status, headers, page = get(live_server.url + "/ar/events/")
        health_status, _headers, health = get(live_server.url + "/healthz")
    finally:
        with admin_connection() as admin:
            admin.execute(f'ALTER DATABASE "{dbname}" ALLOW_CONNECTIONS true')

    assert status == 503
    assert headers["Retry-After"] == "30"
    assert '<html lang="ar" dir="rtl">' in page
    assert "المنصة غير متاحة مؤقتًا" in page  # "The platform is temporarily unavailable"
    assert health_status == 503
    assert json.loads(health) == {"status": "unavailable", "checks": {"database": "down"}, "reasons": ["database"]}
    assert get(live_server.url + "/en/events/")[0] == 200  # and back to normal at once
