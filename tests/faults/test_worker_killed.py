"""A real Celery worker (a separate process, on a Redis of the test's own) whose pool child is killed with
SIGKILL while it is delivering an email: the email goes out once, later, and is not lost."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dimobel.mail import queue_mail
from dimobel.models import OutboundEmail
from dimobel.tasks import relay_outbox
from tests.faults.conftest import celery_broker
from tests.processes import database_url, wait_until

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def worker_env(redis_server, smtp_sink):
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": database_url(),
        "DATABASE_POOL": "0",
        "REDIS_URL": redis_server.url,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_sink.port),
        "EMAIL_USE_TLS": "0",
        "OUTBOX_LEASE_SECONDS": "3",
        "LOG_LEVEL": "WARNING",
    }
    with celery_broker(redis_server.url):
        yield env


def start_worker(env):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "dimobel",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def pool_children(pid) -> list[int]:
    """The worker's pool processes (Linux /proc: the parent pid is the 4th field of /proc/<pid>/stat)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def test_a_worker_child_killed_while_sending_loses_nothing_and_sends_once(worker_env, smtp_sink):
    smtp_sink.stall_seconds = 30  # the relay is slow: the worker is mid-send when it is killed
    worker = start_worker(worker_env)
    try:
        assert wait_until(lambda: pool_children(worker.pid), timeout=60), "the worker did not start"
        email = queue_mail(template_prefix="emails/contact_message", to="team@example.org", language="fr")

        def is_sending():
            email.refresh_from_db()
            return email.status == OutboundEmail.Status.SENDING

        assert wait_until(is_sending, timeout=60), "the worker never picked the email up"
        time.sleep(0.5)  # it is now waiting on the SMTP server
        for child in pool_children(worker.pid):
            os.kill(child, signal.SIGKILL)
        smtp_sink.stall_seconds = 0

        # The task comes back (rejected on worker lost) and, once the dead sender's lease expires, the relay
        # that beat sends every minute delivers it.
        time.sleep(3.5)
        relay_outbox.apply_async()
        assert wait_until(lambda: smtp_sink.received, timeout=60), "the email was lost"
        time.sleep(2)
        relay_outbox.apply_async()
        time.sleep(2)

        assert smtp_sink.message_ids() == [email.message_id]
        email.refresh_from_db()
        assert email.status == OutboundEmail.Status.SENT
        assert email.attempts == 2
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(10)
