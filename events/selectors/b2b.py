"""B2B meetings, read side: slots, who is free when, agendas, suggestions, and what a participant's page shows.

A slot is a piece of a MeetingBlock, ``event.b2b_slot_minutes`` long. Slots are cut from the stored UTC instants,
so a change of offset (Morocco during Ramadan) never shifts them; templates show them in the event's zone.
"""

import copy
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django_countries import countries

from events.models import B2BParticipant, Meeting, MeetingSeat
from network.models import Profile
from network.selectors.matchmaking import suggested_among

Slot = tuple[datetime, datetime]


def slots(event) -> list[Slot]:
    """Every slot of the event's meeting sessions, in order. Memoised on the event instance for the request."""
    cached = getattr(event, "_b2b_slots", None)
    if cached is None:
        length = timedelta(minutes=event.b2b_slot_minutes)
        cached = []
        for block in event.meeting_blocks.order_by("starts_at"):
            start = block.starts_at
            while start + length <= block.ends_at:
                cached.append((start, start + length))
                start += length
        event._b2b_slots = cached
    return cached


def slot_starting_at(event, starts_at) -> Slot | None:
    return next((slot for slot in slots(event) if slot[0] == starts_at), None)


def _overlaps(slot: Slot, start, end) -> bool:
    return start < slot[1] and slot[0] < end


# Participants


def active_participants(event) -> QuerySet[B2BParticipant]:
    """Participants who opted in and whose registration still holds a confirmed seat."""
    return B2BParticipant.objects.filter(event=event).active()


def participant_for(user, event) -> B2BParticipant | None:
    """The member's active B2B profile for the event, or None (not opted in, opted out, or no confirmed seat)."""
    if not user.is_authenticated:
        return None
    participant = active_participants(event).filter(registration__user=user).select_related("registration").first()
    if participant is not None:
        participant.event = event  # the caller's instance, with its memoised slots
        participant.registration.user = user
    return participant


def participant_of(registration) -> B2BParticipant | None:
    """The registration's B2B profile, active or not (None if they never opted in)."""
    if registration is None:
        return None
    return B2BParticipant.objects.filter(registration=registration).first()


def own_profile(user) -> Profile | None:
    """The member's network profile, with what the B2B pages show of it (offers, needs, sectors)."""
    return Profile.objects.filter(user=user).prefetch_related("offers", "needs", "sectors").first()


# Meetings


def with_other_side(meetings, participant) -> list[Meeting]:
    """Set ``meeting.other`` (the other person) and ``meeting.awaits_me`` on each meeting, for templates."""
    for meeting in meetings:
        meeting.other = meeting.other_side(participant.pk)
        meeting.awaits_me = meeting.is_requested and meeting.awaited_participant_id == participant.pk
    return meetings


def _accepted_of(participant_ids) -> QuerySet[Meeting]:
    return (
        Meeting.objects.involving(*participant_ids)
        .accepted()
        .select_related("event", "requester__registration", "recipient__registration")
        .order_by("starts_at", "pk")
    )


def agenda_for(participant) -> list[Meeting]:
    """The participant's accepted meetings, in time order, each with ``.other`` set (badges, schedule, emails)."""
    return with_other_side(list(_accepted_of([participant.pk])), participant)


def agendas(participants) -> dict[int, list[Meeting]]:
    """``agenda_for`` for many participants in one query (badge sheets, the day-before emails)."""
    by_id = {participant.pk: participant for participant in participants}
    result = {pk: [] for pk in by_id}
    for meeting in _accepted_of(list(by_id)):
        for side, other in ((meeting.requester, meeting.recipient), (meeting.recipient, meeting.requester)):
            if side.pk in by_id:
                # A meeting between two people of the set appears in both agendas, each with its own "other".
                seen_by_side = copy.copy(meeting)
                seen_by_side.other, seen_by_side.awaits_me = other, False
                result[side.pk].append(seen_by_side)
    return result


def meeting_counts(participant) -> dict[str, int]:
    """What counts against the participant's cap: accepted meetings (either side) and their own pending
    requests (sent by them, or re-proposed by them and waiting for the other side)."""
    return Meeting.objects.involving(participant.pk).aggregate(
        accepted=Count("pk", filter=Q(status=Meeting.Status.ACCEPTED)),
        sent=Count("pk", filter=Q(status=Meeting.Status.REQUESTED, requester=participant)),
    )


