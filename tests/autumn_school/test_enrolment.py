"""Enrolment rules: the window, prerequisites, capacity and the waitlist, promotions, and their emails."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from autumn_school.models import Enrolment, LessonProgress
from autumn_school.selectors.enrolment import waitlist_position
from autumn_school.services import enrolment as services
from autumn_school.services.errors import (
    AlreadyCompleted,
    EnrolmentClosed,
    EnrolmentNotYetOpen,
    PrerequisitesMissing,
)
from tests.factories import EditionFactory, EnrolmentFactory, LessonFactory, ModuleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(django_capture_on_commit_callbacks):
    """The enrolment services, each call committed as at the end of a request, so its emails go out."""

    class CommittedServices:
        def __getattr__(self, name):
            service = getattr(services, name)

            def call(**kwargs):
                with django_capture_on_commit_callbacks(execute=True):
                    return service(**kwargs)

            return call

    return CommittedServices()


def learner(**kwargs):
    return UserFactory(preferred_language="en", **kwargs)


def subject(message):
    """The subject without the site's prefix ("[DIMOBEL] ")."""
    return message.subject.removeprefix(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX)


def subjects(outbox, address):
    return [subject(message) for message in outbox if message.to == [address]]


# --- Enrolling -------------------------------------------------------------------------------------------


def test_a_learner_enrols_in_a_module_with_free_seats_and_is_emailed_in_their_language(module, mailoutbox, school):
    amina = learner(email="amina.en@example.org", first_name="Amina")

    enrolment = school.enrol(learner=amina, module=module)

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ENROLLED
    assert enrolment.enrolled_at is not None
    assert enrolment.last_activity_at is not None
    assert enrolment.waitlisted_at is None
    [email] = mailoutbox
    assert email.to == ["amina.en@example.org"]
    assert "You are enrolled in “Financer un projet au Maroc”" in email.subject
    assert "Hello Amina" in email.body
    assert f"{settings.SITE_URL}/en/autumn-school/modules/financer-un-projet/" in email.body
    html = email.alternatives[0][0]
    assert f'href="{settings.SITE_URL}/en/autumn-school/modules/financer-un-projet/"' in html


def test_the_email_links_follow_the_learners_language(module, mailoutbox, school):
    school.enrol(learner=UserFactory(preferred_language="nl"), module=module)

    assert f"{settings.SITE_URL}/nl/autumn-school/modules/financer-un-projet/" in mailoutbox[0].body


def test_a_module_without_capacity_takes_everyone(module, school):
    enrolments = [school.enrol(learner=learner(), module=module) for _ in range(4)]

    assert {e.status for e in enrolments} == {Enrolment.Status.ENROLLED}


def test_a_full_module_puts_the_learner_on_the_waitlist_with_their_position(mailoutbox, school):
    module = ModuleFactory(capacity=1, title="Pitcher son projet")
    school.enrol(learner=learner(), module=module)
    school.enrol(learner=learner(), module=module)
    third = learner(email="third@example.org")

    enrolment = school.enrol(learner=third, module=module)

    assert enrolment.status == Enrolment.Status.WAITLISTED
    assert enrolment.waitlisted_at is not None
    assert enrolment.enrolled_at is None
    assert waitlist_position(enrolment) == 2
    [email] = [message for message in mailoutbox if message.to == ["third@example.org"]]
    assert "You are on the waitlist for “Pitcher son projet”" in email.subject
    assert "You are number 2 on the waitlist" in email.body


def test_enrolling_twice_returns_the_same_enrolment_and_sends_nothing_more(module, mailoutbox, school):
    amina = learner()
    first = school.enrol(learner=amina, module=module)

    again = school.enrol(learner=amina, module=module)

    assert again.pk == first.pk
    assert again.enrolled_at == first.enrolled_at
    assert Enrolment.objects.filter(module=module, learner=amina).count() == 1
    assert len(mailoutbox) == 1


def test_a_waitlisted_learner_who_enrols_again_keeps_their_place(mailoutbox, school):
    module = ModuleFactory(capacity=1)
    school.enrol(learner=learner(), module=module)
    waiting = school.enrol(learner=learner(), module=module)

    again = school.enrol(learner=waiting.learner, module=module)

    assert again.status == Enrolment.Status.WAITLISTED
    assert again.waitlisted_at == waiting.waitlisted_at


def test_enrolment_is_refused_before_the_window_opens_with_the_opening_date(school):
    opens_at = timezone.now() + timedelta(days=3)
    module = ModuleFactory(enrolment_opens_at=opens_at, enrolment_closes_at=opens_at + timedelta(days=10))

    with pytest.raises(EnrolmentNotYetOpen, match="opens on"):
        school.enrol(learner=learner(), module=module)

    assert not Enrolment.objects.exists()


def test_enrolment_is_refused_after_the_window_closed(school):
    module = ModuleFactory(
        enrolment_opens_at=timezone.now() - timedelta(days=20), enrolment_closes_at=timezone.now() - timedelta(days=1)
    )

    with pytest.raises(EnrolmentClosed, match="closed on"):
        school.enrol(learner=learner(), module=module)

    assert not Enrolment.objects.exists()


