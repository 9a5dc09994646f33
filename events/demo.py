"""The events' demo: the Brussels colloquium for the 60 years of the bilateral agreement (three days, a full
programme, about 40 speakers and 250 registrations in every state) and the Oujda meeting of business-support
professionals (B2B meetings: about 80 participants and meetings in every state).

Everything is fictional and deterministic (fixed seeds); each event is found again by its slug and created only
when missing. Rows are bulk-created, so the seeder takes seconds, and nobody is emailed: meetings and their
seats are written as the B2B service writes them, and the database's constraints (nobody booked twice, no
table used twice in a slot) check the result.
"""

import random
from datetime import datetime, time, timedelta
from itertools import cycle
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.text import slugify

from dimobel import demo
from events.b2b import slots as b2b_slots
from events.demo_texts import (
    COLLOQUIUM,
    EXTERNAL_SPEAKERS,
    GUEST_ORGANISATIONS,
    MEETING_NOTES,
    OUJDA,
    OUJDA_PROFESSIONALS,
)
from events.models import (
    Answer,
    B2BParticipant,
    Category,
    Event,
    Meeting,
    MeetingBlock,
    MeetingSeat,
    Question,
    Registration,
    Room,
    Session,
    Speaker,
    Track,
    WorkshopSignup,
)
from network.demo import DEMO_TOTP_SECRETS, activate_demo_totp
from network.demo_content import FIRST_NAMES, LAST_NAMES
from network.models import HelpType, Profile, Sector, User

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


@demo.seeder(order=50)
def seed_events(stdout, *, scale=0) -> int:
    now = timezone.now()
    members = _network_members()
    organiser, created = _organiser(now)
    created += _seed_colloquium(members, organiser, now) + _seed_oujda(members, organiser, now)
    note = f"(events: dashboards, check-in desk, badges, B2B overview; TOTP secret {DEMO_TOTP_SECRETS[ORGANISER[0]]})"
    demo.add_login("event organiser", ORGANISER[0], note)
    demo.add_login("B2B participant", B2B_LOGIN, "(events: Oujda B2B meetings, a request to answer)")
    return created


def _organiser(now) -> tuple[User, int]:
    email, first_name, last_name = ORGANISER
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user, activate_demo_totp(user)
    user = User.objects.create_user(
        email=email, password=demo.DEMO_PASSWORD, first_name=first_name, last_name=last_name,
        preferred_language="fr", terms_version="2026-11-24", privacy_version="2026-11-24", consented_at=now,
    )  # fmt: skip
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    # The desk, badges and dashboard need two-factor authentication: the organiser's secret is in the README.
    return user, 1 + activate_demo_totp(user)


def _network_members() -> list[User]:
    """The network demo's members, named ones first (they may be missing if the network seeders did not run)."""
    emails = NAMED_MEMBERS + [f"membre{index:02d}@exemple.org" for index in range(1, 61)]
    found = {user.email: user for user in User.objects.filter(email__in=emails)}
    return [found[email] for email in emails if email in found]


def _local(zone, day, clock) -> datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hours, minutes), tzinfo=zone)


def _event(spec, zone) -> Event:
    fields = dict(spec["event"])
    for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
        day, clock = fields[name]
        fields[name] = _local(zone, day, clock)
    return Event.objects.create(time_zone=str(zone), is_published=True, **fields)


def _setup(event, spec) -> tuple[dict, dict, dict, dict]:
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


def _speakers(event, externals, members) -> list[Speaker]:
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


def _programme(event, spec, rooms, tracks, speakers, zone) -> list[Session]:
    """The sessions of each day; speakers are dealt in turn, never to two sessions at the same time."""
    queue = cycle(speakers)
    busy: dict[int, list] = {}
    sessions, links = [], []
    for day_index, clock, minutes, kind, room, track, title, speaker_count, capacity in spec["programme"]:
        starts = _local(zone, spec["days"][day_index], clock)
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


def _guest(rng, index, country) -> dict:
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


def _person(user, country) -> dict:
    return {
        "user": user,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "country": country,
        "language": user.preferred_language,
    }


