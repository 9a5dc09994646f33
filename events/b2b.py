"""B2B meetings, read side: slots, who is free when, agendas, suggestions, and what a participant's page shows.

A slot is a piece of a MeetingBlock, ``event.b2b_slot_minutes`` long. Slots are cut from the stored UTC instants,
so a change of offset (Morocco during Ramadan) never shifts them; templates show them in the event's zone.
"""

import copy
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django_countries import countries

from events.models import B2BParticipant, Meeting, MeetingSeat, Registration
from network.matchmaking import suggested_among
from network.models import Profile

Slot = tuple[datetime, datetime]
VISIBLE_PROFILES = [Profile.Visibility.PUBLIC, Profile.Visibility.MEMBERS]


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


def active_participants(event):
    """Participants who opted in and whose registration still holds a confirmed seat."""
    return B2BParticipant.objects.filter(
        event=event, is_active=True, registration__status=Registration.Status.CONFIRMED
    )


def participant_for(user, event) -> B2BParticipant | None:
    """The member's active B2B profile for the event, or None (not opted in, opted out, or no confirmed seat)."""
    if not user.is_authenticated:
        return None
    participant = active_participants(event).filter(registration__user=user).select_related("registration").first()
    if participant is not None:
        participant.event = event  # the caller's instance, with its memoised slots
        participant.registration.user = user
    return participant


def person_label(registration) -> str:
    """ "Name (Organisation)": how a participant is named to the other side, in emails and calendars."""
    if registration.organisation_name:
        return f"{registration.full_name} ({registration.organisation_name})"
    return registration.full_name


def awaiting_side(meeting) -> int:
    """The participant id who must answer a pending request: the recipient, or the requester after the
    recipient proposed another slot."""
    if meeting.proposed_by_id == meeting.recipient_id:
        return meeting.requester_id
    return meeting.recipient_id


def with_other_side(meetings, participant):
    """Set ``meeting.other`` (the other person) and ``meeting.awaits_me`` on each meeting, for templates."""
    for meeting in meetings:
        mine = meeting.requester_id == participant.pk
        meeting.other = meeting.recipient if mine else meeting.requester
        meeting.awaits_me = meeting.status == Meeting.Status.REQUESTED and awaiting_side(meeting) == participant.pk
    return meetings


def _meetings_of(participant_ids):
    return Meeting.objects.filter(Q(requester_id__in=participant_ids) | Q(recipient_id__in=participant_ids))


def agenda_for(participant) -> list[Meeting]:
    """The participant's accepted meetings, in time order, each with ``.other`` set (badges, schedule, emails)."""
    meetings = (
        _meetings_of([participant.pk])
        .filter(status=Meeting.Status.ACCEPTED)
        .select_related("event", "requester__registration", "recipient__registration")
        .order_by("starts_at", "pk")
    )
    return with_other_side(list(meetings), participant)


def agendas(participants) -> dict[int, list[Meeting]]:
    """``agenda_for`` for many participants in one query (badge sheets, the day-before emails)."""
    by_id = {participant.pk: participant for participant in participants}
    result = {pk: [] for pk in by_id}
    meetings = (
        _meetings_of(list(by_id))
        .filter(status=Meeting.Status.ACCEPTED)
        .select_related("event", "requester__registration", "recipient__registration")
        .order_by("starts_at", "pk")
    )
    for meeting in meetings:
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
    return _meetings_of([participant.pk]).aggregate(
        accepted=Count("pk", filter=Q(status=Meeting.Status.ACCEPTED)),
        sent=Count("pk", filter=Q(status=Meeting.Status.REQUESTED, requester=participant)),
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
    accepted = Meeting.objects.filter(event=event, status=Meeting.Status.ACCEPTED).values_list("starts_at", "ends_at")
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


def with_profiles(queryset):
    """Participants with their registration and the network profile (offers, needs, sectors) of their member."""
    return queryset.select_related("registration__user__profile").prefetch_related(
        "registration__user__profile__offers",
        "registration__user__profile__needs",
        "registration__user__profile__sectors",
    )


def attach_profiles(participants, profiles=None):
    """Set ``participant.profile``: the member's profile when others may see it, else None (guests, hidden).
    ``profiles`` (user id → profile) gives profiles already read, e.g. by the matchmaking."""
    for participant in participants:
        user = participant.registration.user
        if profiles is not None:
            profile = profiles.get(participant.registration.user_id)
        else:
            profile = getattr(user, "profile", None) if user is not None and user.is_active else None
        participant.profile = profile if profile is not None and profile.visibility in VISIBLE_PROFILES else None
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
    network's matchmaking on their profiles. Guests without a profile get none."""
    user = participant.registration.user
    if user is None:
        return []
    others = (
        active_participants(participant.event)
        .exclude(pk=participant.pk)
        .filter(registration__user__isnull=False, registration__user__profile__visibility__in=VISIBLE_PROFILES)
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


def relations(participant) -> dict[int, str]:
    """For each other participant: "accepted" if we have a meeting, "requested" if a request is pending."""
    found = {}
    rows = (
        _meetings_of([participant.pk])
        .filter(status__in=[Meeting.Status.REQUESTED, Meeting.Status.ACCEPTED])
        .values_list("requester_id", "recipient_id", "status")
    )
    for requester_id, recipient_id, status in rows:
        other = recipient_id if requester_id == participant.pk else requester_id
        if found.get(other) != Meeting.Status.ACCEPTED:
            found[other] = status
    return found


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
            _meetings_of([participant.pk])
            .select_related("requester__registration", "recipient__registration")
            .order_by("starts_at", "pk")
        ),
        participant,
    )
    pending = [m for m in meetings if m.status == Meeting.Status.REQUESTED]
    availability = Availability(participant.event, {participant.pk} | {m.other.pk for m in pending}, now=now)
    for meeting in pending:
        slot = (meeting.starts_at, meeting.ends_at)
        meeting.is_past = meeting.starts_at <= availability.now
        meeting.clashes = availability.is_booked(participant.pk, slot) or availability.is_booked(meeting.other.pk, slot)
        meeting.other_slots = availability.free_for(participant.pk, meeting.other.pk) if meeting.awaits_me else []
    agenda = [m for m in meetings if m.status == Meeting.Status.ACCEPTED]
    return Schedule(
        agenda=agenda,
        to_answer=[m for m in pending if m.awaits_me],
        sent=[m for m in pending if not m.awaits_me],
        closed=[m for m in meetings if m.status in (Meeting.Status.DECLINED, Meeting.Status.CANCELLED)],
        free=availability.free_for(participant.pk),
        counts={
            "accepted": len(agenda),
            "sent": sum(1 for m in pending if m.requester_id == participant.pk),
        },
    )
