"""How the autumn school emails a member: in their language, with absolute links, once the transaction
commits (dimobel.mail does the sending)."""

from contextlib import contextmanager

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from dimobel.mail import absolute_url, queue_mail


def language_of(member) -> str:
    return member.preferred_language or settings.LANGUAGE_CODE


@contextmanager
def in_language_of(member):
    """Build what an email to this member says (links, dates) in their language."""
    with translation.override(language_of(member)):
        yield


def link(name, *args) -> str:
    """The absolute address of a page, in the active language: ``link("autumn_school:lesson", slug, pk)``."""
    return absolute_url(reverse(name, args=args))


def email_later(*, recipient, name, context, about=None) -> None:
    """Queue (in the outbox, in this transaction) the email ``emails/autumn_school/<name>`` to a member. Build its
    links inside ``in_language_of(recipient)``."""
    queue_mail(
        template_prefix=f"emails/autumn_school/{name}",
        to=recipient,
        language=language_of(recipient),
        context=context,
        about=about,
    )
