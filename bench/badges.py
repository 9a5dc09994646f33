"""Badge sheets for a large event: the PDF for 1,000 confirmed registrations (a mix of Latin and Arabic names,
long organisations), drawn directly and through the background job, in ms. A figure, not a test."""

import time
from datetime import timedelta

from django.utils import timezone

PEOPLE = 1000


def _event_with_registrations(people):
    from events.models import Category, Event, Registration

    now = timezone.now()
    event = Event.objects.create(
        kind="colloquium", title="Colloque des 60 ans de l'accord belgo-marocain", slug="bench-badges",
        city="Bruxelles", country="BE", time_zone="Europe/Brussels", starts_at=now + timedelta(days=30),
        ends_at=now + timedelta(days=31), registration_opens_at=now - timedelta(days=10),
        registration_closes_at=now + timedelta(days=29), is_published=True,
    )  # fmt: skip
    categories = [
        Category.objects.create(event=event, name=name, position=index)
        for index, name in enumerate(["Participant", "Intervenant", "Presse", "مشارك"])
    ]
    Registration.objects.bulk_create(
        Registration(
            event=event,
            category=categories[index % len(categories)],
            email=f"bench-badge{index}@example.org",
            first_name="فاطمة الزهراء" if index % 5 == 0 else f"Jean-Baptiste {index}",
            last_name="بناني" if index % 5 == 0 else "Van den Broeck-Oulad Ahmed",
            organisation_name="جامعة محمد الأول" if index % 5 == 0 else "Université libre de Bruxelles – Solvay",
            status=Registration.Status.CONFIRMED,
            confirmed_at=now,
        )
        for index in range(people)
    )
    return event


def bench_badges(people=PEOPLE):
    from events.badges import badge_sheet_pdf
    from events.models import BadgeSheetJob
    from events.selectors.badges import sheet_registrations
    from events.services.badges import render_badge_sheet
    from network.models import User

    event = _event_with_registrations(people)
    badge_sheet_pdf(event, sheet_registrations(event)[:4])  # fonts and caches warm, as in a running worker

    start = time.perf_counter()
    data = badge_sheet_pdf(event, sheet_registrations(event))
    elapsed = time.perf_counter() - start
    print(
        f"badge sheet, {people} people: {elapsed * 1000:.0f} ms ({elapsed * 1000 / people:.1f} ms/badge), "
        f"{len(data) / 1024 / 1024:.1f} MiB"
    )

    organiser = User.objects.create(email="bench-badges@example.org", first_name="Bench", last_name="Organiser")
    job = BadgeSheetJob.objects.create(event=event, requested_by=organiser, total=people)
    start = time.perf_counter()
    render_badge_sheet(job_id=job.pk)
    elapsed = time.perf_counter() - start
    print(f"badge sheet job (query, draw, store), {people} people: {elapsed * 1000:.0f} ms")