def _registrations(event, plan, people, created_at, organiser, now) -> list[Registration]:
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


def _times(rng, count, opens, now) -> list[datetime]:
    """Registration times since registration opened: a first wave, then a steady flow."""
    span = (now - opens).total_seconds()
    return sorted(opens + timedelta(seconds=span * rng.betavariate(0.8, 1.3)) for _index in range(count))


def _answers(rng, registrations, questions, texts) -> list[Answer]:
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


# The Brussels colloquium


def _seed_colloquium(members, organiser, now) -> int:
    spec = COLLOQUIUM
    if Event.objects.filter(slug=spec["event"]["slug"]).exists():
        return 0
    rng = random.Random(1964)  # noqa: S311 (demo data, not cryptography)
    zone = ZoneInfo("Europe/Brussels")
    event = _event(spec, zone)
    event.organisers.add(organiser)
    categories, questions, rooms, tracks = _setup(event, spec)
    speaker_members = [user for user in members if user.email != TICKET_HOLDER][:8]
    speakers = _speakers(event, EXTERNAL_SPEAKERS, speaker_members)
    sessions = _programme(event, spec, rooms, tracks, speakers, zone)

    plan = []
    for key, status, count in spec["registrations"]:
        plan += [(categories[key], status, False)] * count
    for index in rng.sample([i for i, row in enumerate(plan) if row[1] == Status.CONFIRMED], 24):
        plan[index] = (*plan[index][:2], True)
    people = [None] * len(plan)
    # Members fill some seats (the demo login a plain confirmed one, first); guests without an account the rest.
    open_to_members = [
        index
        for index, (category, status, _checked_in) in enumerate(plan)
        if category != categories["press"] and status != Status.AWAITING_EMAIL
    ]
    first = next(i for i in open_to_members if plan[i][:2] == (categories["participant"], Status.CONFIRMED))
    open_to_members.remove(first)
    plan[first] = (categories["participant"], Status.CONFIRMED, False)
    registering = [user for user in members if user not in speaker_members]
    for index, user in zip([first, *open_to_members], registering, strict=False):
        people[index] = _person(user, rng.choice(["BE", "BE", "MA"]))
    for index, person in enumerate(people):
        people[index] = person or _guest(rng, index, rng.choice(["BE", "BE", "BE", "MA", "MA", "FR", "NL"]))
    # Each speaker registers in the speakers' category.
    for speaker in speakers:
        plan.append((categories["speaker"], Status.CONFIRMED, False))
        if speaker.user_id:
            people.append(_person(speaker.user, rng.choice(["BE", "MA"])))
        else:
            first_name, last_name = speaker.name.split(" ", 1)
            country = "MA" if "Maroc" in speaker.organisation_name or "Oujda" in speaker.organisation_name else "BE"
            people.append(
                {
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{speaker.slug}@exemple-intervenants.org",
                    "organisation_name": speaker.organisation_name,
                    "job_title": speaker.job_title,
                    "country": country,
                    "language": "fr",
                }
            )
    pairs = list(zip(plan, people, strict=True))
    rng.shuffle(pairs)
    pairs.sort(key=lambda pair: pair[0][1] == Status.WAITLISTED)  # the waitlist formed once the seats had gone
    plan, people = [pair[0] for pair in pairs], [pair[1] for pair in pairs]
    opens = event.registration_opens_at
    registrations = _registrations(event, plan, people, _times(rng, len(plan), opens, now), organiser, now)
    answers = _answers(rng, registrations, questions, spec["answer_texts"])
    confirmed = [r for r in registrations if r.status == Status.CONFIRMED]
    signups = [
        WorkshopSignup(session=session, registration=registration)
        for session in sessions
        if session.capacity
        for registration in rng.sample(confirmed, rng.randint(session.capacity // 2, session.capacity))
    ]
    WorkshopSignup.objects.bulk_create(signups)
    setup_rows = len(categories) + len(questions) + len(rooms) + len(tracks)
    return 1 + setup_rows + len(speakers) + len(sessions) + len(registrations) + len(answers) + len(signups)


# The Oujda meeting


def _professionals(now) -> list[User]:
    """Business-support professionals of the Oriental, members with a profile (offers and needs)."""
    password = make_password(demo.DEMO_PASSWORD)  # hashed once: the slow part of creating accounts
    existing = set(
        User.objects.filter(email__in=[row[2] for row in OUJDA_PROFESSIONALS]).values_list("email", flat=True)
    )
    new = [row for row in OUJDA_PROFESSIONALS if row[2] not in existing]
    users = User.objects.bulk_create(
        User(
            email=email, password=password, first_name=first, last_name=last, preferred_language="fr",
            terms_version="2026-11-24", privacy_version="2026-11-24", consented_at=now,
        )
        for first, last, email, *_rest in new
    )  # fmt: skip
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, primary=True, verified=True) for user in users
    )
    profiles = Profile.objects.bulk_create(
        Profile(
            user=user, headline=headline, country="MA", city=city, languages=["fr", "ar"],
            bio="Accompagnement des entrepreneurs de l'Oriental.", visibility=Profile.Visibility.MEMBERS,
        )
        for user, (_first, _last, _email, headline, city, _sectors, _offers, _needs) in zip(users, new, strict=True)
    )  # fmt: skip
    sectors = {row.slug: row.pk for row in Sector.objects.all()}
    helps = {row.slug: row.pk for row in HelpType.objects.all()}
    for field, column, terms, index in (("sectors", "sector_id", sectors, 5), ("offers", "helptype_id", helps, 6),
                                        ("needs", "helptype_id", helps, 7)):  # fmt: skip
        through = getattr(Profile, field).through
        through.objects.bulk_create(
            through(profile_id=profile.pk, **{column: terms[slug]})
            for profile, row in zip(profiles, new, strict=True)
            for slug in row[index]
            if slug in terms
        )
    return list(User.objects.filter(email__in=[row[2] for row in OUJDA_PROFESSIONALS]).order_by("email"))


