from django.utils.translation import gettext_lazy as _


class EventError(Exception):
    """A rule stopped the action. ``str(error)`` is a translated message for the person."""

    default_message = _("This action is not possible.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))

    def __str__(self):
        return str(self.message)


class RegistrationClosed(EventError):
    default_message = _("Registration for this event is closed.")


class RegistrationNotYetOpen(EventError):
    default_message = _("Registration for this event has not opened yet.")


class InvitationRequired(EventError):
    default_message = _("This category is open by invitation only.")


class NoSeatsLeft(EventError):
    default_message = _("No seats are left.")


class NotAllowed(EventError):
    default_message = _("You cannot do this.")


class MeetingError(EventError):
    default_message = _("This meeting cannot be booked.")
