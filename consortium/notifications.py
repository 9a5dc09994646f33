"""How the consortium emails a member: in their language, with absolute links, once the transaction commits
(dimobel.mail does the sending; the reminders go through dimobel.reminders)."""

from contextlib import contextmanager

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from dimobel.mail import absolute_url, queue_mail


def language_of(member) -> str:
    return member.preferred_language or settings.LANGUAGE_CODE


@contextmanager
def in_language_of(member):
    """Build what an email to this member says (links, dates, labels) in their language."""
    with translation.override(language_of(member)):
        yield


def link(name, *args, query="") -> str:
    """The absolute address of a consortium page in the active language: ``link("workspace", project.pk)``."""
    return absolute_url(reverse(f"consortium:{name}", args=args) + query)


def email_later(*, recipient, name, context, about=None) -> None:
    """Queue the email ``emails/consortium/<name>`` to a member, in the outbox, in this transaction. Build its
    links and dates inside ``in_language_of(recipient)``."""
    queue_mail(
        template_prefix=f"emails/consortium/{name}",
        to=recipient,
        language=language_of(recipient),
        context=context,
        about=about,
    )
