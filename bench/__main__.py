"""Run every benchmark against a throw-away test database and print the figures."""

import os
import time
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dimobel.settings")
django.setup()

from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_databases, setup_test_environment, teardown_databases
from django.utils import timezone

from bench.activities import bench_activities
from bench.badges import bench_badges
from bench.directory import bench_directory
from dimobel import reminders


def bench_reminder_sweep(members=2000):
    from network.models import User

    User.objects.bulk_create(
        User(email=f"bench{i}@example.org", first_name="Bench", last_name=str(i)) for i in range(members)
    )

    def due(now):
        for user in User.objects.filter(email__startswith="bench"):
            yield reminders.Reminder("bench.sweep", user, user, now - timedelta(minutes=1), "bench/reminder")

    reminders.provider(due)
    try:
        start = time.perf_counter()
        sent = reminders.sweep()
        first = time.perf_counter() - start
        start = time.perf_counter()
        again = reminders.sweep()
        second = time.perf_counter() - start
    finally:
        reminders.unregister(due)
    print(f"reminder sweep: {sent} sent in {first:.2f}s ({sent / first:.0f}/s)")
    print(f"repeat sweep (all already sent): {again} sent in {second:.2f}s")


def bench_pages():
    client = Client()
    for path in ["/fr/", "/ar/", "/fr/accounts/login/", "/fr/privacy/"]:
        client.get(path)  # warm the template cache
        runs = 50
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            for _ in range(runs):
                client.get(path)
            elapsed = time.perf_counter() - start
        print(f"GET {path:<24} {elapsed / runs * 1000:6.1f} ms/request, {len(queries) / runs:.0f} queries")


def main():
    from django.conf import settings

    settings.TEMPLATES[0]["DIRS"].append(settings.BASE_DIR / "bench" / "templates")
    connection.settings_dict["TEST"]["NAME"] = "bench_dimobel"  # never the test suite's database
    setup_test_environment()
    mail.outbox = []
    old_config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    try:
        print(f"benchmarks at {timezone.now():%Y-%m-%d %H:%M} UTC on {connection.settings_dict['NAME']}")
        bench_pages()
        bench_reminder_sweep()
        bench_activities()
        bench_directory()
        bench_badges()
    finally:
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    main()
