"""The events' tables, one module per topic."""

from events.models.b2b import B2BParticipant, Meeting, MeetingBlock, MeetingSeat
from events.models.badges import BadgeSheetJob
from events.models.events import Event
from events.models.programme import AgendaStar, Room, Session, Speaker, Track, WorkshopSignup
from events.models.registration import Answer, Category, Question, Registration

__all__ = [
    "AgendaStar",
    "Answer",
    "B2BParticipant",
    "BadgeSheetJob",
    "Category",
    "Event",
    "Meeting",
    "MeetingBlock",
    "MeetingSeat",
    "Question",
    "Registration",
    "Room",
    "Session",
    "Speaker",
    "Track",
    "WorkshopSignup",
]
