import pytest
from django.core import mail

from dimobel.mail import Attachment, send_templated_mail


@pytest.mark.django_db
def test_an_email_is_rendered_in_the_recipients_language_with_text_and_html(member):
    member.preferred_language = "nl"
    send_templated_mail(
        template_prefix="account/email/password_reset_key",
        to=member,
        context={"user": member, "password_reset_url": "https://x.example/reset/"},
    )

    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    assert message.subject.startswith("[DIMOBEL] ")
    assert "Wachtwoord" in message.subject or "wachtwoord" in message.body  # allauth's Dutch catalogue
    assert "https://x.example/reset/" in message.body


def test_an_address_gets_the_given_language_and_attachments(settings):
    send_templated_mail(
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
    assert settings.SITE_URL in message.body
