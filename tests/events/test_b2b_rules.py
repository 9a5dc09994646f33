"""B2B meetings: the database's guarantees and the services' rules (requests, answers, tables, caps)."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from dimobel.errors import NotAllowed
from events.models import B2BParticipant, Meeting, MeetingSeat
from events.selectors import b2b
from events.services import b2b as services
from events.services import registration as registrations
from events.services.errors import MeetingError
from tests.events.support import committed
from tests.events.test_b2b_support import booked, join, oujda, requested, slot
from tests.factories import RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    return oujda()


# Slots


def test_each_meeting_session_is_cut_into_consecutive_slots_shown_in_the_event_zone(event):
    slots = b2b.slots(event)

    assert len(slots) == 10  # 10:00–12:30 and 14:00–16:30, by 30 minutes
    first_start = timezone.localtime(slots[0][0], event.zone)
    last_end = timezone.localtime(slots[-1][1], event.zone)
    assert (first_start.strftime("%H:%M"), last_end.strftime("%H:%M")) in {("10:00", "16:30"), ("09:00", "15:30")}
    assert all(end - start == timedelta(minutes=30) for start, end in slots)
    assert slots[4][1] == slots[0][0] + timedelta(hours=2, minutes=30)
    assert slots[5][0] == slots[0][0] + timedelta(hours=4)


def test_free_slots_leave_out_times_either_person_is_booked_and_times_without_a_table(event):
    event.b2b_tables = 1
    event.save()
    amina, pieter, third, fourth = (join(event) for _ in range(4))
    booked(amina, third, slot(event, 0))
    booked(third, pieter, slot(event, 1))
    booked(third, fourth, slot(event, 2), table=1)

    free = b2b.free_slots(amina, pieter)

    assert slot(event, 0) not in free
    assert slot(event, 1) not in free
    assert slot(event, 2) not in free  # the only table is taken
    assert free == b2b.slots(event)[3:]


def test_the_agenda_lists_accepted_meetings_in_time_order_with_the_other_person(event):
    amina, pieter, third = join(event), join(event, organisation="Agence de l'Oriental"), join(event)
    later = booked(amina, third, slot(event, 3))
    earlier = booked(pieter, amina, slot(event, 1), table=2)
    requested(amina, pieter, slot(event, 0))

    agenda = b2b.agenda_for(amina)

    assert agenda == [earlier, later]
    assert agenda[0].other == pieter
    assert b2b.agendas([amina, pieter])[pieter.pk][0].other == amina


# What the database refuses


def test_the_database_refuses_a_participant_in_two_meetings_at_once_whichever_side_they_are_on(event):
    amina, pieter, third = join(event), join(event), join(event)
    at = slot(event, 0)
    first = requested(amina, pieter, at)
    second = requested(third, amina, at)  # Amina is the recipient here
    MeetingSeat.objects.create(meeting=first, participant=amina, starts_at=at[0], ends_at=at[1])

    with pytest.raises(IntegrityError, match="events_participant_not_double_booked"), transaction.atomic():
        MeetingSeat.objects.create(meeting=second, participant=amina, starts_at=at[0], ends_at=at[1])
    # Overlapping, not only equal, times are refused too.
    with pytest.raises(IntegrityError, match="events_participant_not_double_booked"), transaction.atomic():
        MeetingSeat.objects.create(
            meeting=second, participant=amina, starts_at=at[0] + timedelta(minutes=10), ends_at=at[1]
        )
    # The next slot is fine: ranges are half-open.
    MeetingSeat.objects.create(meeting=second, participant=amina, starts_at=at[1], ends_at=slot(event, 1)[1])


def test_the_database_refuses_a_table_used_twice_in_a_slot(event):
    amina, pieter, third, fourth = (join(event) for _ in range(4))
    booked(amina, pieter, slot(event, 0), table=3)

    with pytest.raises(IntegrityError, match="events_meeting_table_not_double_booked"), transaction.atomic():
        booked(third, fourth, slot(event, 0), table=3)
    booked(third, fourth, slot(event, 0), table=4)
    assert Meeting.objects.filter(status="accepted").count() == 2


def test_the_database_refuses_an_accepted_meeting_without_a_table_or_with_oneself(event):
    amina, pieter = join(event), join(event)
    at = slot(event, 0)
    with pytest.raises(IntegrityError, match="events_accepted_meeting_has_table"), transaction.atomic():
        Meeting.objects.create(
            event=event, requester=amina, recipient=pieter, starts_at=at[0], ends_at=at[1], status="accepted"
        )
    with pytest.raises(IntegrityError, match="events_meeting_two_people"), transaction.atomic():
        Meeting.objects.create(event=event, requester=amina, recipient=amina, starts_at=at[0], ends_at=at[1])


# Requesting


def test_a_request_in_a_free_slot_is_emailed_to_the_other_person_with_a_link_to_their_schedule(event, mailoutbox):
    amina, pieter = join(event, organisation="Réseau Entreprendre"), join(event)

    with committed():
        meeting = services.request_meeting(
            requester=amina, recipient=pieter, starts_at=slot(event, 2)[0], message="Parlons logistique."
        )

    assert (meeting.status, meeting.starts_at, meeting.proposed_by) == ("requested", slot(event, 2)[0], amina)
    assert [m.to for m in mailoutbox] == [[pieter.registration.user.email]]
    body = mailoutbox[0].body
    assert amina.registration.full_name in mailoutbox[0].subject
    assert "Réseau Entreprendre" in body
    assert "Parlons logistique." in body
    assert f"/events/{event.slug}/b2b/schedule/#meeting-{meeting.pk}" in body


@pytest.mark.parametrize(
    ("when", "message"),
    [
        (lambda e: slot(e, 0)[0] + timedelta(minutes=10), "Choose one of the meeting slots."),
        (lambda e: slot(e, 0)[0] - timedelta(days=1), "Choose one of the meeting slots."),
    ],
)
def test_a_request_must_be_for_a_real_slot(event, when, message):
    amina, pieter = join(event), join(event)
    with pytest.raises(MeetingError, match=message):
        services.request_meeting(requester=amina, recipient=pieter, starts_at=when(event))
    assert not Meeting.objects.exists()


def test_a_request_for_a_past_slot_is_refused(event):
    amina, pieter = join(event), join(event)
    with pytest.raises(MeetingError, match="has passed"):
        services.request_meeting(requester=amina, recipient=pieter, starts_at=slot(event, 0)[0], now=slot(event, 1)[0])


def test_nobody_can_request_a_meeting_with_themselves_or_with_someone_who_left(event):
    amina, pieter = join(event), join(event)
    with pytest.raises(MeetingError, match="yourself"):
        services.request_meeting(requester=amina, recipient=amina, starts_at=slot(event, 0)[0])
    B2BParticipant.objects.filter(pk=pieter.pk).update(is_active=False)
    with pytest.raises(MeetingError, match="no longer takes part"):
        services.request_meeting(requester=amina, recipient=pieter, starts_at=slot(event, 0)[0])


def test_a_request_in_a_slot_where_either_person_is_booked_is_refused(event):
    amina, pieter, third = join(event), join(event), join(event)
    booked(third, pieter, slot(event, 1))
    booked(amina, third, slot(event, 2))

    with pytest.raises(MeetingError, match="already has a meeting at that time"):
        services.request_meeting(requester=amina, recipient=pieter, starts_at=slot(event, 1)[0])
    with pytest.raises(MeetingError, match="You already have a meeting at that time"):
        services.request_meeting(requester=amina, recipient=pieter, starts_at=slot(event, 2)[0])


def test_a_second_pending_request_between_the_same_two_people_is_refused_either_way(event):
    amina, pieter = join(event), join(event)
    services.request_meeting(requester=amina, recipient=pieter, starts_at=slot(event, 0)[0])

    with pytest.raises(MeetingError, match="already waits for an answer"):
        services.request_meeting(requester=amina, recipient=pieter, starts_at=slot(event, 3)[0])
    with pytest.raises(MeetingError, match="already waits for an answer"):
        services.request_meeting(requester=pieter, recipient=amina, starts_at=slot(event, 3)[0])
    assert Meeting.objects.count() == 1


def test_my_accepted_meetings_and_the_requests_i_sent_count_against_my_cap(event):
    event.b2b_max_meetings = 2
    event.save()
    amina, pieter, third, fourth = (join(event) for _ in range(4))
    booked(third, amina, slot(event, 0))  # accepted: counts
    services.request_meeting(requester=amina, recipient=pieter, starts_at=slot(event, 1)[0])  # sent: counts

    with pytest.raises(MeetingError, match="limit of 2 meetings"):
        services.request_meeting(requester=amina, recipient=fourth, starts_at=slot(event, 2)[0])


def test_requests_i_receive_do_not_count_until_i_accept_them_but_a_full_agenda_takes_no_more(event):
    event.b2b_max_meetings = 1
    event.save()
    amina, pieter, third, fourth = (join(event) for _ in range(4))
    services.request_meeting(requester=pieter, recipient=amina, starts_at=slot(event, 0)[0])
    third_request = services.request_meeting(requester=third, recipient=amina, starts_at=slot(event, 1)[0])
    services.accept_meeting(meeting=Meeting.objects.get(requester=pieter), participant=amina)

    with pytest.raises(MeetingError, match="agenda is full"):
        services.request_meeting(requester=fourth, recipient=amina, starts_at=slot(event, 2)[0])
    with pytest.raises(MeetingError, match="most meetings allowed"):
        services.accept_meeting(meeting=third_request, participant=amina)


# Answering


def test_accepting_books_both_people_at_the_lowest_free_table_and_tells_the_requester(event, mailoutbox):
    amina, pieter, third, fourth = (join(event) for _ in range(4))
    booked(third, fourth, slot(event, 0), table=1)
    booked(join(event), join(event), slot(event, 0), table=3)
    meeting = requested(amina, pieter, slot(event, 0))

    with committed():
        services.accept_meeting(meeting=meeting, participant=pieter)

    meeting.refresh_from_db()
    assert (meeting.status, meeting.table) == ("accepted", 2)
    assert meeting.responded_at is not None
    assert sorted(meeting.seats.values_list("participant_id", flat=True)) == sorted([amina.pk, pieter.pk])
    assert [m.to for m in mailoutbox] == [[amina.registration.user.email]]
    assert "Table 2" in mailoutbox[0].body or "Table 2" in mailoutbox[0].alternatives[0][0]


def test_accepting_is_refused_when_every_table_is_taken(event):
    event.b2b_tables = 2
    event.save()
    amina, pieter = join(event), join(event)
    meeting = requested(amina, pieter, slot(event, 0))
    booked(join(event), join(event), slot(event, 0), table=1)
    booked(join(event), join(event), slot(event, 0), table=2)

    with pytest.raises(MeetingError, match="No table is free at that time"):
        services.accept_meeting(meeting=meeting, participant=pieter)

    meeting.refresh_from_db()
    assert (meeting.status, meeting.table) == ("requested", None)
    assert not meeting.seats.exists()


def test_a_double_booking_the_database_refuses_becomes_a_clear_message_not_a_crash(event):
    """The constraints are the last guard, for a write that slipped past the checks (they run under the event's
    lock, so only a write from elsewhere can): the database's refusal becomes the message people read."""
    amina, pieter, karim, nadia = join(event), join(event), join(event), join(event)
    booked(karim, amina, slot(event, 0), table=1)
    second = requested(pieter, amina, slot(event, 0))
    start, end = slot(event, 0)

    with pytest.raises(IntegrityError) as person_twice, transaction.atomic():
        MeetingSeat.objects.create(meeting=second, participant=amina, starts_at=start, ends_at=end)
    with pytest.raises(IntegrityError) as table_twice, transaction.atomic():
        Meeting.objects.create(
            event=event, requester=nadia, recipient=pieter, starts_at=start, ends_at=end, status="accepted", table=1
        )

    assert services._conflict_message(person_twice.value) == "One of you is already booked at that time."
    assert services._conflict_message(table_twice.value) == "No table is free at that time."


