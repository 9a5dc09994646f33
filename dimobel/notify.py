"""How the platform emails a member: one way, in their language, with absolute links, through the outbox.

A service builds what the email says inside ``in_language_of(member)`` (so links and dates come out in the
member's language), then calls ``email_member``, which renders the templates ``emails/<template>_subject.txt``,
``_message.txt`` and ``_message.html`` and queues them in the outbox in the current transaction
(``dimobel.mail.queue_mail``): a rolled-back change sends nothing, a committed one cannot lose its email.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from dimobel.mail import absolute_url, queue_mail

if TYPE_CHECKING:
    from dimobel.models import OutboundEmail


def language_of(member) -> str:
    """The member's preferred language, or the platform's default (French)."""
    return getattr(member, "preferred_language", "") or settings.LANGUAGE_CODE


@contextmanager
def in_language_of(member) -> Iterator[None]:
    """Build what an email to this member says (links, dates, labels) in their language."""
    with translation.override(language_of(member)):
        yield


def link(url_name: str, *args, query: str = "", anchor: str = "") -> str:
    """The absolute address of a page, in the active language: ``link("consortium:workspace", project.pk)``."""
    return absolute_url(reverse(url_name, args=args) + query) + (f"#{anchor}" if anchor else "")


def email_member(
    *, recipient, template: str, context: dict, about=None, language: str | None = None, **options
) -> "OutboundEmail":
    """Queue the email ``emails/<template>`` to ``recipient`` (a member, or an address with ``language``), in the
    outbox, in this transaction. ``about`` is the object it concerns; ``options`` are ``queue_mail``'s
    (reply_to, headers, attachments, send_after). Returns the OutboundEmail."""
    return queue_mail(
        template_prefix=f"emails/{template}",
        to=recipient,
        language=language or language_of(recipient),
        context=context,
        about=about,
        **options,
    )
