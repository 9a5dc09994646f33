"""Badges, read side: who gets one on the event's sheets, what the backs list (each person's B2B meetings), and
an organiser's recent sheets."""

from dataclasses import dataclass

from django.db.models import QuerySet

from events.models import B2BParticipant, BadgeSheetJob, Registration
from events.selectors.b2b import agendas


@dataclass(frozen=True)
class BadgeMeeting:
    starts_at: object
    ends_at: object
    table: int | None
    other_name: str
    other_organisation: str


def _meeting_rows(meetings) -> list[BadgeMeeting]:
    rows = []
    for meeting in meetings:
        other = meeting.other.registration
        rows.append(
            BadgeMeeting(meeting.starts_at, meeting.ends_at, meeting.table, other.full_name, other.organisation_name)
        )
    return rows


def _b2b_of(registration) -> B2BParticipant | None:
    try:
        return registration.b2b
    except Registration.b2b.RelatedObjectDoesNotExist:
        return None


def meetings_by_registration(event, registrations) -> dict[int, list[BadgeMeeting]]:
    """Each registration's accepted B2B meetings, in one query whatever the number of badges."""
    if not event.b2b_enabled:
        return {}
    participants = [registration.b2b for registration in registrations if _b2b_of(registration)]
    by_participant = agendas(participants)
    return {
        participant.registration_id: _meeting_rows(by_participant.get(participant.pk, []))
        for participant in participants
    }


def sheet_registrations(event, category=None) -> QuerySet[Registration]:
    """Who gets a badge on the event's sheets: confirmed registrations (one category's, if given), by name."""
    registrations = (
        Registration.objects.filter(event=event)
        .confirmed()
        .select_related("category", "b2b")
        .order_by("last_name", "first_name", "pk")
    )
    return registrations.filter(category=category) if category else registrations


def recent_badge_sheets(event, user, *, limit) -> list[BadgeSheetJob]:
    """The sheets this organiser asked for lately, newest first."""
    return list(BadgeSheetJob.objects.filter(event=event, requested_by=user).select_related("category")[:limit])
