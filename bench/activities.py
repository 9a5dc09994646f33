"""The activity apps with the demo's data: ms and queries per request for their main pages, and the
registration service's throughput. Figures only; the query budgets themselves are asserted in tests."""

import io
import time

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

RUNS = 10


def _timed(client, label, path):
    client.get(path)  # warm the template cache
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        for _ in range(RUNS):
            response = client.get(path)
        elapsed = time.perf_counter() - start
    print(
        f"{label:<34} {response.status_code} {elapsed / RUNS * 1000:7.1f} ms/request, {len(queries) / RUNS:.0f} queries"
    )


def bench_activities():
    from autumn_school.models import Module
    from events.models import Event, Registration
    from events.services.registration import register_member
    from network.models import User

    start = time.perf_counter()
    call_command("seed_demo", stdout=io.StringIO())
    print(f"seed_demo (every app's demo): {time.perf_counter() - start:.1f}s")

    module = Module.objects.published().order_by("pk").first()
    colloquium = Event.objects.filter(kind="colloquium").order_by("pk").first()
    oujda = Event.objects.filter(b2b_enabled=True).order_by("pk").first()

    visitor = Client()
    pages = [
        ("autumn school: catalogue", "/fr/autumn-school/"),
        ("autumn school: catalogue, search", "/fr/autumn-school/?q=financement"),
        ("autumn school: module", f"/fr/autumn-school/modules/{module.slug}/"),
        ("events: list", "/fr/events/"),
        ("events: colloquium", f"/fr/events/{colloquium.slug}/"),
        ("events: programme", f"/fr/events/{colloquium.slug}/programme/"),
        ("events: speakers", f"/fr/events/{colloquium.slug}/speakers/"),
        ("consortium: calls", "/fr/consortium/calls/"),
        ("consortium: members", "/fr/consortium/members/"),
        ("consortium: impact", "/fr/consortium/impact/"),
    ]
    for label, path in pages:
        _timed(visitor, label, path)

    organiser = Client()
    organiser.force_login(User.objects.get(email="organisatrice@dimobel.org"))
    _timed(organiser, "events: dashboard (organiser)", f"/fr/events/{colloquium.slug}/dashboard/")
    _timed(organiser, "events: B2B overview (organiser)", f"/fr/events/{oujda.slug}/b2b/overview/")
    _timed(organiser, "consortium: staff dashboard", "/fr/consortium/staff/dashboard/")

    learner = Client()
    learner.force_login(User.objects.get(email="apprenante@dimobel.org"))
    _timed(learner, "autumn school: my courses", "/fr/autumn-school/my-courses/")
    _timed(learner, "my space (dashboard)", "/fr/my-space/")

    # Registrations through the service (each locks the event row, decides the seat, queues the ticket email).
    members = User.objects.bulk_create(
        User(email=f"bench-reg{i}@example.org", first_name="Bench", last_name=str(i)) for i in range(300)
    )
    category = colloquium.categories.filter(visibility="public").order_by("position").first()
    start = time.perf_counter()
    for member in members:
        register_member(event=colloquium, user=member, category=category, answers={})
    elapsed = time.perf_counter() - start
    statuses = Registration.objects.filter(user__in=members).values_list("status", flat=True)
    print(
        f"registration service: {len(members)} registrations in {elapsed:.2f}s ({len(members) / elapsed:.0f}/s); "
        f"{sum(s == 'confirmed' for s in statuses)} confirmed, {sum(s == 'waitlisted' for s in statuses)} waitlisted"
    )
