"""B2B reminders (the agenda the day before, the nudge five days before) and the personal calendar feed."""

from datetime import timedelta

import pytest

from dimobel import calendar, reminders
from dimobel.models import SentReminder
from events.b2b_reminders import agenda_day_before, nudge_5d
from events.calendar_items import b2b_meetings
from events.models import B2BParticipant
from tests.delivery import sweep
from tests.events.test_b2b_support import booked, join, oujda, requested, slot
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    return oujda()


def sent_to(mailoutbox, kind_word):
    return sorted(m.to[0] for m in mailoutbox if kind_word in m.subject)


def test_each_participant_gets_their_agenda_once_the_day_before_their_first_meeting(event, mailoutbox):
    amina, pieter = join(event, organisation="Atlas Export"), join(event, organisation="Oriental Invest")
    karim, idle = join(event, organisation="Tanger Logistique"), join(event)
    booked(amina, pieter, slot(event, 3), table=2)
    booked(karim, amina, slot(event, 6), table=1)
    first = slot(event, 3)[0]

    sweep(now=first - timedelta(days=1, minutes=5))  # too early for everyone
    assert sent_to(mailoutbox, "tomorrow") == []
    sweep(now=first - timedelta(hours=23))  # Amina and Pieter (first meeting at slot 3)
    assert sent_to(mailoutbox, "tomorrow") == sorted(p.registration.user.email for p in (amina, pieter))
    sweep(now=first - timedelta(hours=20))  # Karim's first meeting (slot 6) is now within a day
    sweep(now=first - timedelta(hours=19))  # a second sweep sends nothing again

    agendas = [m for m in mailoutbox if "B2B meetings tomorrow" in m.subject]
    assert sorted(m.to[0] for m in agendas) == sorted(p.registration.user.email for p in (amina, pieter, karim))
    to_amina = next(m for m in agendas if m.to == [amina.registration.user.email])
    assert "Oriental Invest" in to_amina.body
    assert "Tanger Logistique" in to_amina.body
    assert "Table 2" in to_amina.body
    assert to_amina.body.index("Oriental Invest") < to_amina.body.index("Tanger Logistique")
    assert idle.registration.user.email not in [m.to[0] for m in agendas]


def test_the_agenda_is_not_sent_once_the_first_meeting_has_started(event, mailoutbox):
    amina, pieter = join(event), join(event)
    booked(amina, pieter, slot(event, 0))

    sweep(now=slot(event, 0)[0] + timedelta(minutes=1))
    assert sent_to(mailoutbox, "tomorrow") == []


def test_the_b2b_reminders_are_registered_with_the_shared_sweep():
    assert agenda_day_before in reminders.providers()
    assert nudge_5d in reminders.providers()


def guest_participant(event, **fields):
    """A participant without an account, added by the organisers."""
    registration = RegistrationFactory(event=event, user=None, **fields)
    return B2BParticipant.objects.create(registration=registration, event=event)


def test_a_guest_gets_their_agenda_at_their_address_in_their_language_with_their_ticket_link(event, mailoutbox):
    guest = guest_participant(event, email="invite@example.org", first_name="Youssef", language="en")
    amina = join(event, organisation="Atlas Export")
    booked(guest, amina, slot(event, 0), table=3)
    day_before = slot(event, 0)[0] - timedelta(hours=12)

    sweep(now=day_before)
    sweep(now=day_before + timedelta(hours=1))

    assert sent_to(mailoutbox, "tomorrow") == sorted(["invite@example.org", amina.registration.user.email])
    to_guest = next(m for m in mailoutbox if m.to == ["invite@example.org"] and "tomorrow" in m.subject)
    assert "Your B2B meetings tomorrow" in to_guest.subject
    assert "Hello Youssef," in to_guest.body
    assert "Atlas Export" in to_guest.body
    # In English, the language the guest chose, to their ticket: the schedule page needs an account.
    assert f"/en/events/tickets/{guest.registration.secret}/" in to_guest.body
    assert "/b2b/schedule/" not in to_guest.body
    assert SentReminder.objects.get(kind="events.b2b.agenda_day_before", recipient=None).object_id == guest.pk


def test_guests_are_not_nudged_since_booking_needs_an_account(event, mailoutbox):
    guest_participant(event, email="invite@example.org")
    quiet = join(event)

    sweep(now=event.starts_at - timedelta(days=4))

    assert sent_to(mailoutbox, "Book your B2B meetings") == [quiet.registration.user.email]


def test_participants_without_meetings_are_nudged_once_five_days_before(event, mailoutbox):
    quiet, asked, busy = join(event), join(event), join(event)
    requested(join(event), asked, slot(event, 0))
    booked(busy, join(event), slot(event, 1))
    B2BParticipant.objects.filter(pk=join(event).pk).update(is_active=False)  # opted out

    sweep(now=event.starts_at - timedelta(days=5, hours=1))
    assert sent_to(mailoutbox, "Book your B2B meetings") == []
    sweep(now=event.starts_at - timedelta(days=4, hours=23))
    sweep(now=event.starts_at - timedelta(days=2))

    nudges = [m for m in mailoutbox if "Book your B2B meetings" in m.subject]
    assert [m.to[0] for m in nudges] == [quiet.registration.user.email]
    assert f"/events/{event.slug}/b2b/" in nudges[0].body


def test_accepted_meetings_feed_the_members_calendar_in_a_constant_number_of_queries(
    event, member, django_assert_num_queries
):
    amina = join(event, member)
    for number in range(3):
        booked(amina if number % 2 else join(event, organisation=f"Org {number}"), join(event), slot(event, number))
    booked(join(event, organisation="Oriental Invest"), amina, slot(event, 5), table=2)
    requested(amina, join(event), slot(event, 7))

    with django_assert_num_queries(1):
        items = b2b_meetings(member)

    assert [item.start for item in items] == [slot(event, 1)[0], slot(event, 5)[0]]
    assert "Oriental Invest" in items[1].title
    assert "table 2" in items[1].location
    assert b2b_meetings in calendar._sources
