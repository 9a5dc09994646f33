"""Certificates: issued once on completion, reissued after a correction, revoked by organisers.

A certificate copies what it states (name, module, edition, hours, date, instructors) at issue, in the
learner's language. Its wording and drawing are in autumn_school.certificate_pdf.
"""

from django.db import transaction
from django.utils import timezone

from autumn_school.models import Certificate, Enrolment
from autumn_school.selectors.certificates import certificate_language
from autumn_school.services.errors import NotCompleted, RevokeReasonMissing
from dimobel.notify import email_member, in_language_of, link

REISSUED_REASON = "Reissued"


def issue_certificate(*, enrolment: Enrolment, notify: bool = True) -> Certificate:
    """The enrolment's valid certificate, issued now if there is none yet. The learner is emailed once it
    is committed (``notify=False`` for history loaded in bulk, such as the demo's past edition). Called by
    progress.refresh_completion inside its transaction."""
    with transaction.atomic():
        # The enrolment's lock serialises two completions racing for the one valid certificate.
        enrolment = (
            Enrolment.objects.select_for_update().select_related("module__edition", "learner").get(pk=enrolment.pk)
        )
        existing = enrolment.certificates.valid().first()
        if existing is not None:
            return existing
        if enrolment.completed_at is None:
            raise NotCompleted
        certificate = Certificate.objects.create(enrolment=enrolment, **_snapshot(enrolment))
        if notify:
            _email_learner(certificate, enrolment.learner)
    return certificate


def reissue_certificate(*, certificate: Certificate) -> Certificate:
    """Revoke the certificate ("Reissued") and issue a new one, with a new code, from today's data:
    e.g. after the learner's name was corrected."""
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=certificate.enrolment_id)
        enrolment.certificates.valid().update(revoked_at=timezone.now(), revoked_reason=REISSUED_REASON)
        return issue_certificate(enrolment=enrolment)


def revoke_certificate(*, certificate: Certificate, reason: str) -> Certificate:
    """Withdraw a certificate: the verification page then says it was revoked. Revoking twice keeps the
    first date and reason."""
    reason = (reason or "").strip()
    if not reason:
        raise RevokeReasonMissing
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.revoked_at is None:
            certificate.revoked_at = timezone.now()
            certificate.revoked_reason = reason[:300]
            certificate.save(update_fields=["revoked_at", "revoked_reason"])
    return certificate


def _snapshot(enrolment) -> dict:
    learner, module = enrolment.learner, enrolment.module
    language = certificate_language(learner.preferred_language)
    separator = "، " if language == "ar" else ", "
    instructors = separator.join(
        name
        for name in (user.get_full_name() for user in module.instructors.order_by("last_name", "first_name", "pk"))
        if name
    )
    return {
        "language": language,
        "learner_name": (learner.get_full_name() or learner.email)[:300],
        "module_title": module.title,
        "edition_title": module.edition.title,
        "hours": module.estimated_hours,
        "completed_on": timezone.localdate(enrolment.completed_at),
        "instructor_names": instructors[:500],
    }


def _email_learner(certificate, learner) -> None:
    with in_language_of(learner):
        download_url = link("autumn_school:certificate_download", certificate.pk)
        verify_url = link("certificate_verify", certificate.code)
    email_member(
        recipient=learner,
        template="autumn_school/certificate_issued",
        context={
            "learner_name": certificate.learner_name,
            "module_title": certificate.module_title,
            "code": certificate.code,
            "download_url": download_url,
            "verify_url": verify_url,
        },
    )
