from django.utils.translation import gettext_lazy as _


class ConsortiumError(Exception):
    """A rule stopped the action. ``str(error)`` is a translated message for the person."""

    default_message = _("This action is not possible.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))

    def __str__(self):
        return str(self.message)


class CallClosed(ConsortiumError):
    default_message = _("This call for projects is closed.")


class ApplicationLocked(ConsortiumError):
    default_message = _("This application was submitted and can no longer be changed.")


class ApplicationIncomplete(ConsortiumError):
    default_message = _("The application is not complete yet.")


class ReviewClosed(ConsortiumError):
    default_message = _("The jury review is not open.")


class InvalidTransition(ConsortiumError):
    default_message = _("The project cannot move to this status.")
