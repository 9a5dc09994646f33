"""The programme, write side: the personal agenda (starring sessions) and workshop sign-ups.

Workshop seats are counted under a lock on the session row, so two people clicking "Sign up" for the last
seat at the same moment cannot both get it.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from dimobel.errors import DomainError, NotAllowed
from events.models import AgendaStar, Session, WorkshopSignup
from events.selectors.programme import confirmed_registration, confirmed_signups


class WorkshopFull(DomainError):
    default_message = _("This workshop is full.")


class NoSignupForSession(DomainError):
    default_message = _("This session has no sign-up.")


class RegistrationRequired(NotAllowed):
    default_message = _("Only people with a confirmed registration to the event can sign up for a workshop.")


# The personal agenda


def star(*, member, session) -> None:
    """Put a session in the member's agenda; starring twice changes nothing."""
    AgendaStar.objects.bulk_create([AgendaStar(user=member, session=session)], ignore_conflicts=True)


def unstar(*, member, session) -> None:
    AgendaStar.objects.filter(user=member, session=session).delete()


# Workshop sign-up


def sign_up(*, member, session) -> WorkshopSignup:
    """Take a seat in a workshop. Only a confirmed registrant may; signing up twice keeps the one seat."""
    if not session.has_signup:
        raise NoSignupForSession
    registration = confirmed_registration(member, session.event)
    if registration is None:
        raise RegistrationRequired
    with transaction.atomic():
        # The lock on the session row makes concurrent sign-ups count the seats one after another.
        locked = Session.objects.select_for_update().get(pk=session.pk)
        existing = WorkshopSignup.objects.filter(session=locked, registration=registration).first()
        if existing is not None:
            return existing
        if locked.has_signup and confirmed_signups(locked) >= locked.capacity:
            raise WorkshopFull
        return WorkshopSignup.objects.create(session=locked, registration=registration)


def cancel_sign_up(*, member, session) -> None:
    WorkshopSignup.objects.filter(session=session, registration__user=member).delete()
