"""The one base of every rule a service enforces.

A service raises a ``DomainError`` subclass when a rule stops the action; ``str(error)`` is a translated message
for the person, which the view shows on the page (never a 500). Each app names its own rules as subclasses with
a ``default_message``; a service may pass a more precise message."""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    default_message = _("This action is not possible.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))

    def __str__(self) -> str:
        return str(self.message)


class NotAllowed(DomainError):
    """The person may not do this (an organiser's action by a member, a post on behalf of someone else's page)."""

    default_message = _("You cannot do this.")
