"""The one way the platform sends email.

Each email is a set of templates named after a prefix, as allauth does:
``<prefix>_subject.txt``, ``<prefix>_message.txt`` and, optionally, ``<prefix>_message.html``.
They are rendered in the recipient's language, with absolute links built from SITE_URL.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes | str
    mimetype: str


def absolute_url(path: str) -> str:
    """SITE_URL + path, for links in emails and calendar feeds."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


def send_templated_mail(
    *, template_prefix, to, context=None, language=None, attachments=(), reply_to=None, headers=None
):
    """Render and send one email. ``to`` is a member (their address and language) or an address.
    ``headers`` adds mail headers (e.g. List-Unsubscribe)."""
    if hasattr(to, "email"):
        address = to.email
        language = language or getattr(to, "preferred_language", None)
    else:
        address = to
    language = language or settings.LANGUAGE_CODE
    context = {"site_url": settings.SITE_URL, "site_name": "DIMOBEL", **(context or {})}
    with translation.override(language):
        context["LANGUAGE_CODE"] = language
        context["LANGUAGE_BIDI"] = translation.get_language_bidi()
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        subject = " ".join(subject.split())
        prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
        if prefix and not subject.startswith(prefix.strip()):
            subject = prefix + subject
        body = render_to_string(f"{template_prefix}_message.txt", context)
        try:
            html = render_to_string(f"{template_prefix}_message.html", context)
        except TemplateDoesNotExist:
            html = None
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        reply_to=list(reply_to) if reply_to else None,
        headers=dict(headers) if headers else None,
    )
    if html:
        message.attach_alternative(html, "text/html")
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    message.send()
    return message


def send_templated_mail_later(*, template_prefix, to_email, language, context=None):
    """Queue an email for a Celery worker once the current transaction commits. The context must be JSON."""
    from django.db import transaction

    from dimobel.tasks import send_email

    transaction.on_commit(
        lambda: send_email.delay(
            template_prefix=template_prefix, to_email=to_email, language=language, context=context or {}
        )
    )
