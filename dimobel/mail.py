"""The one way the platform emails anyone: ``queue_mail`` puts the email in the outbox.

Each email is a set of templates named after a prefix, as allauth does:
``<prefix>_subject.txt``, ``<prefix>_message.txt`` and, optionally, ``<prefix>_message.html``.
They are rendered at once, in the recipient's language, with absolute links built from SITE_URL, and the result
is inserted as an ``OutboundEmail`` row **in the caller's transaction**: a rolled-back change sends nothing, a
committed one cannot lose its email. Delivery happens after the commit (dimobel.outbox), never in the request.
"""

import base64
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

if TYPE_CHECKING:
    from dimobel.models import OutboundEmail

logger = logging.getLogger(__name__)


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


def site_domain() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "dimobel.org"


def render_mail(*, template_prefix, context, language) -> tuple[str, str, str]:
    """(subject, text, html) of an email, in ``language``."""
    context = {"site_url": settings.SITE_URL, "site_name": settings.SITE_NAME, **(context or {})}
    with translation.override(language):
        context["LANGUAGE_CODE"] = language
        context["LANGUAGE_BIDI"] = translation.get_language_bidi()
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
        if prefix and not subject.startswith(prefix.strip()):
            subject = prefix + subject
        body = render_to_string(f"{template_prefix}_message.txt", context)
        try:
            html = render_to_string(f"{template_prefix}_message.html", context)
        except TemplateDoesNotExist:
            html = ""
    return subject, body, html


def queue_mail(
    *,
    template_prefix,
    to,
    context=None,
    language=None,
    attachments=(),
    reply_to=None,
    headers=None,
    about=None,
    send_after: datetime | None = None,
) -> "OutboundEmail":
    """Render one email and put it in the outbox, in the current transaction. Returns the OutboundEmail.

    ``to`` is a member (their address and language) or an address. ``about`` is the object the email concerns
    (a registration, an enrolment…), so organisers can see whether it went out. ``send_after`` holds it back
    (a message notification waits a minute, and is cancelled if the message is read meanwhile)."""
    from dimobel import outbox
    from dimobel.models import OutboundEmail

    member = to if hasattr(to, "email") else None
    address = member.email if member else to
    language = language or getattr(member, "preferred_language", None) or settings.LANGUAGE_CODE
    subject, body, html = render_mail(template_prefix=template_prefix, context=context, language=language)
    now = timezone.now()
    email = OutboundEmail.objects.create(
        to_email=address,
        recipient=member if member is not None and member.pk else None,
        language=language,
        template=template_prefix,
        subject=subject[:998],
        body_text=body,
        body_html=html,
        from_email=settings.DEFAULT_FROM_EMAIL,
        reply_to=list(reply_to or []),
        headers=dict(headers or {}),
        attachments=[_encode(attachment) for attachment in attachments],
        content_type=ContentType.objects.get_for_model(about) if about is not None else None,
        object_id=about.pk if about is not None else None,
        message_id=f"<{uuid.uuid4().hex}@{site_domain()}>",
        next_attempt_at=max(send_after, now) if send_after and not outbox.runs_eagerly() else now,
        created_at=now,
    )
    transaction.on_commit(lambda: outbox.dispatch(email.pk, email.next_attempt_at), robust=True)
    return email


def queue_message(*, to: str, subject: str, body: str, html: str = "", from_email=None) -> "OutboundEmail":
    """Put an email already written (an error report to ADMINS) in the outbox, in the current transaction."""
    from dimobel import outbox
    from dimobel.models import OutboundEmail

    email = OutboundEmail.objects.create(
        to_email=to,
        language=settings.LANGUAGE_CODE,
        template="",
        subject=" ".join(subject.split())[:998],
        body_text=body,
        body_html=html,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        message_id=f"<{uuid.uuid4().hex}@{site_domain()}>",
    )
    transaction.on_commit(lambda: outbox.dispatch(email.pk), robust=True)
    return email


def _encode(attachment: Attachment) -> dict:
    content = attachment.content.encode() if isinstance(attachment.content, str) else attachment.content
    return {
        "filename": attachment.filename,
        "mimetype": attachment.mimetype,
        "content": base64.b64encode(content).decode("ascii"),
    }
