"""Real parts that tests break on purpose: an SMTP server that refuses, stalls or drops, and a Redis of the
test's own that it stops and starts again. Nothing here is a mock: the platform talks to them over sockets."""

import asyncio
import email
import os
import shutil
import socket
import subprocess
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from tests.processes import free_port


@dataclass
class Received:
    message_id: str
    to: list
    subject: str
    message: email.message.Message


@dataclass
class SmtpSink:
    """An SMTP server on 127.0.0.1. ``mode``: "accept"; "refuse" (451 at DATA, as a relay that is over its
    limits); "drop" (takes the message, then hangs up before the 250: the client cannot know it went out);
    ``stall_seconds`` waits before answering RCPT (a slow relay: a sender can be killed meanwhile, before the
    message is accepted). ``stop()`` and ``start()``: a relay that is down (connection refused)."""

    port: int
    mode: str = "accept"
    stall_seconds: float = 0
    received: list = field(default_factory=list)
    dropped: list = field(default_factory=list)
    _controller: Controller | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # aiosmtpd handler hooks

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.stall_seconds:
            await asyncio.sleep(self.stall_seconds)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.mode == "refuse":
            return "451 4.3.0 Try again later"
        parsed = email.message_from_bytes(envelope.original_content or envelope.content)
        entry = Received(parsed["Message-ID"], list(envelope.rcpt_tos), str(parsed["Subject"]), parsed)
        with self._lock:
            if self.mode == "drop":
                self.dropped.append(entry)
                self.received.append(entry)  # it did arrive: only the answer is lost
                server.transport.abort()
                return "250 OK"
            self.received.append(entry)
        return "250 OK"

    # control

    def start(self):
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def message_ids(self) -> list:
        with self._lock:
            return [entry.message_id for entry in self.received]

    def to(self, address) -> list:
        with self._lock:
            return [entry for entry in self.received if address in entry.to]

    def wait_for(self, count, timeout=30) -> list:
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return list(self.received)


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server, and the platform's mail settings pointing at it."""
    sink = SmtpSink(port=free_port())
    sink.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    yield sink
    sink.stop()


@dataclass
class RedisServer:
    """A redis-server of the test's own, on its own port, that the test stops and starts."""

    port: int
    workdir: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


@contextmanager
def celery_broker(url):
    """Tasks are sent to the broker at ``url`` (not run in-process) inside the block. kombu keeps its
    connection and producer pools in process-wide registries: they are reset on the way in and out."""
    from kombu import pools

    from dimobel.celery import app

    previous = app.conf.broker_url

    def reset():
        pools.reset()
        app._pool = None
        app.amqp._producer_pool = None

    app.conf.broker_url = url
    app.conf.task_always_eager = False
    reset()
    try:
        yield app
    finally:
        app.conf.broker_url = previous
        app.conf.task_always_eager = True
        reset()


def require_redis_server():
    if shutil.which("redis-server") is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is needed for the fault tests")
        pytest.skip("needs redis-server")


@pytest.fixture
def redis_server(tmp_path):
    require_redis_server()
    server = RedisServer(port=free_port(), workdir=tmp_path)
    server.start()
    yield server
    server.stop()