def test_only_the_side_awaited_can_answer(event):
    amina, pieter, outsider = join(event), join(event), join(event)
    meeting = requested(amina, pieter, slot(event, 0))

    with pytest.raises(MeetingError, match="waits for the other person's answer"):
        services.accept_meeting(meeting=meeting, participant=amina)
    with pytest.raises(NotAllowed):
        services.decline_meeting(meeting=meeting, participant=outsider)
    meeting.refresh_from_db()
    assert meeting.status == "requested"


def test_declining_closes_the_request_and_tells_the_requester(event, mailoutbox):
    amina, pieter = join(event), join(event)
    meeting = requested(amina, pieter, slot(event, 0))

    with committed():
        services.decline_meeting(meeting=meeting, participant=pieter)

    meeting.refresh_from_db()
    assert meeting.status == "declined"
    assert [m.to for m in mailoutbox] == [[amina.registration.user.email]]
    assert "declined" in mailoutbox[0].subject
    with pytest.raises(MeetingError, match="already been answered"):
        services.accept_meeting(meeting=meeting, participant=pieter)


def test_a_counter_proposal_moves_the_slot_and_waits_for_the_requester(event, mailoutbox):
    amina, pieter = join(event), join(event)
    meeting = requested(amina, pieter, slot(event, 0))

    with committed():
        services.propose_slot(meeting=meeting, participant=pieter, starts_at=slot(event, 6)[0])

    meeting.refresh_from_db()
    assert (meeting.status, meeting.starts_at, meeting.proposed_by) == ("requested", slot(event, 6)[0], pieter)
    assert [m.to for m in mailoutbox] == [[amina.registration.user.email]]
    assert "proposes another time" in mailoutbox[0].subject
    with pytest.raises(MeetingError, match="waits for the other person's answer"):
        services.accept_meeting(meeting=meeting, participant=pieter)

    services.accept_meeting(meeting=meeting, participant=amina)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.starts_at, meeting.table) == ("accepted", slot(event, 6)[0], 1)


