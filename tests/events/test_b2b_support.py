"""What the B2B tests share: an Oujda meeting with two meeting sessions, and participants with profiles."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone

from events.models import Meeting, MeetingSeat
from network.models import HelpType, Profile, Sector
from tests.factories import (
    B2BParticipantFactory,
    EventFactory,
    MeetingBlockFactory,
    RegistrationFactory,
    UserFactory,
)


def oujda(*, day=None, **fields):
    """The Oujda meeting, on ``day`` (by default a month from now) from 09:00 UTC (10:00 in Morocco, 09:00
    during Ramadan), with meetings of 30 minutes from 10:00 to 12:30 and from 14:00 to 16:30: ten slots."""
    day = day or (timezone.now() + timedelta(days=30)).date()
    starts_at = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
    event = EventFactory(
        kind="meeting",
        title="Rencontre d'Oujda",
        city="Oujda",
        country="MA",
        venue_name="Technopole d'Oujda",
        time_zone="Africa/Casablanca",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=8),
        **{"b2b_enabled": True, "b2b_slot_minutes": 30, "b2b_tables": 5, "b2b_max_meetings": 8, **fields},
    )
    MeetingBlockFactory(event=event, starts_at=starts_at, ends_at=starts_at + timedelta(hours=2, minutes=30))
    MeetingBlockFactory(
        event=event, starts_at=starts_at + timedelta(hours=4), ends_at=starts_at + timedelta(hours=6, minutes=30)
    )
    return event


def slot(event, number):
    """The slot ``number`` (from 0) as (start, end)."""
    from events.selectors.b2b import slots

    return slots(event)[number]


def join(event, user=None, *, organisation="", country="BE", offers=(), needs=(), sectors=(), visibility=None):
    """A member registers, opts in, and (with offers, needs or visibility) has a network profile."""
    user = user or UserFactory()
    registration = RegistrationFactory(event=event, user=user, organisation_name=organisation, country=country)
    if offers or needs or sectors or visibility:
        profile = Profile.objects.update_or_create(
            user=user, defaults={"country": country, "visibility": visibility or "members"}
        )[0]
        profile.offers.set(HelpType.objects.filter(slug__in=offers))
        profile.needs.set(HelpType.objects.filter(slug__in=needs))
        profile.sectors.set(Sector.objects.filter(slug__in=sectors))
    return B2BParticipantFactory(registration=registration, note=f"Note de {user.first_name}")


def booked(requester, recipient, at, *, table=1):
    """An accepted meeting written directly, with its two seats."""
    meeting = Meeting.objects.create(
        event=requester.event,
        requester=requester,
        recipient=recipient,
        starts_at=at[0],
        ends_at=at[1],
        status=Meeting.Status.ACCEPTED,
        table=table,
        proposed_by=requester,
    )
    for side in (requester, recipient):
        MeetingSeat.objects.create(meeting=meeting, participant=side, starts_at=at[0], ends_at=at[1])
    return meeting


def requested(requester, recipient, at, *, message=""):
    return Meeting.objects.create(
        event=requester.event,
        requester=requester,
        recipient=recipient,
        starts_at=at[0],
        ends_at=at[1],
        message=message,
        proposed_by=requester,
    )
