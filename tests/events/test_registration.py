"""The registration rules: seats, approval, the one waitlist per event, cancelling, answers, duplicates."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from dimobel.errors import NotAllowed
from events.models import Answer, Registration
from events.selectors.registration import waitlist_position
from events.services import registration as services
from events.services.errors import RegistrationClosed, RegistrationNotYetOpen
from tests.events.support import committed
from tests.factories import (
    CategoryFactory,
    EventFactory,
    EventQuestionFactory,
    MembershipFactory,
    OrganisationFactory,
    ProfileFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def register(event, category, user=None, answers=None):
    with committed():
        return services.register_member(event=event, user=user or UserFactory(), category=category, answers=answers)


def statuses(event):
    return list(Registration.objects.filter(event=event).order_by("pk").values_list("status", flat=True))


# The seat decision


def test_a_member_with_a_seat_left_is_confirmed_and_gets_the_ticket(member):
    event = EventFactory(capacity=10, title="Colloque des 60 ans")
    category = CategoryFactory(event=event, name="Participant")

    registration = register(event, category, member)

    assert registration.is_new
    assert registration.status == "confirmed"
    assert registration.confirmed_at is not None
    assert [m.to[0] for m in mail.outbox] == ["amina@example.org"]
    assert "Colloque des 60 ans" in mail.outbox[0].subject
    assert sorted(a[0] for a in mail.outbox[0].attachments) == [f"{event.slug}.ics", "ticket-qr.png"]


def test_the_registration_is_prefilled_from_the_account_profile_and_organisation(member):
    member.preferred_language = "nl"
    member.save()
    ProfileFactory(user=member, country="MA")
    MembershipFactory(organisation=OrganisationFactory(name="Pending Org"), member=member, status="pending")
    MembershipFactory(organisation=OrganisationFactory(name="Atlas Export"), member=member, role="CEO")
    event = EventFactory()

    registration = register(event, CategoryFactory(event=event), member)

    assert (registration.first_name, registration.last_name, registration.email) == (
        "Amina",
        "El Idrissi",
        "amina@example.org",
    )
    assert (registration.organisation_name, registration.job_title) == ("Atlas Export", "CEO")
    assert (registration.country, registration.language) == ("MA", "nl")


def test_when_the_event_is_full_the_next_person_is_waitlisted_with_a_position():
    event = EventFactory(capacity=2)
    category = CategoryFactory(event=event)
    register(event, category)
    register(event, category)

    third = register(event, category)
    fourth = register(event, category)

    assert (third.status, fourth.status) == ("waitlisted", "waitlisted")
    assert third.waitlisted_at is not None
    assert waitlist_position(third) == 1
    assert waitlist_position(fourth) == 2
    assert "waitlist, number 2" in mail.outbox[-1].body


def test_a_full_category_waitlists_even_when_the_event_has_seats():
    event = EventFactory(capacity=100)
    students = CategoryFactory(event=event, name="Étudiant", capacity=1)
    participants = CategoryFactory(event=event, name="Participant")
    register(event, students)

    assert register(event, students).status == "waitlisted"
    assert register(event, participants).status == "confirmed"


def test_approval_on_the_event_or_the_category_makes_registrations_pending():
    event = EventFactory(requires_approval=True)
    assert register(event, CategoryFactory(event=event)).status == "pending"

    other = EventFactory()
    press = CategoryFactory(event=other, requires_approval=True)
    registration = register(other, press)
    assert registration.status == "pending"
    assert "review" in mail.outbox[-1].body


def test_pending_registrations_hold_a_seat():
    event = EventFactory(capacity=1, requires_approval=True)
    category = CategoryFactory(event=event)
    register(event, category)

    assert register(event, category).status == "waitlisted"


def test_checked_in_people_still_hold_their_seat():
    event = EventFactory(capacity=1)
    category = CategoryFactory(event=event)
    RegistrationFactory(event=event, category=category, checked_in_at=timezone.now())

    assert register(event, category).status == "waitlisted"


def test_registering_before_the_window_opens_or_after_it_closes_is_refused():
    soon = EventFactory(registration_opens_at=timezone.now() + timedelta(days=1))
    with pytest.raises(RegistrationNotYetOpen):
        register(soon, CategoryFactory(event=soon))

    closed = EventFactory(
        registration_opens_at=timezone.now() - timedelta(days=5),
        registration_closes_at=timezone.now() - timedelta(minutes=1),
    )
    with pytest.raises(RegistrationClosed):
        register(closed, CategoryFactory(event=closed))
    assert not Registration.objects.exists()


def test_a_category_of_another_event_is_refused():
    event = EventFactory()
    with pytest.raises(NotAllowed):
        register(event, CategoryFactory())


# Once per member and per address


def test_a_second_submit_returns_the_existing_registration(member):
    event = EventFactory()
    category = CategoryFactory(event=event)
    first = register(event, category, member)

    second = register(event, category, member)

    assert second.pk == first.pk
    assert not second.is_new
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 1  # no second ticket


def test_a_cancelled_registration_registering_again_reuses_its_row(member):
    event = EventFactory(capacity=5)
    category = CategoryFactory(event=event)
    first = register(event, category, member)
    services.cancel(registration=first)

    again = register(event, category, member)

    assert again.pk == first.pk
    assert again.is_new
    assert again.status == "confirmed"
    assert again.cancelled_at is None
    assert Registration.objects.count() == 1


def test_a_member_registering_links_their_earlier_guest_registration(member):
    event = EventFactory()
    category = CategoryFactory(event=event)
    guest = RegistrationFactory(event=event, category=category, user=None, email="AMINA@example.org")

    registration = register(event, category, member)

    assert registration.pk == guest.pk
    assert not registration.is_new
    guest.refresh_from_db()
    assert guest.user == member


# The waitlist: one queue per event, across categories


def test_a_cancelled_seat_goes_to_the_first_in_the_queue_who_is_emailed():
    event = EventFactory(capacity=1)
    category = CategoryFactory(event=event)
    holder = register(event, category)
    first = register(event, category, UserFactory(email="first@example.org"))
    second = register(event, category)
    mail.outbox.clear()

    with committed():
        services.cancel(registration=holder)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waitlisted")
    assert first.confirmed_at is not None
    promoted = next(m for m in mail.outbox if m.to == ["first@example.org"])
    assert "ticket-qr.png" in [a[0] for a in promoted.attachments]
    assert waitlist_position(second) == 1


def test_promotion_skips_people_whose_category_is_still_full():
    event = EventFactory(capacity=3)
    students = CategoryFactory(event=event, capacity=1)
    participants = CategoryFactory(event=event)
    register(event, students)
    leaving = register(event, participants)
    register(event, participants)
    waiting_student = register(event, students)  # category full
    waiting_participant = register(event, participants)  # event full
    assert (waiting_student.status, waiting_participant.status) == ("waitlisted", "waitlisted")

    services.cancel(registration=leaving)

    waiting_student.refresh_from_db()
    waiting_participant.refresh_from_db()
    assert waiting_student.status == "waitlisted"
    assert waiting_participant.status == "confirmed"


def test_promote_from_waitlist_fills_every_seat_that_a_larger_capacity_opened():
    event = EventFactory(capacity=1)
    category = CategoryFactory(event=event)
    register(event, category)
    waiting = [register(event, category) for _ in range(3)]
    event.capacity = 3
    event.save()

    promoted = services.promote_from_waitlist(event=event)

    assert [r.pk for r in promoted] == [waiting[0].pk, waiting[1].pk]
    assert statuses(event) == ["confirmed", "confirmed", "confirmed", "waitlisted"]


def test_a_promoted_person_in_an_approval_category_becomes_pending():
    event = EventFactory(capacity=1)
    press = CategoryFactory(event=event, requires_approval=True)
    holder = register(event, CategoryFactory(event=event))
    waiting = register(event, press)

    with committed():
        services.cancel(registration=holder)

    waiting.refresh_from_db()
    assert waiting.status == "pending"
    assert "organisers review" in mail.outbox[-1].body


def test_the_queue_is_served_before_a_newcomer_when_seats_appear():
    event = EventFactory(capacity=1)
    category = CategoryFactory(event=event)
    register(event, category)
    waiting = register(event, category)
    event.capacity = 2
    event.save()

    newcomer = register(event, category)

    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert newcomer.status == "waitlisted"


# Organisers' decisions


def test_an_organiser_approves_a_pending_registration_and_the_ticket_is_sent(organiser):
    event = EventFactory(requires_approval=True)
    registration = register(event, CategoryFactory(event=event), UserFactory(email="press@example.org"))
    mail.outbox.clear()

    with committed():
        services.approve(registration=registration, by=organiser)

    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert mail.outbox[0].to == ["press@example.org"]
    assert "ticket-qr.png" in [a[0] for a in mail.outbox[0].attachments]


def test_only_organisers_approve_and_only_pending_registrations(member, organiser):
    event = EventFactory(requires_approval=True)
    pending = register(event, CategoryFactory(event=event))
    with pytest.raises(NotAllowed):
        services.approve(registration=pending, by=member)

    confirmed = RegistrationFactory(event=event)
    with pytest.raises(NotAllowed):
        services.approve(registration=confirmed, by=organiser)


def test_declining_a_pending_registration_frees_its_seat_for_the_queue(organiser):
    event = EventFactory(capacity=1, requires_approval=True)
    category = CategoryFactory(event=event)
    pending = register(event, category, UserFactory(email="declined@example.org"))
    waiting = register(event, category)

    with committed():
        services.decline(registration=pending, by=organiser)

    pending.refresh_from_db()
    waiting.refresh_from_db()
    assert (pending.status, waiting.status) == ("declined", "pending")
    declined_email = next(m for m in mail.outbox if m.to == ["declined@example.org"] and "could not accept" in m.body)
    assert declined_email


def test_a_declined_member_cannot_register_again(member, organiser):
    event = EventFactory(requires_approval=True)
    category = CategoryFactory(event=event)
    registration = register(event, category, member)
    services.decline(registration=registration, by=organiser)

    again = register(event, category, member)

    assert again.pk == registration.pk
    assert again.status == "declined"


def test_resend_ticket_sends_the_ticket_again_only_to_confirmed_people():
    event = EventFactory(requires_approval=True)
    confirmed = RegistrationFactory(event=event, user=UserFactory(email="ok@example.org"))
    with committed():
        services.resend_ticket(registration=confirmed)
    assert mail.outbox[-1].to == ["ok@example.org"]

    pending = register(event, CategoryFactory(event=event))
    with pytest.raises(NotAllowed):
        services.resend_ticket(registration=pending)


# Cancelling


def test_cancelling_is_refused_after_check_in_or_once_the_event_started():
    checked_in = RegistrationFactory(checked_in_at=timezone.now())
    with pytest.raises(NotAllowed):
        services.cancel(registration=checked_in)

    started = EventFactory(starts_at=timezone.now() - timedelta(hours=1), ends_at=timezone.now() + timedelta(hours=5))
    with pytest.raises(NotAllowed):
        services.cancel(registration=RegistrationFactory(event=started))


def test_a_cancelled_member_is_emailed():
    registration = RegistrationFactory(user=UserFactory(email="bye@example.org"))

    with committed():
        services.cancel(registration=registration)

    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert registration.cancelled_at is not None
    assert mail.outbox[-1].to == ["bye@example.org"]
    assert "cancelled" in mail.outbox[-1].subject


# Answers


def test_answers_are_stored_as_text_choice_list_and_boolean():
    event = EventFactory()
    diet = EventQuestionFactory(event=event, kind="text", label="Dietary needs")
    lunch = EventQuestionFactory(event=event, kind="single", choices=["Fish", "Vegetarian"])
    workshops = EventQuestionFactory(event=event, kind="multiple", choices=["A", "B", "C"])
    wheelchair = EventQuestionFactory(event=event, kind="yes_no")
    skipped = EventQuestionFactory(event=event, kind="text")

    registration = register(
        event,
        CategoryFactory(event=event),
        answers={
            diet.pk: "Sans gluten",
            lunch.pk: "Fish",
            workshops.pk: ["A", "C"],
            wheelchair.pk: False,
            skipped.pk: "",
        },
    )

    stored = dict(Answer.objects.filter(registration=registration).values_list("question_id", "value"))
    assert stored == {diet.pk: "Sans gluten", lunch.pk: "Fish", workshops.pk: ["A", "C"], wheelchair.pk: False}


def test_answers_can_change_until_registration_closes():
    event = EventFactory()
    question = EventQuestionFactory(event=event)
    registration = register(event, CategoryFactory(event=event), answers={question.pk: "Halal"})

    services.update_answers(registration=registration, answers={question.pk: "Végétarien"})
    assert Answer.objects.get(registration=registration).value == "Végétarien"

    event.registration_closes_at = timezone.now() - timedelta(minutes=1)
    event.save()
    with pytest.raises(RegistrationClosed):
        services.update_answers(registration=registration, answers={question.pk: "Rien"})
    assert Answer.objects.get(registration=registration).value == "Végétarien"


def test_answers_to_another_events_questions_are_ignored():
    event = EventFactory()
    foreign = EventQuestionFactory()

    registration = register(event, CategoryFactory(event=event), answers={foreign.pk: "Hello"})

    assert not registration.answers.exists()