def test_a_counter_proposal_must_be_a_slot_free_for_both(event):
    amina, pieter, third = join(event), join(event), join(event)
    booked(amina, third, slot(event, 4))
    meeting = requested(amina, pieter, slot(event, 0))

    with pytest.raises(MeetingError, match="already has a meeting at that time"):
        services.propose_slot(meeting=meeting, participant=pieter, starts_at=slot(event, 4)[0])
    with pytest.raises(MeetingError, match="already the time asked for"):
        services.propose_slot(meeting=meeting, participant=pieter, starts_at=slot(event, 0)[0])


# Cancelling


def test_cancelling_a_booked_meeting_frees_both_people_and_tells_the_other_side(event, mailoutbox):
    amina, pieter = join(event), join(event)
    meeting = booked(amina, pieter, slot(event, 0))

    with committed():
        services.cancel_meeting(meeting=meeting, participant=pieter, reason="Mon vol est annulé.")

    meeting.refresh_from_db()
    assert (meeting.status, meeting.cancelled_reason) == ("cancelled", "Mon vol est annulé.")
    assert not MeetingSeat.objects.exists()
    assert [m.to for m in mailoutbox] == [[amina.registration.user.email]]
    assert "Mon vol est annulé." in mailoutbox[0].body
    assert slot(event, 0) in b2b.free_slots(amina, pieter)


