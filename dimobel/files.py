"""Uploaded files: checked by content (not by name) and size, and images re-encoded.

Images (logos, photos) are opened with Pillow, must be JPEG, PNG or WebP, are shrunk to fit a box and
re-encoded, which also drops metadata such as GPS positions. Private documents (business plans, course
resources) are checked by their magic bytes and served only through permission-checking views
(see ``private_file_response``).
"""

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
