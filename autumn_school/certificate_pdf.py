"""The certificate as a PDF: A4 landscape, in the certificate's language (Arabic right to left), with its code
and a QR code to the public verification page.

The wording comes from the organisers' CertificateTemplate for the certificate's language, read when the PDF
is drawn, so a corrected template applies to every download. The template's placeholders are filled by a plain
substitution, never by the Django template engine: organisers' text cannot run code.
"""

import re
from decimal import Decimal

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from autumn_school.models import Certificate, CertificateTemplate
from autumn_school.selectors.certificates import verification_url
from dimobel import pdf as pdfkit

PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")
# What organisers may write in a certificate template; each is filled in from the certificate (see _texts).
PLACEHOLDERS = ("learner", "module", "edition", "hours", "completed_on", "instructors", "code")

# The wording used when organisers have deleted every template, so a certificate can always be drawn.
DEFAULT_TITLE = _("Certificate of completion")
DEFAULT_BODY = _(
    "This certifies that {{ learner }} has successfully completed the module “{{ module }}” of {{ edition }}, "
    "{{ hours }} hours of study, on {{ completed_on }}."
)


def fill_placeholders(text: str, values: dict) -> str:
    """Replace {{ name }} with its value; a placeholder we do not know stays as typed."""
    return PLACEHOLDER.sub(lambda match: str(values.get(match.group(1).lower(), match.group(0))), text)


BRAND = (11, 85, 99)
GOLD = (176, 137, 48)
INK = (31, 41, 51)
MUTED = (82, 96, 109)
MARGIN = 30  # mm left and right of the text; the frame, QR code and signature sit outside it
DETAILS_TOP = 116  # mm: the body text shrinks to end above the details


def render_certificate_pdf(certificate: Certificate) -> bytes:
    """An A4 landscape certificate in the certificate's language (Arabic right to left), with its code and
    a QR code to the public verification page."""
    language = certificate.language
    with translation.override(language):
        texts = _texts(certificate)
        document = pdfkit.new_document(
            orientation="landscape", margin=MARGIN, title=f"{texts['title']} – {certificate.code}", language=language
        )
        document.add_page()
        _draw(document, certificate, texts, language)
    return pdfkit.output_bytes(document)


def _texts(certificate) -> dict:
    """Every sentence of the certificate, in the active language, with the placeholders filled."""
    template = (
        CertificateTemplate.objects.filter(language=certificate.language).first()
        or CertificateTemplate.objects.filter(language=settings.LANGUAGE_CODE).first()
    )
    values = {
        "learner": certificate.learner_name,
        "module": certificate.module_title,
        "edition": certificate.edition_title,
        "hours": _hours(certificate.hours),
        "completed_on": date_format(certificate.completed_on, "j F Y"),
        "instructors": certificate.instructor_names,
        "code": certificate.code,
    }
    title, body, signature, footer = (
        (template.title, template.body, template.signature, template.footer)
        if template
        else (str(DEFAULT_TITLE), str(DEFAULT_BODY), "", "")
    )
    return {
        "values": values,
        "title": fill_placeholders(title, values),
        "body": fill_placeholders(body, values).strip(),
        "signature": fill_placeholders(signature, values),
        "footer": fill_placeholders(footer, values),
    }


def _hours(hours) -> str:
    hours = Decimal(hours)
    if hours == hours.to_integral_value():
        return str(int(hours))
    return number_format(hours, 1)


