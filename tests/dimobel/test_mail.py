"""The outbox: an email is rendered in the recipient's language and inserted in the caller's transaction; it
leaves after the commit, once, with a stable Message-ID."""

import pytest
from django.core import mail
from django.db import transaction

from dimobel import outbox
from dimobel.mail import Attachment, queue_mail
from dimobel.models import OutboundEmail

pytestmark = pytest.mark.django_db
Status = OutboundEmail.Status


def test_an_email_is_rendered_in_the_recipients_language_with_text_and_html(member, django_capture_on_commit_callbacks):
    member.preferred_language = "nl"
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(
            template_prefix="account/email/password_reset_key",
            to=member,
            context={"user": member, "password_reset_url": "https://x.example/reset/"},
        )

    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    assert message.subject.startswith("[DIMOBEL] ")
    assert "Wachtwoord" in message.subject or "wachtwoord" in message.body  # allauth's Dutch catalogue
    assert "https://x.example/reset/" in message.body
    row = OutboundEmail.objects.get()
    assert (row.recipient, row.language, row.status) == (member, "nl", Status.SENT)
    assert message.extra_headers["Message-ID"] == row.message_id


def test_an_address_gets_the_given_language_and_attachments(settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(
            template_prefix="emails/contact_message",
            to="team@example.org",
            language="fr",
            context={"name": "Youssef", "email": "y@example.org", "subject": "Salon", "message": "Bonjour"},
            attachments=[Attachment("invite.ics", "BEGIN:VCALENDAR", "text/calendar")],
            reply_to=["y@example.org"],
        )

    message = mail.outbox[0]
    assert message.reply_to == ["y@example.org"]
    assert "Formulaire de contact" in message.subject
    assert message.attachments[0][0] == "invite.ics"
    assert message.attachments[0][1] == "BEGIN:VCALENDAR"
    assert settings.SITE_URL in message.body


def test_nothing_leaves_before_the_commit_and_a_rollback_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        queue_mail(template_prefix="emails/contact_message", to="a@example.org", language="fr")
        assert mail.outbox == []

    def failing_change():
        with transaction.atomic():
            queue_mail(template_prefix="emails/contact_message", to="b@example.org", language="fr")
            raise RuntimeError("the change fails")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        failing_change()

    assert [message.to for message in mail.outbox] == [["a@example.org"]]
    assert list(OutboundEmail.objects.values_list("to_email", flat=True)) == ["a@example.org"]


def test_each_email_has_its_own_message_id_on_the_sites_domain(settings):
    settings.SITE_URL = "https://dimobel.example.org"
    first = queue_mail(template_prefix="emails/contact_message", to="a@example.org", language="fr")
    second = queue_mail(template_prefix="emails/contact_message", to="a@example.org", language="fr")
    assert first.message_id != second.message_id
    assert first.message_id.endswith("@dimobel.example.org>")


def test_a_delivered_email_is_not_delivered_again():
    email = queue_mail(template_prefix="emails/contact_message", to="a@example.org", language="fr")
    assert outbox.deliver(email.pk) is True
    assert outbox.deliver(email.pk) is False
    assert outbox.relay() == 0
    assert len(mail.outbox) == 1


def test_a_failed_send_is_rescheduled_with_backoff_and_the_relay_delivers_it(settings):
    # A real SMTP connection to a port where nothing listens (the fault tests use a real SMTP server).
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", 1, False
    email = queue_mail(template_prefix="emails/contact_message", to="a@example.org", language="fr")
    assert outbox.deliver(email.pk) is False
    email.refresh_from_db()
    assert email.status == Status.QUEUED
    assert email.attempts == 1
    assert "ConnectionRefusedError" in email.last_error
    assert email.next_attempt_at > email.created_at

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.relay() == 0  # not due yet
    OutboundEmail.objects.update(next_attempt_at=email.created_at)
    assert outbox.relay() == 1
    assert len(mail.outbox) == 1


def test_the_backoff_doubles_up_to_two_hours():
    minutes = [outbox.backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4, 8, 20)]
    assert minutes == [1, 2, 4, 8, 120, 120]


def test_a_sender_that_died_mid_send_is_taken_over_once_its_lease_expires():
    email = queue_mail(template_prefix="emails/contact_message", to="a@example.org", language="fr")
    from django.utils import timezone

    OutboundEmail.objects.filter(pk=email.pk).update(
        status=Status.SENDING, attempts=1, claimed_until=timezone.now() + outbox.lease()
    )
    assert outbox.relay() == 0  # someone holds it
    OutboundEmail.objects.filter(pk=email.pk).update(claimed_until=timezone.now())
    assert outbox.relay() == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.SENT, 2)


def test_a_held_back_email_waits_for_its_time_when_a_worker_delivers():
    from datetime import timedelta

    from django.utils import timezone

    from dimobel.celery import app

    app.conf.task_always_eager = False
    try:
        email = queue_mail(
            template_prefix="emails/contact_message",
            to="a@example.org",
            language="fr",
            send_after=timezone.now() + timedelta(minutes=1),
        )
    finally:
        app.conf.task_always_eager = True
    assert outbox.relay() == 0
    OutboundEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert outbox.relay() == 1


def test_staff_retry_a_failed_email_and_cancel_a_waiting_one(admin_client_with_mfa):
    failed = queue_mail(template_prefix="emails/contact_message", to="a@example.org", language="fr")
    waiting = queue_mail(template_prefix="emails/contact_message", to="b@example.org", language="fr")
    OutboundEmail.objects.filter(pk=failed.pk).update(status=Status.FAILED, attempts=15, last_error="550 no")

    changelist = "/en/admin/dimobel/outboundemail/"
    page = admin_client_with_mfa.get(changelist + "?status__exact=failed").content.decode()
    assert "a@example.org" in page
    assert "b@example.org" not in page
    admin_client_with_mfa.post(changelist, {"action": "cancel", "_selected_action": [waiting.pk]})
    admin_client_with_mfa.post(changelist, {"action": "retry_now", "_selected_action": [failed.pk]})

    failed.refresh_from_db()
    waiting.refresh_from_db()
    assert waiting.status == Status.CANCELLED
    assert failed.status == Status.SENT  # retried at once (in-process here, by a worker in production)
    assert [message.to for message in mail.outbox] == [["a@example.org"]]
    detail = admin_client_with_mfa.get(f"{changelist}{failed.pk}/change/").content.decode()
    assert failed.message_id.replace("<", "&lt;").replace(">", "&gt;") in detail


def test_delivered_emails_are_purged_after_the_retention_period(settings):
    from datetime import timedelta

    from django.utils import timezone

    old = queue_mail(template_prefix="emails/contact_message", to="a@example.org", language="fr")
    outbox.deliver(old.pk)
    recent = queue_mail(template_prefix="emails/contact_message", to="b@example.org", language="fr")
    outbox.deliver(recent.pk)
    stuck = queue_mail(template_prefix="emails/contact_message", to="c@example.org", language="fr")
    OutboundEmail.objects.filter(pk__in=[old.pk, stuck.pk]).update(created_at=timezone.now() - timedelta(days=100))

    assert outbox.purge(days=90) == 1
    assert set(OutboundEmail.objects.values_list("to_email", flat=True)) == {"b@example.org", "c@example.org"}
