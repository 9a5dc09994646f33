"""The Oujda meeting of business-support professionals: B2B meetings, about 80 participants and meetings in
every state, nobody booked twice and no table used twice in a slot."""

import random
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from demo import registry
from demo.events.common import (
    B2B_LOGIN,
    NAMED_MEMBERS,
    Status,
    create_answers,
    create_event,
    create_programme,
    create_registrations,
    create_setup,
    create_speakers,
    guest,
    local_time,
    person_of,
    registration_times,
)
from demo.events.oujda_texts import MEETING_NOTES, OUJDA, OUJDA_PROFESSIONALS
from events.models import (
    B2BParticipant,
    Event,
    Meeting,
    MeetingBlock,
    MeetingSeat,
)
from events.selectors.b2b import slots as b2b_slots
from network.models import HelpType, Profile, Sector, User


def _professionals(now) -> list[User]:
    """Business-support professionals of the Oriental, members with a profile (offers and needs)."""
    password = make_password(registry.DEMO_PASSWORD)  # hashed once: the slow part of creating accounts
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


def seed_oujda(members, organiser, now) -> int:
    spec = OUJDA
    if Event.objects.filter(slug=spec["event"]["slug"]).exists():
        return 0
    rng = random.Random(2027)  # noqa: S311 (demo data, not cryptography)
    zone = ZoneInfo("Africa/Casablanca")
    event = create_event(spec, zone)
    event.organisers.add(organiser)
    categories, questions, rooms, tracks = create_setup(event, spec)
    speakers = create_speakers(event, spec["speakers"], [])
    sessions = create_programme(event, spec, rooms, tracks, speakers, zone)
    day = spec["days"][0]
    blocks = MeetingBlock.objects.bulk_create(
        MeetingBlock(event=event, starts_at=local_time(zone, day, start), ends_at=local_time(zone, day, end))
        for start, end in spec["meeting_blocks"]
    )

    professionals = _professionals(now)
    b2b_people = [user for user in members if user.email != "omar.haddou@exemple.be"]
    b2b_people = sorted(b2b_people + professionals, key=lambda user: user.email != B2B_LOGIN)[:80]
    plan = [
        (categories["project" if user.email in NAMED_MEMBERS else "pro"], Status.CONFIRMED, False)
        for user in b2b_people
    ]
    people = [person_of(user, "MA" if user in professionals else rng.choice(["BE", "MA"])) for user in b2b_people]
    for index, (key, status, count) in enumerate(spec["other_registrations"]):
        for number in range(count):
            plan.append((categories[key], status, False))
            people.append(guest(rng, 1000 + index * 10 + number, rng.choice(["MA", "MA", "BE"])))
    opens = event.registration_opens_at
    registrations = create_registrations(
        event, plan, people, registration_times(rng, len(plan), opens, now), organiser, now
    )
    answers = create_answers(rng, registrations, questions, spec["answer_texts"])
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
    plan = _MeetingPlan(event, participants, rng, now)
    login = participants[0]  # the demo login: a busy morning, and a request to answer
    for slot, other in enumerate(participants[1:4]):
        plan.accept(other, login, slot, table=1)
    plan.fill_tables(participants[1:])
    plan.add_requests(asking=participants[5], login=login)
    plan.add_refusals()
    meetings = Meeting.objects.bulk_create(plan.meetings)
    seats = MeetingSeat.objects.bulk_create(
        MeetingSeat(meeting=meeting, participant_id=side, starts_at=meeting.starts_at, ends_at=meeting.ends_at)
        for meeting in meetings
        if meeting.status == Meeting.Status.ACCEPTED
        for side in (meeting.requester_id, meeting.recipient_id)
    )
    return len(meetings) + len(seats)


class _MeetingPlan:
    """The Oujda meetings being planned: who is booked when, how many each has, who has met whom."""

    def __init__(self, event, participants, rng, now):
        self.event, self.participants, self.rng, self.now = event, participants, rng, now
        self.slots = b2b_slots(event)  # the slots the site offers, cut from the meeting sessions
        self.cap = event.b2b_max_meetings
        self.booked = {participant.pk: set() for participant in participants}  # slot indexes
        self.load = dict.fromkeys(self.booked, 0)  # accepted meetings + requests sent and waiting
        self.met = set()
        self.meetings = []

    def add(self, requester, recipient, slot, status, **fields) -> Meeting:
        self.met.add(frozenset((requester.pk, recipient.pk)))
        start, end = self.slots[slot]
        meeting = Meeting(
            event=self.event, requester=requester, recipient=recipient, starts_at=start, ends_at=end, status=status,
            message=self.rng.choice(MEETING_NOTES), proposed_by=fields.pop("proposed_by", requester), **fields,
        )  # fmt: skip
        self.meetings.append(meeting)
        return meeting

    def accept(self, a, b, slot, *, table) -> None:
        self.add(a, b, slot, Meeting.Status.ACCEPTED, table=table, responded_at=self.now)
        for side in (a, b):
            self.booked[side.pk].add(slot)
            self.load[side.pk] += 1

    def _is_free(self, a, b, slot) -> bool:
        return slot not in self.booked[a.pk] | self.booked[b.pk]

    def fill_tables(self, people) -> None:
        for slot in range(len(self.slots)):
            tables = sum(1 for m in self.meetings if m.starts_at == self.slots[slot][0])
            for _attempt in range(40):
                if tables >= 11:
                    break
                a, b = self.rng.sample(people, 2)
                if frozenset((a.pk, b.pk)) in self.met or not self._is_free(a, b, slot):
                    continue
                if max(self.load[a.pk], self.load[b.pk]) >= self.cap - 1:
                    continue
                tables += 1
                self.accept(a, b, slot, table=tables)

    def add_requests(self, *, asking, login) -> None:
        free = [slot for slot in range(len(self.slots)) if self._is_free(login, asking, slot)]
        requests = [(asking, login, free[0])]
        self.met.add(frozenset((asking.pk, login.pk)))
        self.load[asking.pk] += 1
        for _attempt in range(2000):
            if len(requests) >= 28:
                break
            a, b = self.rng.sample(self.participants, 2)
            slot = self.rng.randrange(len(self.slots))
            if frozenset((a.pk, b.pk)) not in self.met and self._is_free(a, b, slot) and self.load[a.pk] < self.cap:
                requests.append((a, b, slot))
                self.met.add(frozenset((a.pk, b.pk)))
                self.load[a.pk] += 1
        for index, (a, b, slot) in enumerate(requests):
            proposed = b if index % 6 == 5 else a  # every sixth: the other side answered with another slot
            responded_at = self.now if proposed == b else None
            self.add(a, b, slot, Meeting.Status.REQUESTED, proposed_by=proposed, responded_at=responded_at)

    def add_refusals(self) -> None:
        for index in range(24):
            a, b = self.rng.sample(self.participants, 2)
            if frozenset((a.pk, b.pk)) in self.met:
                continue
            if index % 3:
                self.add(a, b, self.rng.randrange(len(self.slots)), Meeting.Status.DECLINED, responded_at=self.now)
            else:
                reason = self.rng.choice(
                    ["Empêchement de dernière minute.", "Rendez-vous déjà pris avec cette structure."]
                )
                slot = self.rng.randrange(len(self.slots))
                self.add(a, b, slot, Meeting.Status.CANCELLED, cancelled_reason=reason)
