"""Uploaded files: checked by content (not by name) and size, and images re-encoded.

Images (logos, photos) are opened with Pillow, must be JPEG, PNG or WebP, are shrunk to fit a box and
re-encoded, which also drops metadata such as GPS positions. Private documents (business plans, course
resources) are checked by their magic bytes and served only through permission-checking views
(see ``private_file_response``).
"""

import zipfile
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
DEFAULT_IMAGE_MAX_BYTES = 5 * 1024 * 1024
PDF_MAX_BYTES = 20 * 1024 * 1024


def check_size(upload, max_bytes):
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
            code="file_too_large",
        )


def clean_image(upload, *, max_bytes=DEFAULT_IMAGE_MAX_BYTES, box=(800, 800)):
    """Validate an uploaded image and return a re-encoded, resized copy ready to save."""
    check_size(upload, max_bytes)
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            probe.verify()
        upload.seek(0)
        image = Image.open(upload)
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("This file is not an image we can read."), code="not_an_image") from exc
    if image.format not in IMAGE_FORMATS:
        raise ValidationError(_("Use a JPEG, PNG or WebP image."), code="image_format")
    image_format = image.format
    image.thumbnail(box)
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    buffer = BytesIO()
    image.save(buffer, format=image_format, optimize=True, **({"quality": 85} if image_format != "PNG" else {}))
    name = f"{Path(upload.name).stem[:80] or 'image'}.{image_format.lower().replace('jpeg', 'jpg')}"
    return InMemoryUploadedFile(buffer, None, name, IMAGE_FORMATS[image_format], buffer.getbuffer().nbytes, None)


def check_pdf(upload, *, max_bytes=PDF_MAX_BYTES):
    """A PDF by its content: the %PDF- signature at the start."""
    check_size(upload, max_bytes)
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("Only PDF files are accepted."), code="not_a_pdf")
    return upload


# A document's extension -> what its content must be. Office files are zip archives holding a known part;
# OpenDocument ones start with a "mimetype" entry naming their type.
DOCUMENT_KINDS = {
    ".pdf": ("pdf", None),
    ".docx": ("ooxml", "word/document.xml"),
    ".xlsx": ("ooxml", "xl/workbook.xml"),
    ".pptx": ("ooxml", "ppt/presentation.xml"),
    ".odt": ("odf", b"application/vnd.oasis.opendocument.text"),
    ".ods": ("odf", b"application/vnd.oasis.opendocument.spreadsheet"),
    ".odp": ("odf", b"application/vnd.oasis.opendocument.presentation"),
    ".png": ("png", None),
    ".jpg": ("jpeg", None),
    ".jpeg": ("jpeg", None),
    ".txt": ("text", None),
    ".csv": ("text", None),
    ".md": ("text", None),
}
TEXT_SAMPLE_BYTES = 64 * 1024


def check_document(upload, *, max_bytes=PDF_MAX_BYTES):
    """A document people can open (PDF, Word/Excel/PowerPoint, OpenDocument, PNG or JPEG image, plain text or
    CSV) whose content matches its extension, judged by its bytes, never by its name alone."""
    check_size(upload, max_bytes)
    kind = DOCUMENT_KINDS.get(Path(upload.name or "").suffix.lower())
    try:
        matches = kind is not None and _content_matches(upload, *kind)
    finally:
        upload.seek(0)
    if not matches:
        raise ValidationError(
            _("Upload a PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, text or CSV file whose content "
              "matches its extension."),
            code="document_type",
        )  # fmt: skip
    return upload


def _content_matches(upload, kind, detail) -> bool:
    upload.seek(0)
    head = upload.read(8)
    if kind == "pdf":
        return head.startswith(b"%PDF-")
    if kind == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "jpeg":
        return head.startswith(b"\xff\xd8\xff")
    if kind in ("ooxml", "odf"):
        return head.startswith(b"PK\x03\x04") and _zip_holds(upload, kind, detail)
    return _is_text(upload)


def _zip_holds(upload, kind, detail) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if kind == "ooxml":
                return "[Content_Types].xml" in names and detail in names
            return "mimetype" in names and archive.read("mimetype").strip() == detail
    except (zipfile.BadZipFile, OSError, KeyError):
        return False


def _is_text(upload) -> bool:
    """UTF-8 without NUL bytes (judged on the first 64 KiB)."""
    upload.seek(0)
    sample = upload.read(TEXT_SAMPLE_BYTES)
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A sample cut in the middle of a multi-byte character is still text.
        return len(sample) == TEXT_SAMPLE_BYTES and error.start >= len(sample) - 4
    return True


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Uploads that only permission-checking views serve, kept outside MEDIA_ROOT (never at a public URL).

    The folder is read from ``PRIVATE_MEDIA_ROOT`` at each use, so tests can point it elsewhere.
    """

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return str(Path(settings.PRIVATE_MEDIA_ROOT).resolve())

    def url(self, name):
        raise ValueError("Private files have no URL; serve them with private_file_response().")


private_storage = PrivateStorage()


def private_file_response(field_file, *, download_name=None):
    """Serve a private file after the caller checked permission. Never link to MEDIA_URL for these."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=download_name or Path(field_file.name).name)
