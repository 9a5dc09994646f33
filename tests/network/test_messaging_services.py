import pytest

from network.models import Profile, Thread
from network.services import messaging
from network.services.messaging import NEW_THREADS_PER_DAY
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_writing_again_to_the_same_person_continues_the_thread(member, other_member):
    first = messaging.send_direct_message(sender=member, recipient=other_member, body="Bonjour Pieter")
    answer = messaging.send_direct_message(sender=other_member, recipient=member, body="Bonjour Amina")

    assert first.thread_id == answer.thread_id
    assert Thread.objects.count() == 1
    assert first.thread.participants.count() == 2


def test_a_blocked_member_cannot_write_and_is_not_told_why(member, other_member):
    messaging.block(blocker=other_member, blocked=member)
    with pytest.raises(messaging.RecipientUnavailable) as refused:
        messaging.send_direct_message(sender=member, recipient=other_member, body="Bonjour")
    assert "block" not in str(refused.value).lower()


def test_a_member_who_accepts_no_messages_cannot_be_written_to(member, other_member):
    Profile.objects.create(user=other_member, messaging=Profile.Messaging.NOBODY)
    with pytest.raises(messaging.RecipientUnavailable):
        messaging.send_direct_message(sender=member, recipient=other_member, body="Bonjour")


def test_empty_and_too_long_messages_are_refused_with_an_explanation(member, other_member):
    with pytest.raises(messaging.MessageInvalid):
        messaging.send_direct_message(sender=member, recipient=other_member, body="   ")
    with pytest.raises(messaging.MessageInvalid, match="5001"):
        messaging.send_direct_message(sender=member, recipient=other_member, body="x" * 5001)


def test_at_most_twenty_new_threads_a_day(member):
    for recipient in UserFactory.create_batch(NEW_THREADS_PER_DAY):
        messaging.send_direct_message(sender=member, recipient=recipient, body="Bonjour")
    with pytest.raises(messaging.TooManyNewThreads):
        messaging.send_direct_message(sender=member, recipient=UserFactory(), body="Bonjour")


def test_contacting_an_organisation_opens_a_thread_with_its_admins(member):
    organisation = OrganisationFactory()
    admin = MembershipFactory(organisation=organisation, is_admin=True).member
    MembershipFactory(organisation=organisation, is_admin=False)

    message = messaging.contact_organisation(sender=member, organisation=organisation, body="Partenariat ?")
    again = messaging.contact_organisation(sender=member, organisation=organisation, body="Relance")

    assert message.thread_id == again.thread_id
    assert set(message.thread.participants.values_list("member", flat=True)) == {member.pk, admin.pk}


def test_an_organisation_without_admins_cannot_be_contacted(member):
    with pytest.raises(messaging.RecipientUnavailable):
        messaging.contact_organisation(sender=member, organisation=OrganisationFactory(), body="Bonjour")


def test_the_read_mark_never_moves_back(member, other_member):
    message = messaging.send_direct_message(sender=member, recipient=other_member, body="Bonjour")
    messaging.mark_read(member=other_member, thread=message.thread)
    later = message.thread.participants.get(member=other_member).last_read_at

    messaging.mark_read(member=other_member, thread=message.thread, up_to=message.created_at)

    assert message.thread.participants.get(member=other_member).last_read_at == later


def test_nobody_can_answer_in_a_direct_thread_whose_other_member_is_gone(member, other_member):
    thread = messaging.send_direct_message(sender=member, recipient=other_member, body="Bonjour").thread
    other_member.delete()
    with pytest.raises(messaging.RecipientUnavailable):
        messaging.reply(sender=member, thread=thread, body="Tu es là ?")


def test_unread_threads_count_only_messages_from_others(member, other_member):
    from network.selectors.messaging import inbox_for, unread_thread_count

    messaging.send_direct_message(sender=member, recipient=other_member, body="Moi")
    assert unread_thread_count(member) == 0
    assert unread_thread_count(other_member) == 1

    messaging.send_direct_message(sender=other_member, recipient=member, body="Réponse")
    messaging.send_direct_message(sender=other_member, recipient=member, body="Relance")
    assert unread_thread_count(member) == 1
    assert unread_thread_count(other_member) == 0
    assert inbox_for(member).get().unread == 2


def test_a_member_reports_a_message_once(member, other_member):
    message = messaging.send_direct_message(sender=other_member, recipient=member, body="Spam")
    report = messaging.report_message(reporter=member, message=message, reason="  Publicité  ")
    assert report.reason == "Publicité"
    with pytest.raises(messaging.AlreadyReported):
        messaging.report_message(reporter=member, message=message, reason="Encore")
    assert message.reports.count() == 1
