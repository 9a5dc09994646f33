from django.utils.translation import gettext_lazy as _

from dimobel.errors import DomainError


class EnrolmentClosed(DomainError):
    default_message = _("Enrolment for this module is closed.")


class EnrolmentNotYetOpen(DomainError):
    default_message = _("Enrolment for this module has not opened yet.")


class PrerequisitesMissing(DomainError):
    default_message = _("Complete the prerequisite modules first.")


class NotEnrolled(DomainError):
    default_message = _("You are not enrolled in this module.")


class QuizNotAvailable(DomainError):
    default_message = _("This quiz is not available to you.")


class NoAttemptsLeft(DomainError):
    default_message = _("You have used all your attempts for this quiz.")


class AlreadyCompleted(DomainError):
    default_message = _("You have completed this module, so you cannot leave it.")


class SessionNotStarted(DomainError):
    default_message = _("This session has not started yet. Come back once it has begun.")


class NotCompleted(DomainError):
    default_message = _("This module is not completed yet, so there is no certificate.")


class RevokeReasonMissing(DomainError):
    default_message = _("Say why the certificate is revoked.")
