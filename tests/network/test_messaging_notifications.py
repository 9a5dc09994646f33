"""Email about new messages: once per thread per 15 minutes, only when unread, in the recipient's language,
and a one-click way out."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from dimobel import outbox
from dimobel.celery import app as celery_app
from dimobel.models import OutboundEmail
from network.models import Participant, Profile
from network.selectors.messaging import unsubscribe_token
from network.services import ensure_profile, messaging
from network.services.messaging import NOTIFY_DELAY, NOTIFY_EVERY
from tests.factories import MembershipFactory, OrganisationFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Write a message and run what the commit queues (the notification task, eagerly)."""

    def _send(sender, recipient, body):
        with django_capture_on_commit_callbacks(execute=True):
            return messaging.send_direct_message(sender=sender, recipient=recipient, body=body)

    return _send


def unsubscribe_url(member, language="en"):
    with translation.override(language):
        return reverse("network:messages_unsubscribe", args=[unsubscribe_token(member)])


def test_a_new_message_emails_the_recipient_with_the_sender_the_text_and_links(send, member, other_member, settings):
    message = send(member, other_member, "Bonjour Pieter,\nauriez-vous un contact à Tanger ?")

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["pieter@example.org"]
    assert "Amina El Idrissi" in email.subject
    assert "auriez-vous un contact à Tanger ?" in email.body
    thread_link = settings.SITE_URL + f"/fr/network/messages/{message.thread_id}/"
    assert thread_link in email.body
    assert thread_link in email.alternatives[0][0]
    assert settings.SITE_URL + "/fr/network/messages/notifications/off/" in email.body
    assert email.extra_headers["List-Unsubscribe"].startswith(f"<{settings.SITE_URL}/fr/network/messages/")
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_email_is_in_the_recipients_language(send, member, other_member, settings):
    other_member.preferred_language = "nl"
    other_member.save()
    member.preferred_language = "ar"
    member.save()

    message = send(member, other_member, "Goedendag")

    email = mail.outbox[0]
    assert settings.SITE_URL + f"/nl/network/messages/{message.thread_id}/" in email.body
    assert '<html lang="nl"' in email.alternatives[0][0]
    assert "/ar/" not in email.body


def test_a_message_text_is_escaped_in_the_html_email(send, member, other_member):
    send(member, other_member, '<a href="https://phish.example">Cliquez</a>')
    html = mail.outbox[0].alternatives[0][0]
    assert '<a href="https://phish.example">' not in html
    assert "&lt;a href=&quot;https://phish.example&quot;&gt;" in html


def test_at_most_one_email_per_thread_every_15_minutes(send, member, other_member):
    send(member, other_member, "Un")
    send(member, other_member, "Deux")
    send(member, other_member, "Trois")
    assert len(mail.outbox) == 1

    Participant.objects.filter(member=other_member).update(last_notified_at=timezone.now() - NOTIFY_EVERY)
    send(member, other_member, "Quatre, un quart d’heure plus tard")

    assert len(mail.outbox) == 2
    assert "Quatre" in mail.outbox[1].body


def test_another_thread_gets_its_own_email(send, member, other_member):
    send(member, other_member, "Un")
    send(UserFactory(), other_member, "Autre conversation")
    assert len(mail.outbox) == 2


def test_no_email_to_a_member_who_reads_the_message_within_the_minute(member, other_member):
    celery_app.conf.task_always_eager = False  # a worker would deliver it after NOTIFY_DELAY
    try:
        message = messaging.send_direct_message(sender=member, recipient=other_member, body="Déjà lu ?")
    finally:
        celery_app.conf.task_always_eager = True
    email = OutboundEmail.objects.get()
    assert NOTIFY_DELAY - timedelta(seconds=1) < email.next_attempt_at - email.created_at <= NOTIFY_DELAY

    messaging.mark_read(member=other_member, thread=message.thread)

    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.CANCELLED
    OutboundEmail.objects.update(next_attempt_at=timezone.now())
    assert outbox.relay() == 0
    assert mail.outbox == []


def test_after_a_read_cancels_an_email_the_next_unseen_message_is_emailed(member, other_member):
    celery_app.conf.task_always_eager = False
    try:
        first = messaging.send_direct_message(sender=member, recipient=other_member, body="Un")
        messaging.mark_read(member=other_member, thread=first.thread, up_to=first.created_at)
        second = messaging.send_direct_message(sender=member, recipient=other_member, body="Deux, pas encore lu")
        messaging.mark_read(member=other_member, thread=first.thread, up_to=first.created_at)  # a slow poll
    finally:
        celery_app.conf.task_always_eager = True

    emails = list(OutboundEmail.objects.order_by("pk"))
    assert [e.status for e in emails] == [OutboundEmail.Status.CANCELLED, OutboundEmail.Status.QUEUED]
    assert emails[1].object_id == second.pk
    OutboundEmail.objects.update(next_attempt_at=timezone.now())
    assert outbox.relay() == 1
    assert "Deux, pas encore lu" in mail.outbox[0].body


