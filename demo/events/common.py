"""What both demo events are built from: the organiser and the members named on them, and the steps that create
an event's setup, speakers, programme, registrations and answers in bulk (used by colloquium.py and oujda.py)."""

from datetime import datetime, time, timedelta
from itertools import cycle

from django.utils.text import slugify

from demo.network.content import FIRST_NAMES, LAST_NAMES
from events.models import (
    Answer,
    Category,
    Event,
    Question,
    Registration,
    Room,
    Session,
    Speaker,
    Track,
)

Status = Registration.Status
# An organiser named on both events (not staff: the dashboard, desk, badges and B2B overview, not the admin).
ORGANISER = ("evenements@dimobel.org", "Ines", "Vermeulen-Alaoui")
B2B_LOGIN = "hamid.ouchen@exemple.ma"
TICKET_HOLDER = "amina.elidrissi@exemple.be"
NAMED_MEMBERS = [
    "amina.elidrissi@exemple.be",
    "youssef.bouzid@exemple.ma",
    "sophie.dubois@exemple.be",
    "mehdi.tazi@exemple.ma",
    "lotte.peeters@exemple.be",
    "salma.bennani@exemple.ma",
]
# Where the guests without an account work ("": nowhere given).
GUEST_ORGANISATIONS = [
    "ULB", "UCLouvain", "KU Leuven", "UGent", "ULiège", "VUB", "Université Mohammed Premier d'Oujda",
    "Université Mohammed V de Rabat", "ENCG Oujda", "AWEX", "hub.brussels", "Enabel", "AMDIE",
    "CRI de l'Oriental", "Flanders Investment & Trade", "BECI", "Maroc PME", "Agence de l'Oriental",
    "Atlas Export Conseil", "Brabant Solar Partners", "LogiPort Anvers–Tanger Med", "Casablanca Fintech Hub", "",
]  # fmt: skip


def local_time(zone, day, clock) -> datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hours, minutes), tzinfo=zone)


def create_event(spec, zone) -> Event:
    fields = dict(spec["event"])
    for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
        day, clock = fields[name]
        fields[name] = local_time(zone, day, clock)
    return Event.objects.create(time_zone=str(zone), is_published=True, **fields)


def create_setup(event, spec) -> tuple[dict, dict, dict, dict]:
    """Categories, questions, rooms and tracks, by key."""
    categories = {}
    for position, (key, name, capacity, approval, invitation) in enumerate(spec["categories"], start=1):
        categories[key] = Category.objects.create(
            event=event,
            name=name,
            position=position,
            capacity=capacity,
            requires_approval=approval,
            visibility=Category.Visibility.INVITATION if invitation else Category.Visibility.PUBLIC,
        )
    questions = {}
    for position, (key, label, kind, choices, required) in enumerate(spec["questions"], start=1):
        questions[key] = Question.objects.create(
            event=event, position=position, label=label, kind=kind, choices=choices, required=required
        )
    rooms = {
        key: Room.objects.create(event=event, name=name, position=position, seats=seats)
        for position, (key, name, seats) in enumerate(spec["rooms"], start=1)
    }
    tracks = {key: Track.objects.create(event=event, name=name) for key, name in spec["tracks"].items()}
    return categories, questions, rooms, tracks


def create_speakers(event, externals, members) -> list[Speaker]:
    rows = [
        Speaker(event=event, name=name, slug=slugify(name), organisation_name=organisation, job_title=job, bio=bio)
        for name, organisation, job, bio in externals
    ]
    for user in members:
        profile = getattr(user, "profile", None)
        rows.append(
            Speaker(
                event=event,
                user=user,
                name=f"{user.first_name} {user.last_name}",
                slug=slugify(f"{user.first_name} {user.last_name}"),
                job_title=profile.headline if profile else "",
            )
        )
    return Speaker.objects.bulk_create(rows)


