from django.utils.translation import gettext_lazy as _

from dimobel.errors import DomainError


class RegistrationClosed(DomainError):
    default_message = _("Registration for this event is closed.")


class RegistrationNotYetOpen(DomainError):
    default_message = _("Registration for this event has not opened yet.")


class InvitationRequired(DomainError):
    default_message = _("This category is open by invitation only.")


class NoSeatsLeft(DomainError):
    default_message = _("No seats are left.")


class MeetingError(DomainError):
    default_message = _("This meeting cannot be booked.")
