"""Two acceptances racing for the same person and slot, on real parallel database connections."""

import pytest

from events.models import Meeting, MeetingSeat
from events.services import b2b as services
from events.services.errors import MeetingError
from tests.events.support import race
from tests.events.test_b2b_support import join, oujda, requested, slot

pytestmark = pytest.mark.django_db(transaction=True)


def race_to_accept(*calls):
    """Each call in its own thread and connection, all released at once: "ok" or the message people read."""
    return [str(outcome) if isinstance(outcome, MeetingError) else "ok" for outcome in race(calls)]


def test_two_people_accepting_meetings_with_the_same_person_in_the_same_slot_only_one_wins():
    event = oujda()
    amina, pieter, karim = join(event), join(event), join(event)
    with_pieter = requested(amina, pieter, slot(event, 0))
    with_karim = requested(amina, karim, slot(event, 0))

    results = race_to_accept(
        lambda: services.accept_meeting(meeting=with_pieter, participant=pieter),
        lambda: services.accept_meeting(meeting=with_karim, participant=karim),
    )

    assert sorted(results) == ["One of you is already booked at that time.", "ok"]
    assert Meeting.objects.filter(status="accepted").count() == 1
    assert MeetingSeat.objects.filter(participant=amina).count() == 1


def test_two_acceptances_racing_for_the_last_table_give_it_to_one():
    event = oujda(b2b_tables=1)
    pairs = [(join(event), join(event)) for _ in range(2)]
    meetings = [requested(a, b, slot(event, 0)) for a, b in pairs]

    results = race_to_accept(
        *(
            (lambda m=meeting, p=pair: services.accept_meeting(meeting=m, participant=p[1]))
            for meeting, pair in zip(meetings, pairs, strict=True)
        )
    )

    assert sorted(results) == ["No table is free at that time.", "ok"]
    assert list(Meeting.objects.filter(status="accepted").values_list("table", flat=True)) == [1]