def pending_between(a, b) -> bool:
    """Whether a request between these two participants, either way, waits for an answer."""
    pair = Q(requester=a, recipient=b) | Q(requester=b, recipient=a)
    return Meeting.objects.filter(pair, status=Meeting.Status.REQUESTED).exists()


def open_meetings(participant) -> QuerySet[Meeting]:
    """The participant's pending requests and booked meetings, with both people (to cancel and email them)."""
    return (
        Meeting.objects.involving(participant.pk)
        .open()
        .select_related("event", "requester__registration__user", "recipient__registration__user")
    )


def tables_taken(event, slot: Slot) -> set[int]:
    """The tables accepted meetings use during the slot."""
    return set(
        Meeting.objects.filter(event=event, starts_at__lt=slot[1], ends_at__gt=slot[0])
        .accepted()
        .values_list("table", flat=True)
    )


class Availability:
    """Who is booked when, for a few participants, read in three queries: the slots, their seats, and the
    tables taken per slot. ``free_for(a, b)`` then answers in Python."""

    def __init__(self, event, participant_ids, *, now=None):
        self.event = event
        self.now = now or timezone.now()
        self.slots = slots(event)
        self.booked = defaultdict(list)
        for seat in MeetingSeat.objects.filter(participant_id__in=list(participant_ids)).values(
            "participant_id", "starts_at", "ends_at"
        ):
            self.booked[seat["participant_id"]].append((seat["starts_at"], seat["ends_at"]))
        self.tables_taken = table_occupancy(event, self.slots)

    def is_booked(self, participant_id, slot: Slot) -> bool:
        return any(_overlaps(slot, start, end) for start, end in self.booked.get(participant_id, ()))

    def has_table(self, slot: Slot) -> bool:
        return self.tables_taken[slot] < self.event.b2b_tables

    def free_for(self, *participant_ids) -> list[Slot]:
        """Future slots where none of them has an accepted meeting and a table is still free."""
        return [
            slot
            for slot in self.slots
            if slot[0] > self.now
            and self.has_table(slot)
            and not any(self.is_booked(pk, slot) for pk in participant_ids)
        ]


def table_occupancy(event, event_slots=None) -> Counter:
    """How many tables accepted meetings take in each slot."""
    event_slots = slots(event) if event_slots is None else event_slots
    taken = Counter()
    accepted = Meeting.objects.filter(event=event).accepted().values_list("starts_at", "ends_at")
    for start, end in accepted:
        for slot in event_slots:
            if _overlaps(slot, start, end):
                taken[slot] += 1
    return taken


def free_slots(a, b=None, *, now=None) -> list[Slot]:
    """Future slots where neither participant has an accepted meeting and a table is free."""
    ids = [a.pk] if b is None else [a.pk, b.pk]
    return Availability(a.event, ids, now=now).free_for(*ids)


# What the participants page shows


def with_profiles(queryset) -> QuerySet[B2BParticipant]:
    """Participants with their registration and the network profile (offers, needs, sectors) of their member."""
    return queryset.select_related("registration__user__profile").prefetch_related(
        "registration__user__profile__offers",
        "registration__user__profile__needs",
        "registration__user__profile__sectors",
    )


def _listed_profile(registration) -> Profile | None:
    """The member's profile if other participants may see it (network's rule: ``Profile.is_listed_to_members``);
    None for guests and hidden profiles. Every viewer of the B2B pages is a logged-in member."""
    profile = getattr(registration.user, "profile", None) if registration.user_id else None
    return profile if profile is not None and profile.is_listed_to_members else None


def attach_profiles(participants, profiles=None) -> list[B2BParticipant]:
    """Set ``participant.profile``: the member's profile when others may see it, else None (guests, hidden).
    ``profiles`` (user id → profile) gives profiles already read and listed, e.g. by the matchmaking."""
    for participant in participants:
        if profiles is not None:
            participant.profile = profiles.get(participant.registration.user_id)
        else:
            participant.profile = _listed_profile(participant.registration)
        country = participant.registration.country
        participant.country_name = countries.name(country) if country else ""
    return participants


