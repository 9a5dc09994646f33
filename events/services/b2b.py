"""B2B meetings, write side: opting in and out, requesting, answering, cancelling, marking meetings held.

Every change to an event's meetings first locks the event row (``select_for_update``), so requests, acceptances
and cancellations of one event happen one at a time: caps and table numbers are decided on fresh data, and two
acceptances racing for the same person or the last table cannot both win. The database constraints (nobody in
two meetings at once, no table twice in a slot) stay the final guard; when they fire, the person gets a
MeetingError, not a 500.

Caps (``event.b2b_max_meetings``): a participant's accepted meetings plus the requests they sent that still
wait for an answer count against their cap. Requests they receive count only once they accept them, so nobody
can fill another person's agenda, and a busy person can still be asked.

Every meeting that was booked or asked for and then ends (declined, cancelled by a side or by the organisers)
is emailed to the people concerned: nothing is dropped silently.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from dimobel import notify
from dimobel.errors import NotAllowed
from events.contact import address_of, language_of, link
from events.models import B2BParticipant, Event, Meeting, MeetingSeat, Registration
from events.permissions import is_organiser
from events.selectors.b2b import (
    Availability,
    meeting_counts,
    open_meetings,
    pending_between,
    slot_starting_at,
    tables_taken,
)
from events.services.errors import MeetingError
from events.times import describe_slot

ALREADY_BOOKED = _("One of you is already booked at that time.")
NO_TABLE = _("No table is free at that time.")


# Opting in and out


def opt_in(*, registration, note="") -> B2BParticipant:
    """A confirmed registrant joins the event's B2B meetings, or updates their note (and comes back after
    opting out)."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
        event = registration.event
        if not event.b2b_enabled:
            raise MeetingError(_("This event has no B2B meetings."))
        if not registration.is_confirmed:
            raise NotAllowed(_("Only people with a confirmed registration can take part in the B2B meetings."))
        participant, created = B2BParticipant.objects.get_or_create(
            registration=registration, defaults={"event": event, "note": note}
        )
        if not created:
            participant.note = note
            participant.is_active = True
            participant.save(update_fields=["note", "is_active"])
    return participant


def opt_out(*, participant) -> B2BParticipant:
    """The participant leaves the B2B meetings. Booked meetings must be cancelled first (so the other people
    are told why); pending requests either way are withdrawn, and the other side is told."""
    with transaction.atomic():
        _lock_event(participant.event)
        if open_meetings(participant).accepted().exists():
            raise MeetingError(_("You have accepted meetings. Cancel them first, so the other people are told."))
        reason = _("%(name)s no longer takes part in the B2B meetings.") % {"name": participant.registration.full_name}
        # The event row is locked, so no other change to these meetings can interleave.
        for meeting in open_meetings(participant):
            _cancel(meeting, reason=str(reason), notify=[meeting.other_side(participant.pk)])
        participant.is_active = False
        participant.save(update_fields=["is_active"])
    return participant


def withdraw(*, registration, reason) -> None:
    """The registration no longer holds a seat (cancelled, declined): its B2B meetings are cancelled, both
    booked and pending, and the other people are emailed. For the registration services to call."""
    participant = B2BParticipant.objects.filter(registration=registration).select_related("event").first()
    if participant is None:
        return
    with transaction.atomic():
        _lock_event(participant.event)
        for meeting in open_meetings(participant):
            _cancel(meeting, reason=reason, notify=[meeting.other_side(participant.pk)])
        B2BParticipant.objects.filter(pk=participant.pk).update(is_active=False)


# Requests and answers


def request_meeting(*, requester, recipient, starts_at, message="", now=None) -> Meeting:
    """Ask another participant for a meeting in a slot free for both of you."""
    with transaction.atomic():
        event = _lock_event(requester.event)
        requester, recipient = _fresh(requester), _fresh(recipient)
        if requester.pk == recipient.pk:
            raise MeetingError(_("You cannot request a meeting with yourself."))
        _check_active(event, requester, recipient)
        availability = Availability(event, [requester.pk, recipient.pk], now=now)
        slot = _bookable_slot(event, availability, starts_at, requester, recipient)
        mine = meeting_counts(requester)
        if mine["accepted"] + mine["sent"] >= event.b2b_max_meetings:
            raise MeetingError(
                _(
                    "You have reached the limit of %(max)s meetings (your accepted meetings and the requests you "
                    "sent that wait for an answer). Withdraw a request first."
                )
                % {"max": event.b2b_max_meetings}
            )
        if meeting_counts(recipient)["accepted"] >= event.b2b_max_meetings:
            raise MeetingError(_("%(name)s's agenda is full.") % {"name": recipient.registration.full_name})
        if pending_between(requester, recipient):
            raise MeetingError(
                _("A request between you and %(name)s already waits for an answer. See your schedule.")
                % {"name": recipient.registration.full_name}
            )
        meeting = Meeting.objects.create(
            event=event,
            requester=requester,
            recipient=recipient,
            starts_at=slot[0],
            ends_at=slot[1],
            message=message,
            proposed_by=requester,
        )
        _notify(recipient, "b2b_request", meeting, other=requester)
    return meeting