def test_organisers_cancel_a_meeting_with_a_reason_and_both_people_are_told(event, organiser, member, mailoutbox):
    amina, pieter = join(event), join(event)
    meeting = booked(amina, pieter, slot(event, 0))

    with pytest.raises(NotAllowed):
        services.cancel_as_organiser(meeting=meeting, organiser=member, reason="Salle fermée")
    with pytest.raises(MeetingError, match="Give a reason"):
        services.cancel_as_organiser(meeting=meeting, organiser=organiser, reason=" ")
    with committed():
        services.cancel_as_organiser(meeting=meeting, organiser=organiser, reason="Salle fermée")

    meeting.refresh_from_db()
    assert meeting.status == "cancelled"
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.registration.user.email for p in (amina, pieter))
    assert all("organisers cancelled" in m.body and "Salle fermée" in m.body for m in mailoutbox)


def test_organisers_record_whether_an_accepted_meeting_was_held(event, organiser):
    amina, pieter = join(event), join(event)
    meeting = booked(amina, pieter, slot(event, 0))
    pending = requested(amina, join(event), slot(event, 1))

    services.mark_held(meeting=meeting, organiser=organiser, held=True)
    meeting.refresh_from_db()
    assert meeting.held is True
    with pytest.raises(MeetingError, match="Only accepted meetings"):
        services.mark_held(meeting=pending, organiser=organiser, held=True)


