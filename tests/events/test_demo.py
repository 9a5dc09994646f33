"""The events' demo data: the Brussels colloquium and the Oujda meeting, consistent with the rules the site
enforces, and created once however often seed_demo runs."""

import io

import pytest
from django.db.models import Count, Q

from demo import registry
from demo.events.common import B2B_LOGIN, ORGANISER, TICKET_HOLDER
from demo.events.seed import seed_events
from demo.network.content import seed_network_content
from demo.network.members import seed_members
from events.models import B2BParticipant, Event, Meeting, MeetingSeat, Registration, Session, Speaker
from events.permissions import is_organiser
from events.selectors.b2b import slots
from network.models import User

pytestmark = pytest.mark.django_db

Status = Registration.Status


@pytest.fixture
def seeded(db):
    out = io.StringIO()
    seed_members(out)
    seed_network_content(out)
    return seed_events(out)


@pytest.fixture
def colloquium(seeded):
    return Event.objects.get(slug="colloque-60-ans-belgique-maroc")


@pytest.fixture
def oujda(seeded):
    return Event.objects.get(slug="rencontres-accompagnement-oujda")


def test_seeding_again_creates_nothing(seeded):
    counts = (Event.objects.count(), Registration.objects.count(), Meeting.objects.count(), User.objects.count())

    assert seeded > 500
    assert seed_events(io.StringIO()) == 0
    assert counts == (
        Event.objects.count(),
        Registration.objects.count(),
        Meeting.objects.count(),
        User.objects.count(),
    )


def test_the_colloquium_has_three_days_of_programme_and_about_forty_speakers(colloquium):
    days = {
        session.starts_at.astimezone(colloquium.zone).date() for session in Session.objects.filter(event=colloquium)
    }

    assert colloquium.time_zone == "Europe/Brussels"
    assert colloquium.registration_is_open()
    assert len(days) >= 3
    assert Speaker.objects.filter(event=colloquium).count() >= 35
    assert Speaker.objects.filter(event=colloquium, user__isnull=False).exists()
    kinds = set(Session.objects.filter(event=colloquium).values_list("kind", flat=True))
    assert kinds == {"plenary", "panel", "workshop", "break"}
    assert Session.objects.filter(event=colloquium, kind="workshop", capacity__isnull=False, signups__isnull=False)
    speakerless = Session.objects.filter(event=colloquium).exclude(kind="break").filter(speakers__isnull=True)
    assert not speakerless.exists()


def test_the_colloquium_has_registrations_in_every_state_within_its_capacities(colloquium):
    registrations = Registration.objects.filter(event=colloquium)
    statuses = set(registrations.values_list("status", flat=True))

    assert registrations.count() >= 200
    assert {Status.CONFIRMED, Status.PENDING, Status.WAITLISTED, Status.CANCELLED, Status.AWAITING_EMAIL} <= statuses
    assert registrations.filter(checked_in_at__isnull=False, status=Status.CONFIRMED).count() >= 10
    assert registrations.filter(user__isnull=True).count() >= 50  # guests
    assert registrations.filter(user__isnull=False).count() >= 30  # members
    assert registrations.filter(answers__isnull=False).distinct().count() == registrations.count()
    assert len({r.created_at.date() for r in registrations}) >= 20  # spread over the past weeks
    held = registrations.filter(status__in=[Status.CONFIRMED, Status.PENDING]).count()
    assert held <= colloquium.capacity
    for category in colloquium.categories.annotate(
        held=Count("registrations", filter=Q(registrations__status__in=[Status.CONFIRMED, Status.PENDING])),
        waiting=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
    ):
        assert category.capacity is None or category.held <= category.capacity
        assert not category.waiting or category.held == category.capacity  # people wait only for a full category
    assert colloquium.categories.filter(visibility="invitation").exists()
    assert colloquium.questions.count() == 4


def test_the_oujda_meeting_has_b2b_participants_and_meetings_in_every_state(oujda):
    participants = B2BParticipant.objects.filter(event=oujda)
    meetings = Meeting.objects.filter(event=oujda)
    accepted = meetings.filter(status=Meeting.Status.ACCEPTED)

    assert oujda.time_zone == "Africa/Casablanca"
    assert oujda.b2b_enabled
    assert (oujda.b2b_tables, oujda.b2b_max_meetings) == (20, 8)
    assert len(slots(oujda)) == 10
    assert participants.count() >= 60
    assert participants.filter(registration__user__profile__offers__isnull=False).distinct().count() >= 50
    assert set(meetings.values_list("status", flat=True)) == set(Meeting.Status.values)
    assert accepted.count() >= 60
    assert MeetingSeat.objects.filter(meeting__event=oujda).count() == 2 * accepted.count()
    assert all(1 <= table <= oujda.b2b_tables for table in accepted.values_list("table", flat=True))
    starts = {slot[0] for slot in slots(oujda)}
    assert set(meetings.values_list("starts_at", flat=True)) <= starts
    for participant in participants:
        booked = accepted.filter(Q(requester=participant) | Q(recipient=participant)).count()
        sent = meetings.filter(requester=participant, status=Meeting.Status.REQUESTED).count()
        assert booked + sent <= oujda.b2b_max_meetings


def test_the_demo_logins_have_something_to_show(colloquium, oujda):
    organiser = User.objects.get(email=ORGANISER[0])
    participant = B2BParticipant.objects.get(event=oujda, registration__user__email=B2B_LOGIN)
    meetings = Meeting.objects.filter(Q(requester=participant) | Q(recipient=participant))

    assert not organiser.is_staff
    assert is_organiser(organiser, colloquium)
    assert is_organiser(organiser, oujda)
    assert meetings.filter(status=Meeting.Status.ACCEPTED).count() >= 3
    requests = meetings.filter(status=Meeting.Status.REQUESTED)
    assert any(meeting.awaited_participant_id == participant.pk for meeting in requests)
    assert Registration.objects.get(event=colloquium, user__email=TICKET_HOLDER).status == "confirmed"
    logins = [email for _role, email, _note in registry._logins]
    assert ORGANISER[0] in logins
    assert B2B_LOGIN in logins