def accept_meeting(*, meeting, participant, now=None) -> Meeting:
    """The side awaited accepts: the lowest free table is assigned and both people's time is booked."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            event = _lock_event(meeting.event)
            meeting = _awaiting(meeting, participant)
            requester, recipient = meeting.requester, meeting.recipient
            _check_active(event, requester, recipient)
            slot = (meeting.starts_at, meeting.ends_at)
            if meeting.starts_at <= now:
                raise MeetingError(_("This slot has passed. Propose another one."))
            availability = Availability(event, [requester.pk, recipient.pk], now=now)
            if availability.is_booked(requester.pk, slot) or availability.is_booked(recipient.pk, slot):
                raise MeetingError(ALREADY_BOOKED)
            for side in (requester, recipient):
                if meeting_counts(side)["accepted"] >= event.b2b_max_meetings:
                    raise MeetingError(
                        _("%(name)s already has the most meetings allowed (%(max)s).")
                        % {"name": side.registration.full_name, "max": event.b2b_max_meetings}
                    )
            meeting.table = _lowest_free_table(event, slot)
            meeting.status = Meeting.Status.ACCEPTED
            meeting.responded_at = now
            meeting.save(update_fields=["table", "status", "responded_at"])
            MeetingSeat.objects.bulk_create(
                MeetingSeat(meeting=meeting, participant=side, starts_at=slot[0], ends_at=slot[1])
                for side in (requester, recipient)
            )
            _notify(meeting.other_side(participant.pk), "b2b_accepted", meeting, other=meeting.side_of(participant.pk))
    except IntegrityError as error:
        raise MeetingError(_conflict_message(error)) from error
    return meeting


def decline_meeting(*, meeting, participant) -> Meeting:
    with transaction.atomic():
        _lock_event(meeting.event)
        meeting = _awaiting(meeting, participant)
        meeting.status = Meeting.Status.DECLINED
        meeting.responded_at = timezone.now()
        meeting.save(update_fields=["status", "responded_at"])
        _notify(meeting.other_side(participant.pk), "b2b_declined", meeting, other=meeting.side_of(participant.pk))
    return meeting


def propose_slot(*, meeting, participant, starts_at, now=None) -> Meeting:
    """The side awaited answers with another slot; the request now waits for the other side."""
    with transaction.atomic():
        event = _lock_event(meeting.event)
        meeting = _awaiting(meeting, participant)
        me, other = meeting.side_of(participant.pk), meeting.other_side(participant.pk)
        _check_active(event, meeting.requester, meeting.recipient)
        availability = Availability(event, [meeting.requester_id, meeting.recipient_id], now=now)
        slot = _bookable_slot(event, availability, starts_at, me, other)
        if slot == (meeting.starts_at, meeting.ends_at):
            raise MeetingError(_("This is already the time asked for. Accept it, or choose another slot."))
        meeting.starts_at, meeting.ends_at = slot
        meeting.proposed_by = me
        meeting.responded_at = timezone.now()
        meeting.save(update_fields=["starts_at", "ends_at", "proposed_by", "responded_at"])
        _notify(other, "b2b_proposed", meeting, other=me)
    return meeting


def cancel_meeting(*, meeting, participant, reason) -> Meeting:
    """Either side cancels a booked or pending meeting; the other side is emailed with the reason."""
    with transaction.atomic():
        _lock_event(meeting.event)
        meeting = _fresh_meeting(meeting)
        if participant.pk not in (meeting.requester_id, meeting.recipient_id):
            raise NotAllowed
        if not meeting.is_open:
            raise MeetingError(_("This meeting is already closed."))
        me, other = meeting.side_of(participant.pk), meeting.other_side(participant.pk)
        _cancel(meeting, reason=reason, notify=[other], cancelled_by=me)
    return meeting


def cancel_as_organiser(*, meeting, organiser, reason) -> Meeting:
    """Organisers cancel a meeting (a table is needed, someone fell ill…): both people are emailed."""
    if not is_organiser(organiser, meeting.event):
        raise NotAllowed
    if not reason.strip():
        raise MeetingError(_("Give a reason: both people receive it."))
    with transaction.atomic():
        _lock_event(meeting.event)
        meeting = _fresh_meeting(meeting)
        if not meeting.is_open:
            raise MeetingError(_("This meeting is already closed."))
        _cancel(meeting, reason=reason, notify=[meeting.requester, meeting.recipient], by_organisers=True)
    return meeting


def mark_held(*, meeting, organiser, held) -> Meeting:
    """Organisers record whether an accepted meeting took place (True, False, or None for unknown)."""
    if not is_organiser(organiser, meeting.event):
        raise NotAllowed
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if not meeting.is_accepted:
            raise MeetingError(_("Only accepted meetings can be marked as held or not."))
        meeting.held = held
        meeting.save(update_fields=["held"])
    return meeting


# Helpers


def _lock_event(event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _fresh(participant) -> B2BParticipant:
    return B2BParticipant.objects.select_related("registration__user").get(pk=participant.pk)


def _fresh_meeting(meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("event", "requester__registration__user", "recipient__registration__user")
        .get(pk=meeting.pk)
    )


def _awaiting(meeting, participant) -> Meeting:
    """The meeting, fresh and locked, if it is a pending request this participant has to answer."""
    meeting = _fresh_meeting(meeting)
    if participant.pk not in (meeting.requester_id, meeting.recipient_id):
        raise NotAllowed
    if not meeting.is_requested:
        raise MeetingError(_("This request has already been answered or cancelled."))
    if meeting.awaited_participant_id != participant.pk:
        raise MeetingError(_("This request waits for the other person's answer."))
    return meeting


def _check_active(event, *participants) -> None:
    for participant in participants:
        if participant.event_id != event.pk or not participant.is_active or not participant.registration.is_confirmed:
            raise MeetingError(
                _("%(name)s no longer takes part in the B2B meetings.") % {"name": participant.registration.full_name}
            )
    if not event.b2b_enabled:
        raise MeetingError(_("This event has no B2B meetings."))


def _bookable_slot(event, availability, starts_at, me, other) -> tuple:
    slot = slot_starting_at(event, starts_at)
    if slot is None:
        raise MeetingError(_("Choose one of the meeting slots."))
    if slot[0] <= availability.now:
        raise MeetingError(_("This slot has passed. Choose a later one."))
    if availability.is_booked(me.pk, slot):
        raise MeetingError(_("You already have a meeting at that time."))
    if availability.is_booked(other.pk, slot):
        raise MeetingError(_("%(name)s already has a meeting at that time.") % {"name": other.registration.full_name})
    if not availability.has_table(slot):
        raise MeetingError(NO_TABLE)
    return slot


def _lowest_free_table(event, slot) -> int:
    taken = tables_taken(event, slot)
    table = next((number for number in range(1, event.b2b_tables + 1) if number not in taken), None)
    if table is None:
        raise MeetingError(NO_TABLE)
    return table


def _conflict_message(error) -> str:
    constraint = getattr(getattr(error.__cause__, "diag", None), "constraint_name", "") or ""
    return NO_TABLE if constraint == "events_meeting_table_not_double_booked" else ALREADY_BOOKED


def _cancel(meeting, *, reason, notify, cancelled_by=None, by_organisers=False) -> None:
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancelled_reason = reason[:300]
    meeting.save(update_fields=["status", "cancelled_reason"])
    MeetingSeat.objects.filter(meeting=meeting).delete()
    for person in notify:
        other = meeting.other_side(person.pk)
        _notify(person, "b2b_cancelled", meeting, other=other, cancelled_by=cancelled_by, by_organisers=by_organisers)


def _notify(person, template, meeting, *, other, cancelled_by=None, by_organisers=False) -> None:
    """Email one side of the meeting, in their language, once the transaction commits."""
    registration = person.registration
    event = meeting.event
    language = language_of(registration)
    with translation.override(language):
        when = describe_slot(event, meeting.starts_at, meeting.ends_at)
    context = {
        "event_title": event.title,
        "name": registration.first_name,
        "other_name": other.registration.full_name,
        "other_label": other.registration.name_and_organisation,
        "when": when,
        "table": meeting.table,
        "message": meeting.message,
        "reason": meeting.cancelled_reason,
        "by_organisers": by_organisers,
        "by_other": cancelled_by is not None and cancelled_by.pk != person.pk,
        "schedule_url": link(registration, "events:b2b_schedule", event.slug, anchor=f"meeting-{meeting.pk}"),
        "participants_url": link(registration, "events:b2b_participants", event.slug),
    }
    notify.email_member(
        template=f"events/{template}",
        recipient=address_of(registration),
        language=language,
        context=context,
        about=meeting,
    )
