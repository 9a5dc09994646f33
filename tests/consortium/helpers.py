"""What the consortium's tests share besides the factories and the personas: English URLs (tests assert English
text), the page's text and messages, a small PDF, CSV rows, and calls whose dates put them in a given phase."""

import csv
import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.factories import CallFactory
from tests.helpers import english_url, page

__all__ = ["PDF", "PHASE_DATES", "call_in", "csv_rows", "en", "flash", "page", "pdf_upload"]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PHASE_DATES = ("opens_at", "closes_at", "review_opens_at", "review_closes_at")


def en(name, *args, query="") -> str:
    """The English address of a consortium page, e.g. ``en("workspace", project.pk)``."""
    return english_url(f"consortium:{name}", *args, query=query)


def flash(response) -> list[str]:
    """The messages the request left for the next page."""
    return [str(message) for message in response.wsgi_request._messages]


def pdf_upload(name="plan.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def call_in(phase, **kwargs):
    """A published call whose dates put it in ``phase``: "upcoming", "open", "screening" (closed, the jury review
    not open yet), "review" or "decision" (after the jury deadline, decisions not published). Dates passed in
    ``kwargs`` win."""
    now, day = timezone.now(), timedelta(days=1)
    dates = {
        "upcoming": (now + 10 * day, now + 40 * day, now + 45 * day, now + 60 * day),
        "open": (now - 10 * day, now + 20 * day, now + 25 * day, now + 39 * day),
        "screening": (now - 30 * day, now - day, now + 5 * day, now + 20 * day),
        "review": (now - 40 * day, now - 20 * day, now - 10 * day, now + 5 * day),
        "decision": (now - 40 * day, now - 20 * day, now - 10 * day, now - timedelta(hours=1)),
    }[phase]
    return CallFactory(**dict(zip(PHASE_DATES, dates, strict=True)) | kwargs)
