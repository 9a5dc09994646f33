"""Directory volume for benchmarks: ``DEBUG=1 python manage.py seed_demo --scale 100000``.

Bulk-creates ``scale`` fictional members with profiles (emails dir-000123@exemple.org, unusable passwords)
and ``scale // 5`` organisations, then builds their search vectors. Idempotent: it creates only what is
missing up to the target. Each row is drawn from its own seeded random generator, so a second run, or a
run on another machine, makes the same people.
"""

import random
import time
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import connection
from django.utils import timezone

from demo import registry
from demo.network.scale_texts import (
    CITIES,
    COUNTRY_WEIGHTS,
    DOMAINS,
    EXPERTISE,
    FIRST_NAMES,
    LANGUAGES,
    LAST_NAMES,
    ORGANISATION_DOMAINS,
    ORGANISATION_FORMS,
    ORGANISATION_WORDS,
    ROLES,
)
from network.models import HelpType, Organisation, OrganisationKind, Profile, Sector, User
from network.services.search import refresh_organisation_search, refresh_profile_search

BATCH = 5000
EMAIL = "dir-{:06d}@exemple.org"
ORGANISATION_SLUG = "dir-org-{:06d}"


def _pick_country(rng):
    return rng.choices([code for code, _weight in COUNTRY_WEIGHTS], [w for _code, w in COUNTRY_WEIGHTS])[0]


def _person(i, now, sectors, help_types):
    """Everything about fictional person number i, drawn from its own generator."""
    rng = random.Random(i)  # noqa: S311 (fictional demo data)
    country = _pick_country(rng)
    origin = country if country in FIRST_NAMES else rng.choice(["MA", "BE"])
    joined = now - timedelta(days=rng.randint(0, 3 * 365), minutes=rng.randint(0, 1440))
    return {
        "email": EMAIL.format(i),
        "first_name": rng.choice(FIRST_NAMES[origin]),
        "last_name": rng.choice(LAST_NAMES[origin if rng.random() < 0.85 else rng.choice(["MA", "BE", "FR"])]),
        "language": rng.choice(["fr", "fr", "nl", "ar", "en"]),
        "active": rng.random() > 0.01,
        "joined": joined,
        "headline": f"{rng.choice(ROLES)} · {rng.choice(DOMAINS)}, {rng.choice(CITIES[country])}",
        "bio": (
            f"Basé(e) à {rng.choice(CITIES[country])}, je travaille entre la Belgique et le Maroc "
            f"dans le domaine {rng.choice(DOMAINS)}."
        ),
        "country": country,
        "city": rng.choice(CITIES[country]),
        "languages": rng.sample(LANGUAGES[country], k=rng.randint(1, 3)),
        "expertise": rng.sample(EXPERTISE, k=rng.randint(0, 4)),
        "visibility": rng.choices(["members", "public", "hidden"], [60, 35, 5])[0],
        "sectors": rng.sample(sectors, k=min(len(sectors), rng.randint(1, 3))),
        "offers": rng.sample(help_types, k=min(len(help_types), rng.randint(1, 3))),
        "needs": rng.sample(help_types, k=min(len(help_types), rng.randint(0, 2))),
    }


def _seed_people(stdout, scale, now) -> list[int]:
    wanted = {EMAIL.format(i): i for i in range(1, scale + 1)}
    existing = set(
        User.objects.filter(email__startswith="dir-", email__endswith="@exemple.org").values_list("email", flat=True)
    )
    missing = [i for email, i in wanted.items() if email not in existing]
    sector_ids = list(Sector.objects.values_list("pk", flat=True))
    help_type_ids = list(HelpType.objects.values_list("pk", flat=True))
    unusable = make_password(None)  # "!…": nobody can log in as these people
    profile_ids = []
    for start in range(0, len(missing), BATCH):
        people = [_person(i, now, sector_ids, help_type_ids) for i in missing[start : start + BATCH]]
        users = User.objects.bulk_create(
            User(
                email=p["email"],
                first_name=p["first_name"],
                last_name=p["last_name"],
                preferred_language=p["language"],
                is_active=p["active"],
                date_joined=p["joined"],
                password=unusable,
            )
            for p in people
        )
        profiles = Profile.objects.bulk_create(
            Profile(
                user=user,
                headline=p["headline"],
                bio=p["bio"],
                country=p["country"],
                city=p["city"],
                languages=p["languages"],
                expertise=p["expertise"],
                visibility=p["visibility"],
                created_at=p["joined"],
            )
            for user, p in zip(users, people, strict=True)
        )
        for relation, key, column in [
            (Profile.sectors, "sectors", "sector_id"),
            (Profile.offers, "offers", "helptype_id"),
            (Profile.needs, "needs", "helptype_id"),
        ]:
            through = relation.through
            through.objects.bulk_create(
                through(profile_id=profile.pk, **{column: term})
                for profile, p in zip(profiles, people, strict=True)
                for term in p[key]
            )
        profile_ids.extend(profile.pk for profile in profiles)
        stdout.write(f"  directory scale: {start + len(people)}/{len(missing)} people")
    return profile_ids


