"""The programme, read side: sessions by day and room, workshop seats, speakers' public faces, the personal
agenda and who signed up for what."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Prefetch, Q, QuerySet

from events import times
from events.models import AgendaStar, Registration, Session, Speaker, WorkshopSignup
from network.models import Profile

# A workshop seat counts while its holder's registration is confirmed: cancelling the registration frees it.
SEAT_HOLDERS = Q(signups__registration__status=Registration.Status.CONFIRMED)


def sessions_of(event) -> QuerySet[Session]:
    """The event's sessions in time order, with what the programme shows about each (constant queries)."""
    return (
        Session.objects.filter(event=event)
        .select_related("room", "track")
        .prefetch_related(Prefetch("speakers", queryset=Speaker.objects.order_by("name")))
        .annotate(signup_count=Count("signups", filter=SEAT_HOLDERS, distinct=True))
        .order_by("starts_at", "room__position", "room__name", "pk")
    )


def session_of(event, session_id) -> Session | None:
    return sessions_of(event).select_related("event").filter(pk=session_id).first()


@dataclass
class TimeRow:
    """One start time of a day in the desktop grid: the session in each room, and any without a room."""

    starts_at: object
    cells: list = field(default_factory=list)  # one entry per room of the day: a list of sessions
    roomless: list = field(default_factory=list)  # breaks, plenaries "everywhere"…

    @property
    def has_room_sessions(self) -> bool:
        return any(self.cells)


@dataclass
class ProgrammeDay:
    day: date
    sessions: list
    rooms: list
    rows: list

    @property
    def anchor(self) -> str:
        return f"day-{self.day.isoformat()}"


def _day(day, day_sessions) -> ProgrammeDay:
    rooms = sorted(
        {session.room_id: session.room for session in day_sessions if session.room_id}.values(),
        key=lambda room: (room.position, room.name),
    )
    column = {room.pk: index for index, room in enumerate(rooms)}
    rows: dict = {}
    for session in day_sessions:
        row = rows.setdefault(session.starts_at, TimeRow(session.starts_at, cells=[[] for _room in rooms]))
        if session.room_id:
            row.cells[column[session.room_id]].append(session)
        else:
            row.roomless.append(session)
    return ProgrammeDay(day=day, sessions=day_sessions, rooms=rooms, rows=list(rows.values()))


def programme_days(event, sessions=None) -> list[ProgrammeDay]:
    """The sessions grouped by day in the event's own zone, each day with its rooms and a grid by start time."""
    sessions = sessions if sessions is not None else sessions_of(event)
    return [_day(day, day_sessions) for day, day_sessions in times.by_day(event, sessions, start=_start)]


def _start(session) -> datetime:
    return session.starts_at


def seats_left(session) -> int | None:
    """Free seats of a workshop with sign-up (None when the session has no sign-up). Needs ``signup_count``."""
    if not session.has_signup:
        return None
    count = getattr(session, "signup_count", None)
    if count is None:
        count = confirmed_signups(session)
    return max(session.capacity - count, 0)


def confirmed_signups(session) -> int:
    """The seats taken in a workshop (read under the session's lock by the sign-up service)."""
    return session.signups.filter(registration__status=Registration.Status.CONFIRMED).count()


def room_clash(room, starts_at, ends_at, *, besides=None) -> Session | None:
    """The session that holds the room at some time in [starts_at, ends_at), other than ``besides``."""
    return (
        Session.objects.filter(room=room, starts_at__lt=ends_at, ends_at__gt=starts_at)
        .exclude(pk=besides)
        .select_related("event")
        .order_by("starts_at")
        .first()
    )


# Speakers


def visible_profiles(viewer, user_ids) -> dict:
    """The network profiles of these members that the viewer may see, by member id (one query)."""
    user_ids = [pk for pk in user_ids if pk]
    if not user_ids:
        return {}
    profiles = Profile.objects.visible_to(viewer).filter(user_id__in=user_ids)
    return {profile.user_id: profile for profile in profiles}


def present_speakers(viewer, speakers) -> list[Speaker]:
    """Give each speaker what their page shows: a photo, a headline and a bio, taken from their member
    profile when the speaker's own fields are empty and that profile is visible to the viewer."""
    speakers = list(speakers)
    profiles = visible_profiles(viewer, [speaker.user_id for speaker in speakers])
    for speaker in speakers:
        profile = profiles.get(speaker.user_id)
        speaker.profile = profile
        speaker.photo_url = (
            speaker.photo.url if speaker.photo else (profile.photo.url if profile and profile.photo else "")
        )
        speaker.headline = speaker.job_title or (profile.headline if profile else "")
        # The directory shows a member's "about me" to members only; a speaker page does the same.
        speaker.biography = speaker.bio or (profile.bio if profile and viewer.is_authenticated else "")
    return speakers


def speakers_of(event) -> QuerySet[Speaker]:
    return Speaker.objects.filter(event=event).annotate(session_count=Count("sessions")).order_by("name")


def sessions_of_speaker(speaker) -> QuerySet[Session]:
    return (
        speaker.sessions.select_related("room", "track")
        .prefetch_related(Prefetch("speakers", queryset=Speaker.objects.order_by("name")))
        .order_by("starts_at", "pk")
    )


# The personal agenda


def starred_session_ids(user, event) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(AgendaStar.objects.filter(user=user, session__event=event).values_list("session_id", flat=True))


def starred_sessions(member, event=None) -> QuerySet[Session]:
    """The member's starred sessions (of one event, or of all), in time order."""
    sessions = (
        Session.objects.filter(stars__user=member)
        .select_related("event", "room", "track")
        .prefetch_related(Prefetch("speakers", queryset=Speaker.objects.order_by("name")))
        .order_by("starts_at", "pk")
    )
    return sessions.filter(event=event) if event is not None else sessions


# Workshop sign-up


def confirmed_registration(member, event) -> Registration | None:
    if not member.is_authenticated:
        return None
    return Registration.objects.filter(user=member, event=event).confirmed().first()


def signed_up_session_ids(member, event) -> set[int]:
    if not member.is_authenticated:
        return set()
    return set(
        WorkshopSignup.objects.filter(registration__user=member, session__event=event).values_list(
            "session_id", flat=True
        )
    )