@pytest.mark.parametrize(
    ("module_published", "edition_published"), [(False, True), (True, False)], ids=["module", "edition"]
)
def test_enrolment_is_refused_while_the_module_is_not_published(module_published, edition_published, school):
    module = ModuleFactory(is_published=module_published, edition=EditionFactory(is_published=edition_published))

    with pytest.raises(EnrolmentNotYetOpen, match="not published"):
        school.enrol(learner=learner(), module=module)


def test_enrolment_is_refused_until_the_prerequisites_are_completed_and_names_them(school):
    basics = ModuleFactory(title="Les bases du business model")
    law = ModuleFactory(title="Droit des sociétés")
    advanced = ModuleFactory(title="Lever des fonds")
    advanced.prerequisites.set([basics, law])
    amina = learner()
    EnrolmentFactory(module=basics, learner=amina, completed_at=timezone.now())

    with pytest.raises(PrerequisitesMissing) as error:
        school.enrol(learner=amina, module=advanced)

    assert "Droit des sociétés" in str(error.value)
    assert "Les bases du business model" not in str(error.value)
    assert not Enrolment.objects.filter(module=advanced).exists()


def test_a_learner_who_completed_the_prerequisites_can_enrol(school):
    basics = ModuleFactory()
    advanced = ModuleFactory()
    advanced.prerequisites.add(basics)
    amina = learner()
    EnrolmentFactory(module=basics, learner=amina, completed_at=timezone.now())

    assert school.enrol(learner=amina, module=advanced).status == Enrolment.Status.ENROLLED


def test_merely_being_enrolled_in_a_prerequisite_is_not_enough(school):
    basics = ModuleFactory()
    advanced = ModuleFactory()
    advanced.prerequisites.add(basics)
    amina = learner()
    EnrolmentFactory(module=basics, learner=amina)

    with pytest.raises(PrerequisitesMissing):
        school.enrol(learner=amina, module=advanced)


def test_a_newcomer_does_not_jump_the_waitlist_when_a_seat_is_free(mailoutbox, school):
    module = ModuleFactory(capacity=1)
    school.enrol(learner=learner(), module=module)
    first_waiting = school.enrol(learner=learner(), module=module)
    # An organiser raised the capacity without promoting anyone yet.
    module.capacity = 2
    module.save(update_fields=["capacity"])

    newcomer = school.enrol(learner=learner(), module=module)

    first_waiting.refresh_from_db()
    assert first_waiting.status == Enrolment.Status.ENROLLED
    assert newcomer.status == Enrolment.Status.WAITLISTED
    assert waitlist_position(newcomer) == 1


# --- Unenrolling and the waitlist ------------------------------------------------------------------------


def test_unenrolling_cancels_the_enrolment_and_confirms_by_email(module, mailoutbox, school):
    enrolment = school.enrol(learner=learner(email="leaver@example.org"), module=module)

    school.unenrol(enrolment=enrolment)

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED
    assert enrolment.cancelled_at is not None
    assert subjects(mailoutbox, "leaver@example.org")[-1] == "You have left “Financer un projet au Maroc”"


def test_a_cancellation_promotes_the_first_on_the_waitlist_and_emails_them(mailoutbox, school):
    module = ModuleFactory(capacity=2, title="Export et logistique")
    seated = school.enrol(learner=learner(), module=module)
    school.enrol(learner=learner(), module=module)
    first = school.enrol(learner=learner(email="first@example.org"), module=module)
    second = school.enrol(learner=learner(email="second@example.org"), module=module)

    school.unenrol(enrolment=seated)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Enrolment.Status.ENROLLED
    assert first.enrolled_at is not None
    assert second.status == Enrolment.Status.WAITLISTED
    assert waitlist_position(second) == 1
    promoted = [m for m in mailoutbox if m.to == ["first@example.org"]][-1]
    assert subject(promoted) == "A seat freed up: you are enrolled in “Export et logistique”"
    assert "/en/autumn-school/modules/" in promoted.body
    assert subjects(mailoutbox, "second@example.org") == ["You are on the waitlist for “Export et logistique”"]
    assert Enrolment.objects.active().filter(module=module).count() == 2


def test_leaving_the_waitlist_promotes_nobody_and_moves_the_others_up(mailoutbox, school):
    module = ModuleFactory(capacity=1)
    school.enrol(learner=learner(), module=module)
    first = school.enrol(learner=learner(email="first@example.org"), module=module)
    second = school.enrol(learner=learner(), module=module)

    school.unenrol(enrolment=first)

    assert waitlist_position(Enrolment.objects.get(pk=second.pk)) == 1
    assert Enrolment.objects.active().filter(module=module).count() == 1
    assert subjects(mailoutbox, "first@example.org")[-1].startswith("You have left the waitlist for")