def _draw(document, certificate, texts, language) -> None:
    page_w, page_h = document.w, document.h
    rtl = pdfkit.is_rtl(language)
    values = texts["values"]

    # Frame: a strong outer line and a fine inner one.
    document.set_draw_color(*BRAND)
    document.set_line_width(1.2)
    document.rect(8, 8, page_w - 16, page_h - 16)
    document.set_draw_color(*GOLD)
    document.set_line_width(0.35)
    document.rect(11.5, 11.5, page_w - 23, page_h - 23)

    content_w = page_w - 2 * MARGIN
    document.set_xy(MARGIN, 19)
    pdfkit.write_text(document, "DIMOBEL", language=language, size=26, bold=True, align="center", color=BRAND)
    pdfkit.write_text(
        document, gettext("Belgium–Morocco Digital Lab"), language=language, size=10, align="center", color=MUTED
    )
    document.set_y(document.get_y() + 5)
    pdfkit.write_text(
        document, texts["title"], language=language, size=24, bold=True, align="center", color=INK, max_lines=1
    )
    _rule(document, page_w / 2 - 25, document.get_y() + 2, 50)
    document.set_y(document.get_y() + 6)
    pdfkit.write_text(
        document, values["learner"], language=language, size=28, bold=True, align="center", color=BRAND, max_lines=1
    )
    document.set_xy(MARGIN + 12, document.get_y() + 3)
    pdfkit.write_text(
        document,
        texts["body"],
        language=language,
        size=12,
        align="center",
        color=INK,
        width=content_w - 24,
        max_height=DETAILS_TOP - 4 - document.get_y(),
    )
    document.set_xy(MARGIN, max(document.get_y() + 4, DETAILS_TOP))
    _details(document, values, language, x=MARGIN - 6, width=content_w + 12)
    _bottom(document, certificate, texts, language, rtl)


def _rule(document, x, y, width) -> None:
    document.set_draw_color(*GOLD)
    document.set_line_width(0.6)
    document.line(x, y, x + width, y)


def _details(document, values, language, *, x, width) -> None:
    """Two rows of labelled facts: module and edition; hours, date and instructors."""
    rows = [
        [(gettext("Module"), values["module"], 0.58), (gettext("Edition"), values["edition"], 0.42)],
        [
            (gettext("Hours"), values["hours"], 0.16),
            (gettext("Completed on"), values["completed_on"], 0.26),
            (gettext("Instructors"), values["instructors"] or "–", 0.58),
        ],
    ]
    rtl = pdfkit.is_rtl(language)
    for row in rows:
        top, bottom = document.get_y(), document.get_y()
        cell_x = x + width if rtl else x
        for label, value, share in row:
            cell_w = width * share
            if rtl:
                cell_x -= cell_w
            document.set_xy(cell_x + 2, top)
            pdfkit.write_text(document, label.upper(), language=language, size=8, color=MUTED, width=cell_w - 4)
            pdfkit.write_text(
                document, value, language=language, size=11.5, bold=True, color=INK, width=cell_w - 4, max_lines=2
            )
            bottom = max(bottom, document.get_y())
            if not rtl:
                cell_x += cell_w
        document.set_y(bottom + 3)


def _bottom(document, certificate, texts, language, rtl) -> None:
    """The QR code and the code at the start side, the signature at the end side."""
    page_w, page_h = document.w, document.h
    qr_size, top = 27, page_h - 52
    qr_x = page_w - 24 - qr_size if rtl else 24
    url = verification_url(certificate)
    pdfkit.add_qr(document, url, x=qr_x, y=top, size=qr_size)

    text_w = 105
    text_x = qr_x - 5 - text_w if rtl else qr_x + qr_size + 5
    document.set_xy(text_x, top + 1)
    pdfkit.write_text(document, gettext("Verification code"), language=language, size=8, color=MUTED, width=text_w)
    pdfkit.write_text(
        document,
        certificate.code,
        language="en",
        size=13,
        bold=True,
        color=INK,
        width=text_w,
        align="end" if rtl else "start",
    )
    pdfkit.write_text(
        document,
        url.split("://", 1)[-1],
        language="en",
        size=7.5,
        color=MUTED,
        width=text_w,
        align="end" if rtl else "start",
    )
    if texts["footer"]:
        document.set_x(text_x)
        pdfkit.write_text(document, texts["footer"], language=language, size=8, color=MUTED, width=text_w)

    sign_w = 75
    sign_x = 24 if rtl else page_w - 24 - sign_w
    _rule(document, sign_x, top + 14, sign_w)
    document.set_xy(sign_x, top + 16)
    pdfkit.write_text(
        document, texts["signature"] or "DIMOBEL", language=language, size=10, align="center", color=INK, width=sign_w
    )