def test_an_unread_message_is_emailed_after_the_minute(member, other_member):
    celery_app.conf.task_always_eager = False
    try:
        messaging.send_direct_message(sender=member, recipient=other_member, body="Toujours là ?")
    finally:
        celery_app.conf.task_always_eager = True
    assert outbox.relay() == 0  # not yet
    OutboundEmail.objects.update(next_attempt_at=timezone.now())
    assert outbox.relay() == 1
    assert mail.outbox[0].to == ["pieter@example.org"]


def test_no_email_to_a_member_who_turned_them_off(send, member, other_member):
    ProfileFactory(user=other_member, email_on_message=False)
    send(member, other_member, "Bonjour")
    assert mail.outbox == []


def test_no_email_to_the_sender_or_a_deactivated_admin(member, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory(name="Atlas Export")
    active, inactive = (MembershipFactory(organisation=organisation, is_admin=True).member for _ in range(2))
    inactive.is_active = False
    inactive.save()
    with django_capture_on_commit_callbacks(execute=True):
        messaging.contact_organisation(sender=member, organisation=organisation, body="Partenariat ?")
    assert [email.to for email in mail.outbox] == [[active.email]]


def test_notifying_again_sends_nothing_and_a_message_gone_is_quiet(member, other_member):
    message = messaging.send_direct_message(sender=member, recipient=other_member, body="Bonjour")
    assert messaging.notify_new_message(message_id=message.pk) == []  # the slot is taken
    assert OutboundEmail.objects.count() == 1

    message.delete()
    assert messaging.notify_new_message(message_id=message.pk) == []


def test_an_organisation_thread_emails_each_admin_once(member, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory(name="Atlas Export")
    admins = [MembershipFactory(organisation=organisation, is_admin=True).member for _ in range(2)]
    with django_capture_on_commit_callbacks(execute=True):
        messaging.contact_organisation(sender=member, organisation=organisation, body="Partenariat ?")

    assert sorted(email.to[0] for email in mail.outbox) == sorted(a.email for a in admins)
    assert "Atlas Export" in mail.outbox[0].body


def test_sending_from_the_page_queues_the_email_after_commit(
    client, member, other_member, django_capture_on_commit_callbacks
):
    ProfileFactory(user=other_member)
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(reverse("network:write_to_member", args=[other_member.pk]), {"body": "Bonjour"})
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_send_one_email():
    """The conditional UPDATE lets exactly one of several concurrent workers claim the slot."""
    sender, recipient = UserFactory(), UserFactory()
    message = messaging.send_direct_message(sender=sender, recipient=recipient, body="Course")
    Participant.objects.update(last_notified_at=None)  # forget the email sent on commit; race for a fresh slot
    mail.outbox.clear()

    def worker():
        try:
            return len(messaging.notify_new_message(message_id=message.pk))
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        sent = list(pool.map(lambda _: worker(), range(8)))

    assert sum(sent) == 1
    assert len(mail.outbox) == 1


# --- One-click unsubscribe --------------------------------------------------------------------------


def test_the_unsubscribe_link_works_without_logging_in(client, member):
    url = unsubscribe_url(member)

    page = client.get(url)
    assert page.status_code == 200
    assert "Turn off message emails" in page.content.decode()
    assert ensure_profile(user=member).email_on_message is True  # a GET (link preview) changes nothing

    done = client.post(url)
    assert done.status_code == 200
    assert "you will no longer get emails" in done.content.decode()
    assert Profile.objects.get(user=member).email_on_message is False


def test_a_mail_providers_one_click_post_turns_emails_off(client, member):
    client.post(unsubscribe_url(member), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert Profile.objects.get(user=member).email_on_message is False


def test_a_tampered_unsubscribe_token_is_refused(client, member, other_member):
    token = unsubscribe_token(member)
    # Someone else's id with this member's signature, a cut signature, and nonsense.
    forged = unsubscribe_token(other_member).split(":")[0] + ":" + token.split(":", 1)[1]
    assert forged != unsubscribe_token(other_member)
    with translation.override("en"):
        for bad in (forged, token[:-2] + "xx", "nimportequoi"):
            response = client.post(reverse("network:messages_unsubscribe", args=[bad]))
            assert response.status_code == 400
            assert "This link is not valid" in response.content.decode()
    assert not Profile.objects.filter(email_on_message=False).exists()


def test_after_unsubscribing_no_more_emails(client, send, member, other_member):
    client.post(unsubscribe_url(other_member))
    send(member, other_member, "Bonjour")
    assert mail.outbox == []


def test_emails_can_be_turned_back_on(client, send, member, other_member):
    client.post(unsubscribe_url(other_member))
    client.force_login(other_member)
    client.post(reverse("network:message_settings"), {"email_on_message": "on"})
    send(member, other_member, "Bonjour")
    assert len(mail.outbox) == 1