def test_unenrolling_twice_does_nothing_the_second_time(module, mailoutbox, school):
    enrolment = school.enrol(learner=learner(), module=module)
    school.unenrol(enrolment=enrolment)
    sent = len(mailoutbox)

    again = school.unenrol(enrolment=enrolment)

    assert again.status == Enrolment.Status.CANCELLED
    assert len(mailoutbox) == sent


def test_a_completed_module_cannot_be_left(module, school):
    enrolment = EnrolmentFactory(module=module, completed_at=timezone.now())

    with pytest.raises(AlreadyCompleted, match="so you cannot leave it"):
        school.unenrol(enrolment=enrolment)

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ENROLLED


def test_enrolling_again_after_cancelling_reuses_the_row_and_keeps_the_lessons_done(module, school):
    amina = learner()
    enrolment = school.enrol(learner=amina, module=module)
    LessonProgress.objects.create(enrolment=enrolment, lesson=module.lessons.first())
    school.unenrol(enrolment=enrolment)

    again = school.enrol(learner=amina, module=module)

    assert again.pk == enrolment.pk
    assert again.status == Enrolment.Status.ENROLLED
    assert again.cancelled_at is None
    assert LessonProgress.objects.filter(enrolment=again).count() == 1


def test_enrolling_again_after_cancelling_a_full_module_joins_the_end_of_the_waitlist(school):
    module = ModuleFactory(capacity=1)
    amina = learner()
    mine = school.enrol(learner=amina, module=module)
    school.enrol(learner=learner(), module=module)  # waiting, promoted when Amina leaves
    school.unenrol(enrolment=mine)
    school.enrol(learner=learner(), module=module)

    again = school.enrol(learner=amina, module=module)

    assert again.status == Enrolment.Status.WAITLISTED
    assert waitlist_position(again) == 2


def test_raising_the_capacity_then_promoting_fills_exactly_the_new_seats_in_order(mailoutbox, school):
    module = ModuleFactory(capacity=1)
    school.enrol(learner=learner(), module=module)
    waiting = [school.enrol(learner=learner(), module=module) for _ in range(3)]
    module.capacity = 3
    module.save(update_fields=["capacity"])

    promoted = school.promote_from_waitlist(module=module)

    assert [e.pk for e in promoted] == [waiting[0].pk, waiting[1].pk]
    assert Enrolment.objects.get(pk=waiting[2].pk).status == Enrolment.Status.WAITLISTED
    promoted_subjects = [m.subject for m in mailoutbox if subject(m).startswith("A seat freed up")]
    assert len(promoted_subjects) == 2


def test_removing_the_limit_promotes_the_whole_waitlist(school):
    module = ModuleFactory(capacity=1)
    school.enrol(learner=learner(), module=module)
    waiting = [school.enrol(learner=learner(), module=module) for _ in range(2)]
    module.capacity = None
    module.save(update_fields=["capacity"])

    promoted = school.promote_from_waitlist(module=module)

    assert {e.pk for e in promoted} == {e.pk for e in waiting}


def test_promoting_a_full_module_changes_nothing(mailoutbox, school):
    module = ModuleFactory(capacity=1)
    school.enrol(learner=learner(), module=module)
    school.enrol(learner=learner(), module=module)
    sent = len(mailoutbox)

    assert school.promote_from_waitlist(module=module) == []
    assert len(mailoutbox) == sent


def test_waitlist_position_is_none_unless_waitlisted(module, school):
    assert waitlist_position(school.enrol(learner=learner(), module=module)) is None


# --- The race --------------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_capacity_holds_when_twenty_learners_enrol_at_once_and_a_cancellation_promotes_the_first(mailoutbox):
    module = ModuleFactory(capacity=5, title="Le pitch en 3 minutes")
    for position in (1, 2):
        LessonFactory(module=module, position=position)
    learners = [learner(email=f"racer{n}@example.org") for n in range(20)]
    start = threading.Barrier(len(learners))

    def enrol(member):
        try:
            start.wait(timeout=30)
            return services.enrol(learner=member, module=module).status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(learners)) as pool:
        statuses = list(pool.map(enrol, learners))

    assert statuses.count(Enrolment.Status.ENROLLED) == 5
    assert statuses.count(Enrolment.Status.WAITLISTED) == 15
    assert Enrolment.objects.active().filter(module=module).count() == 5
    waitlist = list(Enrolment.objects.waitlisted().filter(module=module))
    assert sorted(waitlist_position(e) for e in waitlist) == list(range(1, 16))
    assert len(mailoutbox) == 20
    assert sum("You are number" in m.body for m in mailoutbox) == 15

    seated = Enrolment.objects.active().filter(module=module).first()
    services.unenrol(enrolment=seated)

    first = Enrolment.objects.get(pk=waitlist[0].pk)
    assert first.status == Enrolment.Status.ENROLLED
    assert Enrolment.objects.active().filter(module=module).count() == 5
    assert Enrolment.objects.waitlisted().filter(module=module).count() == 14
    promoted = [m for m in mailoutbox if subject(m).startswith("A seat freed up")]
    assert [m.to for m in promoted] == [[first.learner.email]]