def create_programme(event, spec, rooms, tracks, speakers, zone) -> list[Session]:
    """The sessions of each day; speakers are dealt in turn, never to two sessions at the same time."""
    queue = cycle(speakers)
    busy: dict[int, list] = {}
    sessions, links = [], []
    for day_index, clock, minutes, kind, room, track, title, speaker_count, capacity in spec["programme"]:
        starts = local_time(zone, spec["days"][day_index], clock)
        ends = starts + timedelta(minutes=minutes)
        session = Session(
            event=event, kind=kind, title=title, room=rooms.get(room), track=tracks.get(track),
            starts_at=starts, ends_at=ends, capacity=capacity,
            abstract=spec["abstract"].format(title=title) if kind != Session.Kind.BREAK else "",
        )  # fmt: skip
        chosen = []
        for _attempt in range(len(speakers) * 2):
            if len(chosen) == speaker_count:
                break
            speaker = next(queue)
            if speaker not in chosen and all(e <= starts or s >= ends for s, e in busy.get(id(speaker), [])):
                chosen.append(speaker)
                busy.setdefault(id(speaker), []).append((starts, ends))
        sessions.append(session)
        links.append(chosen)
    sessions = Session.objects.bulk_create(sessions)
    Session.speakers.through.objects.bulk_create(
        Session.speakers.through(session_id=session.pk, speaker_id=speaker.pk)
        for session, chosen in zip(sessions, links, strict=True)
        for speaker in chosen
    )
    return sessions


def guest(rng, index, country) -> dict:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    domain = "exemple-be.org" if country == "BE" else "exemple-ma.org"
    return {
        "first_name": first,
        "last_name": last,
        "email": f"{slugify(first)}.{slugify(last)}.{index}@{domain}",
        "organisation_name": rng.choice(GUEST_ORGANISATIONS),
        "country": country,
        "language": rng.choice(["fr", "fr", "fr", "nl", "en", "ar"]),
    }


def person_of(user, country) -> dict:
    return {
        "user": user,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "country": country,
        "language": user.preferred_language,
    }


def create_registrations(event, plan, people, created_at, organiser, now) -> list[Registration]:
    """Registrations from a plan of (category, status, checked in), their times set after the insert (the
    ``created_at`` field is filled on insert)."""
    rows = []
    for (category, status, checked_in), person, when in zip(plan, people, created_at, strict=True):
        decided = min(when + timedelta(days=2), now)
        registration = Registration(event=event, category=category, status=status, **person)
        registration.email_confirmed_at = None if status == Status.AWAITING_EMAIL else when
        registration.confirmed_at = (
            (decided if category.requires_approval else when) if status == Status.CONFIRMED else None
        )
        registration.waitlisted_at = when if status == Status.WAITLISTED else None
        registration.cancelled_at = decided if status == Status.CANCELLED else None
        if checked_in:
            registration.checked_in_at, registration.checked_in_by = now - timedelta(minutes=len(rows)), organiser
        rows.append(registration)
    rows = Registration.objects.bulk_create(rows)
    for registration, when in zip(rows, created_at, strict=True):
        registration.created_at = when
    Registration.objects.bulk_update(rows, ["created_at"], batch_size=500)
    return rows


def registration_times(rng, count, opens, now) -> list[datetime]:
    """Registration times since registration opened: a first wave, then a steady flow."""
    span = (now - opens).total_seconds()
    return sorted(opens + timedelta(seconds=span * rng.betavariate(0.8, 1.3)) for _index in range(count))


def create_answers(rng, registrations, questions, texts) -> list[Answer]:
    rows = []
    for registration in registrations:
        for key, question in questions.items():
            value = texts[key](rng) if key in texts else None
            if question.kind == Question.Kind.SINGLE:
                value = rng.choices(question.choices, weights=range(len(question.choices) * 2, 0, -2))[0]
            elif question.kind == Question.Kind.MULTIPLE and rng.random() < 0.7:
                value = rng.sample(question.choices, rng.randint(1, 3))
            elif question.kind == Question.Kind.YES_NO:
                value = rng.random() < 0.85
            if value not in (None, "", []):
                rows.append(Answer(registration=registration, question=question, value=value))
    return Answer.objects.bulk_create(rows)
