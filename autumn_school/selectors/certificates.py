"""Certificates: an enrolment's valid one, the lookup by code, the language one is issued in, and the link its
QR code points to."""

import re

from django.conf import settings
from django.utils import translation

from autumn_school.models import Certificate, CertificateTemplate, Enrolment
from dimobel.notify import link


def valid_certificate(enrolment: Enrolment) -> Certificate | None:
    return enrolment.certificates.valid().first()


def find_certificate(code: str) -> Certificate | None:
    """The certificate with this code, typed in any case, with or without its dashes."""
    raw = re.sub(r"[^0-9A-Za-z]", "", code or "").upper()
    if len(raw) != 12:
        return None
    return Certificate.objects.filter(code=f"{raw[:4]}-{raw[4:8]}-{raw[8:]}").first()


def certificate_language(preferred: str) -> str:
    """The learner's language if organisers wrote a template in it, else the site's default."""
    if CertificateTemplate.objects.filter(language=preferred).exists():
        return preferred
    return settings.LANGUAGE_CODE


def verification_url(certificate: Certificate) -> str:
    """The public verification page, in the certificate's language, as an absolute link (for the QR code)."""
    with translation.override(certificate.language):
        return link("certificate_verify", certificate.code)