def _organisation(i, now, kinds, sectors):
    rng = random.Random(-i)  # noqa: S311 (fictional demo data)
    kind_slug = rng.choice(list(kinds))
    country = _pick_country(rng)
    form = rng.choice(ORGANISATION_FORMS.get(kind_slug, ["{word} {domain}"]))
    name = form.format(word=rng.choice(ORGANISATION_WORDS), domain=rng.choice(ORGANISATION_DOMAINS))
    others = [code for code in ("BE", "MA") if code != country]
    return {
        "slug": ORGANISATION_SLUG.format(i),
        "name": f"{name} {i}" if rng.random() < 0.5 else name,
        "kind": kinds[kind_slug],
        "countries": [country, *others[: rng.randint(0, len(others))]],
        "city": rng.choice(CITIES[country]),
        "description": f"{name} accompagne les entreprises entre la Belgique et le Maroc.",
        "verified": rng.random() < 0.2,
        "published": rng.random() < 0.95,
        "created": now - timedelta(days=rng.randint(0, 5 * 365)),
        "size": rng.choice([choice for choice, _label in Organisation.Size.choices]),
        "sectors": rng.sample(sectors, k=min(len(sectors), rng.randint(1, 3))),
    }


def _seed_organisations(stdout, target, now) -> list[int]:
    wanted = {ORGANISATION_SLUG.format(i): i for i in range(1, target + 1)}
    existing = set(Organisation.objects.filter(slug__startswith="dir-org-").values_list("slug", flat=True))
    missing = [i for slug, i in wanted.items() if slug not in existing]
    kinds = {kind.slug: kind for kind in OrganisationKind.objects.all()}
    if not kinds:
        return []
    sector_ids = list(Sector.objects.values_list("pk", flat=True))
    organisation_ids = []
    for start in range(0, len(missing), BATCH):
        rows = [_organisation(i, now, kinds, sector_ids) for i in missing[start : start + BATCH]]
        organisations = Organisation.objects.bulk_create(
            Organisation(
                slug=row["slug"],
                name=row["name"],
                kind=row["kind"],
                countries=row["countries"],
                city=row["city"],
                description=row["description"],
                is_verified=row["verified"],
                is_published=row["published"],
                size=row["size"],
            )
            for row in rows
        )
        # created_at is auto_now_add: spread it afterwards so "newest" means something.
        Organisation.objects.bulk_update(
            [
                Organisation(pk=organisation.pk, created_at=row["created"])
                for organisation, row in zip(organisations, rows, strict=True)
            ],
            ["created_at"],
            batch_size=1000,
        )
        through = Organisation.sectors.through
        through.objects.bulk_create(
            through(organisation_id=organisation.pk, sector_id=sector)
            for organisation, row in zip(organisations, rows, strict=True)
            for sector in row["sectors"]
        )
        organisation_ids.extend(organisation.pk for organisation in organisations)
        stdout.write(f"  directory scale: {start + len(rows)}/{len(missing)} organisations")
    return organisation_ids


def _refresh_in_batches(refresh, ids):
    for start in range(0, len(ids), BATCH):
        refresh(ids[start : start + BATCH])


@registry.seeder(order=90)
def seed_scale(stdout, *, scale=0) -> int:
    """Bulk directory volume when ``scale`` > 0; in every case, search vectors for rows that lack one
    (the demo's own profiles and organisations are created without)."""
    started = time.monotonic()
    now = timezone.now()
    profile_ids = _seed_people(stdout, scale, now) if scale > 0 else []
    organisation_ids = _seed_organisations(stdout, scale // 5, now) if scale > 0 else []
    stale_profiles = list(Profile.objects.filter(search_vector__isnull=True).values_list("pk", flat=True))
    stale_organisations = list(Organisation.objects.filter(search_vector__isnull=True).values_list("pk", flat=True))
    _refresh_in_batches(refresh_profile_search, sorted(set(profile_ids) | set(stale_profiles)))
    _refresh_in_batches(refresh_organisation_search, sorted(set(organisation_ids) | set(stale_organisations)))
    if profile_ids or organisation_ids:
        with connection.cursor() as cursor:  # fresh planner statistics after a bulk load
            cursor.execute(
                "ANALYZE network_user, network_profile, network_profile_sectors, network_profile_offers, "
                "network_profile_needs, network_organisation, network_organisation_sectors"
            )
        stdout.write(
            f"  directory scale: {len(profile_ids)} people and {len(organisation_ids)} organisations "
            f"in {time.monotonic() - started:.0f}s"
        )
    return len(profile_ids) + len(organisation_ids)