def _seed_oujda(members, organiser, now) -> int:
    spec = OUJDA
    if Event.objects.filter(slug=spec["event"]["slug"]).exists():
        return 0
    rng = random.Random(2027)  # noqa: S311 (demo data, not cryptography)
    zone = ZoneInfo("Africa/Casablanca")
    event = _event(spec, zone)
    event.organisers.add(organiser)
    categories, questions, rooms, tracks = _setup(event, spec)
    speakers = _speakers(event, spec["speakers"], [])
    sessions = _programme(event, spec, rooms, tracks, speakers, zone)
    day = spec["days"][0]
    blocks = MeetingBlock.objects.bulk_create(
        MeetingBlock(event=event, starts_at=_local(zone, day, start), ends_at=_local(zone, day, end))
        for start, end in spec["meeting_blocks"]
    )

    professionals = _professionals(now)
    b2b_people = [user for user in members if user.email != "omar.haddou@exemple.be"]
    b2b_people = sorted(b2b_people + professionals, key=lambda user: user.email != B2B_LOGIN)[:80]
    plan = [
        (categories["project" if user.email in NAMED_MEMBERS else "pro"], Status.CONFIRMED, False)
        for user in b2b_people
    ]
    people = [_person(user, "MA" if user in professionals else rng.choice(["BE", "MA"])) for user in b2b_people]
    for index, (key, status, count) in enumerate(spec["other_registrations"]):
        for number in range(count):
            plan.append((categories[key], status, False))
            people.append(_guest(rng, 1000 + index * 10 + number, rng.choice(["MA", "MA", "BE"])))
    opens = event.registration_opens_at
    registrations = _registrations(event, plan, people, _times(rng, len(plan), opens, now), organiser, now)
    answers = _answers(rng, registrations, questions, spec["answer_texts"])
    participants = B2BParticipant.objects.bulk_create(
        B2BParticipant(registration=registration, event=event, note=rng.choice(MEETING_NOTES))
        for registration in registrations[: len(b2b_people)]
    )
    meetings = _meetings(event, participants, rng, now)
    rows = len(categories) + len(questions) + len(rooms) + len(tracks) + len(speakers) + len(sessions) + len(blocks)
    return 1 + rows + len(professionals) + len(registrations) + len(answers) + len(participants) + meetings


