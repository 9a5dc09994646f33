from django.utils.translation import gettext_lazy as _


class SchoolError(Exception):
    """A rule stopped the action. ``str(error)`` is a translated message for the member."""

    default_message = _("This action is not possible.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))

    def __str__(self):
        return str(self.message)


class EnrolmentClosed(SchoolError):
    default_message = _("Enrolment for this module is closed.")


class EnrolmentNotYetOpen(SchoolError):
    default_message = _("Enrolment for this module has not opened yet.")


class PrerequisitesMissing(SchoolError):
    default_message = _("Complete the prerequisite modules first.")


class NotEnrolled(SchoolError):
    default_message = _("You are not enrolled in this module.")


class QuizNotAvailable(SchoolError):
    default_message = _("This quiz is not available to you.")


class NoAttemptsLeft(SchoolError):
    default_message = _("You have used all your attempts for this quiz.")


class AlreadyCompleted(SchoolError):
    default_message = _("You have completed this module, so you cannot leave it.")


class SessionNotStarted(SchoolError):
    default_message = _("This session has not started yet. Come back once it has begun.")


class NotCompleted(SchoolError):
    default_message = _("This module is not completed yet, so there is no certificate.")


class RevokeReasonMissing(SchoolError):
    default_message = _("Say why the certificate is revoked.")