# Opting in and out


def test_only_a_confirmed_registrant_can_opt_in(event, member):
    waiting = RegistrationFactory(event=event, user=member, status="waitlisted", waitlisted_at=timezone.now())
    with pytest.raises(NotAllowed, match="confirmed registration"):
        services.opt_in(registration=waiting, note="")

    waiting.status = "confirmed"
    waiting.save()
    participant = services.opt_in(registration=waiting, note="Je cherche un incubateur.")
    assert (participant.is_active, participant.note, participant.event) == (True, "Je cherche un incubateur.", event)


def test_opting_out_is_refused_while_meetings_are_booked_and_withdraws_pending_requests(event, mailoutbox):
    amina, pieter, third = join(event), join(event), join(event)
    meeting = booked(amina, pieter, slot(event, 0))
    pending = requested(third, amina, slot(event, 1))

    with pytest.raises(MeetingError, match="Cancel them first"):
        services.opt_out(participant=amina)
    services.cancel_meeting(meeting=meeting, participant=amina, reason="Empêchement")
    with committed():
        services.opt_out(participant=amina)

    amina.refresh_from_db()
    pending.refresh_from_db()
    assert amina.is_active is False
    assert pending.status == "cancelled"
    assert [m.to for m in mailoutbox] == [[third.registration.user.email]]


def test_a_cancelled_registration_leaves_no_ghost_meetings_and_the_other_people_are_told(event, mailoutbox):
    amina = join(event, UserFactory(first_name="Amina", last_name="Alaoui", preferred_language="en"))
    pieter, karim = (join(event, UserFactory(preferred_language="en")) for _ in range(2))
    meeting = booked(amina, pieter, slot(event, 0))
    pending = requested(karim, amina, slot(event, 1))

    with committed():
        registrations.cancel(registration=amina.registration)

    meeting.refresh_from_db()
    pending.refresh_from_db()
    amina.refresh_from_db()
    assert (meeting.status, pending.status) == ("cancelled", "cancelled")
    assert not MeetingSeat.objects.filter(meeting=meeting).exists()
    assert amina.is_active is False
    told = {m.to[0]: m for m in mailoutbox if "Your meeting with Amina Alaoui is cancelled" in m.subject}
    assert sorted(told) == sorted([pieter.registration.user.email, karim.registration.user.email])
    assert "Amina Alaoui no longer attends the event." in told[pieter.registration.user.email].body
    assert b2b.participant_for(amina.registration.user, event) is None