@dataclass(frozen=True)
class ParticipantSuggestion:
    participant: B2BParticipant
    reasons: list[str]
    score: int


def suggestions(participant, limit=4) -> list[ParticipantSuggestion]:
    """Other participants of the event whose offers meet the participant's needs (and the reverse), from
    network's matchmaking on the profiles members may see. Guests without a profile get none."""
    user = participant.registration.user
    if user is None:
        return []
    others = (
        active_participants(participant.event)
        .exclude(pk=participant.pk)
        .filter(registration__user__profile__in=Profile.objects.listed_to_members())
    )
    found = suggested_among(user, others.values("registration__user_id"), limit=limit)
    if not found:
        return []
    profiles = {s.profile.user_id: s.profile for s in found}
    chosen = others.filter(registration__user_id__in=list(profiles)).select_related("registration__user")
    by_user = {p.registration.user_id: p for p in attach_profiles(list(chosen), profiles)}
    return [
        ParticipantSuggestion(participant=by_user[s.profile.user_id], reasons=s.reasons, score=s.score)
        for s in found
        if s.profile.user_id in by_user
    ]


def mark_relations(participants, me) -> None:
    """Set ``meeting_booked`` (we have an accepted meeting) and ``request_pending`` (a request waits) on each
    participant, as seen by ``me``, in one query."""
    booked, pending = set(), set()
    rows = Meeting.objects.involving(me.pk).open().values_list("requester_id", "recipient_id", "status")
    for requester_id, recipient_id, status in rows:
        other = recipient_id if requester_id == me.pk else requester_id
        (booked if status == Meeting.Status.ACCEPTED else pending).add(other)
    for participant in participants:
        participant.meeting_booked = participant.pk in booked
        participant.request_pending = participant.pk in pending and not participant.meeting_booked


# The schedule page


@dataclass
class Schedule:
    agenda: list
    to_answer: list
    sent: list
    closed: list
    free: list
    counts: dict


def schedule_for(participant, *, now=None) -> Schedule:
    """Everything on a participant's schedule page, in a constant number of queries."""
    meetings = with_other_side(
        list(
            Meeting.objects.involving(participant.pk)
            .select_related("requester__registration", "recipient__registration")
            .order_by("starts_at", "pk")
        ),
        participant,
    )
    pending = [m for m in meetings if m.is_requested]
    availability = Availability(participant.event, {participant.pk} | {m.other.pk for m in pending}, now=now)
    for meeting in pending:
        slot = (meeting.starts_at, meeting.ends_at)
        meeting.is_past = meeting.starts_at <= availability.now
        meeting.clashes = availability.is_booked(participant.pk, slot) or availability.is_booked(meeting.other.pk, slot)
        meeting.other_slots = availability.free_for(participant.pk, meeting.other.pk) if meeting.awaits_me else []
    agenda = [m for m in meetings if m.is_accepted]
    return Schedule(
        agenda=agenda,
        to_answer=[m for m in pending if m.awaits_me],
        sent=[m for m in pending if not m.awaits_me],
        closed=[m for m in meetings if not m.is_open],
        free=availability.free_for(participant.pk),
        counts={
            "accepted": len(agenda),
            "sent": sum(1 for m in pending if m.requester_id == participant.pk),
        },
    )


# The organisers' overview


def overview_meetings(event) -> QuerySet[Meeting]:
    """Every meeting of the event with both people, in time and table order."""
    return (
        Meeting.objects.filter(event=event)
        .select_related("requester__registration", "recipient__registration")
        .order_by("starts_at", "table", "pk")
    )


def occupancy(event) -> list[dict]:
    """For each slot: the tables taken, and the bar's width in the 5% steps of the stylesheet's classes."""
    taken = table_occupancy(event)
    tables = max(event.b2b_tables, 1)
    return [
        {"slot": slot, "taken": taken[slot], "width": min(100, round(taken[slot] * 20 / tables) * 5)}
        for slot in slots(event)
    ]


def meeting_of_event(event, meeting_id) -> Meeting | None:
    return Meeting.objects.select_related("event").filter(pk=meeting_id, event=event).first()
