"""Certificates (read-only records: reissue or revoke them) and the wording organisers edit per language."""

import re

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from autumn_school.admin.helpers import run_for_each
from autumn_school.certificate_pdf import PLACEHOLDERS
from autumn_school.models import Certificate, CertificateTemplate
from autumn_school.services.certificates import reissue_certificate, revoke_certificate

# Broader than the placeholders filled in, so that "{{ learner.name }}" is flagged rather than printed as is.
TYPED_PLACEHOLDER = re.compile(r"{{\s*(.*?)\s*}}")
REVOKED_BY_ORGANISER = _("Revoked by an organiser")


class ValidityFilter(admin.SimpleListFilter):
    title = _("validity")
    parameter_name = "valid"

    def lookups(self, request, model_admin):
        return [("yes", _("Valid")), ("no", _("Revoked"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.valid()
        if self.value() == "no":
            return queryset.revoked()
        return queryset


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=300,
        initial=REVOKED_BY_ORGANISER,
        help_text=_("The public verification page will say the certificate is no longer valid."),
        widget=forms.TextInput(attrs={"size": 60}),
    )


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """A certificate states what was true when it was issued, so it is never edited: reissue it to state
    today's names, or revoke it."""

    list_display = [
        "code",
        "learner_name",
        "module_title",
        "completed_on",
        "issued_at",
        "is_valid",
        "revoked_at",
        "verification_link",
    ]
    list_filter = [ValidityFilter, "language", "enrolment__module__edition", "completed_on"]
    search_fields = ["code", "learner_name", "module_title", "enrolment__learner__email"]
    date_hierarchy = "issued_at"
    fields = [
        "code",
        "verification_link",
        "language",
        "learner_name",
        "module_title",
        "edition_title",
        "hours",
        "completed_on",
        "instructor_names",
        "enrolment_link",
        "issued_at",
        "revoked_at",
        "revoked_reason",
    ]
    readonly_fields = fields
    actions = ["reissue", "revoke"]

    def has_add_permission(self, request):
        return False  # issued on completion only

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the verification page must keep answering for a code handed out

    @admin.display(description=_("valid"), boolean=True)
    def is_valid(self, obj):
        return obj.is_valid

    @admin.display(description=_("verification page"))
    def verification_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("certificate_verify", args=[obj.code]), _("verify"))

    @admin.display(description=_("enrolment"))
    def enrolment_link(self, obj):
        url = reverse("admin:autumn_school_enrolment_change", args=[obj.enrolment_id])
        return format_html('<a href="{}">#{}</a>', url, obj.enrolment_id)

    @admin.action(description=_("Reissue (a new certificate with today's names)"), permissions=["change"])
    def reissue(self, request, queryset):
        run_for_each(
            self,
            request,
            _one_per_enrolment(queryset.order_by("-issued_at")),
            lambda certificate: reissue_certificate(certificate=certificate),
            done_message=lambda count: (
                ngettext("%(count)d certificate reissued.", "%(count)d certificates reissued.", count)
                % {"count": count}
            ),
        )

    @admin.action(description=_("Revoke…"), permissions=["change"])
    def revoke(self, request, queryset):
        """Like Django's delete confirmation: a page lists the certificates and asks for the reason."""
        queryset = queryset.valid()
        form = RevokeForm(request.POST if request.POST.get("post") else None)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            run_for_each(
                self,
                request,
                queryset,
                lambda certificate: revoke_certificate(certificate=certificate, reason=reason),
                done_message=lambda count: (
                    ngettext("%(count)d certificate revoked.", "%(count)d certificates revoked.", count)
                    % {"count": count}
                ),
            )
            return None
        if not queryset.exists():
            self.message_user(request, _("The selected certificates are already revoked."), messages.WARNING)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Revoke certificates"),
            "opts": self.model._meta,
            "queryset": queryset,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/autumn_school/certificate/revoke_confirmation.html", context)


def _one_per_enrolment(certificates):
    """One new certificate per enrolment, even when several of its old ones are selected."""
    seen = set()
    for certificate in certificates:
        if certificate.enrolment_id not in seen:
            seen.add(certificate.enrolment_id)
            yield certificate


class CertificateTemplateForm(forms.ModelForm):
    class Meta:
        model = CertificateTemplate
        fields = ["language", "title", "body", "signature", "footer"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        placeholders = ", ".join(f"{{{{ {name} }}}}" for name in PLACEHOLDERS)
        self.fields["body"].help_text = _("These placeholders are filled in: %(placeholders)s.") % {
            "placeholders": placeholders
        }

    def clean(self):
        cleaned = super().clean()
        for name in ("title", "body", "signature", "footer"):
            found = TYPED_PLACEHOLDER.findall(cleaned.get(name) or "")
            unknown = sorted({placeholder for placeholder in found if placeholder.lower() not in PLACEHOLDERS})
            if unknown:
                self.add_error(
                    name,
                    _("Unknown placeholder: %(unknown)s. Use only: %(known)s.")
                    % {
                        "unknown": ", ".join(f"{{{{ {u} }}}}" for u in unknown),
                        "known": ", ".join(PLACEHOLDERS),
                    },
                )
        return cleaned


@admin.register(CertificateTemplate)
class CertificateTemplateAdmin(admin.ModelAdmin):
    form = CertificateTemplateForm
    list_display = ["language", "title", "updated_at"]
    search_fields = ["title", "body"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": ["language", "title", "body", "signature", "footer", "updated_at"],
                "description": _("One text per language: a certificate is printed in the learner's language."),
            },
        ),
    ]
