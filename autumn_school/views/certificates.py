"""Certificates: the learner's PDF download and the public verification page (/<lang>/certificates/<code>/)."""

import re

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from autumn_school import permissions
from autumn_school.certificate_pdf import render_certificate_pdf
from autumn_school.selectors.certificates import find_certificate


@login_required
@require_GET
def download(request, certificate_id):
    certificate = permissions.get_certificate_for_download(request.user, certificate_id)
    response = HttpResponse(render_certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    # A certificate carries a name: never keep it in a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def verify(request, code):
    """Public: anyone holding the code (a printout, its QR code) can check it. It shows the name, the
    module and the date only, and nothing at all about a revoked certificate."""
    typed = re.sub(r"[^0-9A-Za-z-]", "", request.GET.get("code", ""))[:40]
    if typed:
        # The lookup form: go to the page of the code typed, which normalises it in turn.
        return redirect("certificate_verify", code=typed)
    certificate = find_certificate(code)
    if certificate is not None and certificate.code != code:
        return redirect("certificate_verify", code=certificate.code)
    context = {"certificate": certificate, "code": code[:40]}
    return render(
        request, "autumn_school/certificate_verify.html", context, status=200 if certificate is not None else 404
    )
