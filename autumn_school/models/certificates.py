import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I, read aloud or typed from paper


def new_certificate_code():
    """12 random characters (60 bits), shown as XXXX-XXXX-XXXX."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class CertificateTemplate(models.Model):
    """The certificate's wording in one language, edited by organisers in the admin.

    Placeholders in double braces are filled in: {{ learner }}, {{ module }}, {{ edition }}, {{ hours }},
    {{ completed_on }}, {{ instructors }}, {{ code }}.
    """

    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    signature = models.CharField(_("signature line"), max_length=200, blank=True)
    footer = models.CharField(_("footer"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["language"]

    def __str__(self):
        return self.get_language_display()


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        """Not revoked: an enrolment has at most one (a partial unique index)."""
        return self.filter(revoked_at__isnull=True)

    def revoked(self):
        return self.filter(revoked_at__isnull=False)


class Certificate(models.Model):
    """Proof that a learner completed a module. What it states is copied at issue, so a later rename of the
    module or the learner does not change a certificate already handed out; reissuing makes a new one."""

    enrolment = models.ForeignKey(
        "autumn_school.Enrolment", on_delete=models.PROTECT, related_name="certificates", verbose_name=_("enrolment")
    )
    code = models.CharField(_("verification code"), max_length=14, unique=True, default=new_certificate_code)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    learner_name = models.CharField(_("learner"), max_length=300)
    module_title = models.CharField(_("module"), max_length=200)
    edition_title = models.CharField(_("edition"), max_length=200)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    completed_on = models.DateField(_("completed on"))
    instructor_names = models.CharField(_("instructors"), max_length=500, blank=True)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=Q(revoked_at__isnull=True),
                name="autumn_school_one_valid_certificate",
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
