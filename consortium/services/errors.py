from django.utils.translation import gettext_lazy as _

from dimobel.errors import DomainError


class CallClosed(DomainError):
    default_message = _("This call for projects is closed.")


class ApplicationLocked(DomainError):
    default_message = _("This application was submitted and can no longer be changed.")


class ApplicationIncomplete(DomainError):
    default_message = _("The application is not complete yet.")


class ReviewClosed(DomainError):
    default_message = _("The jury review is not open.")


class InvalidTransition(DomainError):
    default_message = _("The project cannot move to this status.")
