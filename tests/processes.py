"""What the tests that start real servers share (the fault tests' Redis and Celery worker, the deployed stack):
free ports, waiting for something to come up, and the test database as a URL for another process."""

import socket
import time
from urllib.parse import quote

from django.db import connection


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout=60, step=0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def wait_for_port(port, timeout=60) -> None:
    def listening():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False

    if not wait_until(listening, timeout):
        raise RuntimeError(f"nothing listens on {port}")


def database_url() -> str:
    """The test database, as a URL another process can use (a TCP server, or the embedded one's socket)."""
    params = connection.settings_dict
    host = quote(params["HOST"] or "", safe="")
    user = quote(params["USER"] or "", safe="")
    password = f":{quote(params['PASSWORD'])}" if params["PASSWORD"] else ""
    port = f":{params['PORT']}" if params["PORT"] else ""
    return f"postgres://{user}{password}@{host}{port}/{params['NAME']}"