def _meetings(event, participants, rng, now) -> int:
    """Accepted meetings with tables and seats (about 55 % of the tables), requests waiting for an answer (some
    with another slot proposed), declined and cancelled ones. Nobody goes over the cap."""
    slots = b2b_slots(event)  # the slots the site offers, cut from the meeting sessions
    cap = event.b2b_max_meetings
    booked = {participant.pk: set() for participant in participants}  # slot indexes
    load = dict.fromkeys(booked, 0)  # accepted meetings + requests sent and waiting
    met = set()
    meetings = []

    def add(requester, recipient, slot, status, **fields):
        pair = frozenset((requester.pk, recipient.pk))
        met.add(pair)
        start, end = slots[slot]
        meeting = Meeting(
            event=event, requester=requester, recipient=recipient, starts_at=start, ends_at=end, status=status,
            message=rng.choice(MEETING_NOTES), proposed_by=fields.pop("proposed_by", requester), **fields,
        )  # fmt: skip
        meetings.append(meeting)
        return meeting

    login = participants[0]  # the demo login: a busy morning, and a request to answer
    for slot, other in enumerate(participants[1:4]):
        add(other, login, slot, Meeting.Status.ACCEPTED, table=1, responded_at=now)
        for side in (login, other):
            booked[side.pk].add(slot)
            load[side.pk] += 1
    for slot in range(len(slots)):
        tables = sum(1 for m in meetings if m.starts_at == slots[slot][0])
        for _attempt in range(40):
            if tables >= 11:
                break
            a, b = rng.sample(participants[1:], 2)
            pair = frozenset((a.pk, b.pk))
            if pair in met or slot in booked[a.pk] | booked[b.pk] or max(load[a.pk], load[b.pk]) >= cap - 1:
                continue
            tables += 1
            add(a, b, slot, Meeting.Status.ACCEPTED, table=tables, responded_at=now)
            for side in (a, b):
                booked[side.pk].add(slot)
                load[side.pk] += 1
    asking = participants[5]
    free = [slot for slot in range(len(slots)) if slot not in booked[login.pk] | booked[asking.pk]]
    requests = [(asking, login, free[0])]
    met.add(frozenset((asking.pk, login.pk)))
    load[asking.pk] += 1
    for _attempt in range(2000):
        if len(requests) >= 28:
            break
        a, b = rng.sample(participants, 2)
        slot = rng.randrange(len(slots))
        pair = frozenset((a.pk, b.pk))
        if pair not in met and slot not in booked[a.pk] | booked[b.pk] and load[a.pk] < cap:
            requests.append((a, b, slot))
            met.add(pair)
            load[a.pk] += 1
    for index, (a, b, slot) in enumerate(requests):
        proposed = b if index % 6 == 5 else a  # every sixth: the other side answered with another slot
        add(a, b, slot, Meeting.Status.REQUESTED, proposed_by=proposed, responded_at=now if proposed == b else None)
    for index in range(24):
        a, b = rng.sample(participants, 2)
        if frozenset((a.pk, b.pk)) in met:
            continue
        if index % 3:
            add(a, b, rng.randrange(len(slots)), Meeting.Status.DECLINED, responded_at=now)
        else:
            reason = rng.choice(["Empêchement de dernière minute.", "Rendez-vous déjà pris avec cette structure."])
            add(a, b, rng.randrange(len(slots)), Meeting.Status.CANCELLED, cancelled_reason=reason)
    meetings = Meeting.objects.bulk_create(meetings)
    seats = MeetingSeat.objects.bulk_create(
        MeetingSeat(meeting=meeting, participant_id=side, starts_at=meeting.starts_at, ends_at=meeting.ends_at)
        for meeting in meetings
        if meeting.status == Meeting.Status.ACCEPTED
        for side in (meeting.requester_id, meeting.recipient_id)
    )
    return len(meetings) + len(seats)
