"""Uploaded files: checked by content (not by name) and size, and images re-encoded.

Images (logos, photos) are opened with Pillow, must be JPEG, PNG or WebP and at most IMAGE_MAX_PIXELS (checked
on the header, before decoding), are shrunk to fit a box and re-encoded, which also drops metadata such as GPS
positions. Private documents (business plans, course resources) are checked by their magic bytes and served only
through permission-checking views (see ``private_file_response``).

A file that its row no longer names (replaced, cleared, or the row deleted) is deleted after the transaction
commits, by the services that save those rows (``replacing_files``, ``delete_replaced_files``, ``delete_files_of``).
"""

import mimetypes
import warnings
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial, reduce
from io import BytesIO
from operator import or_
from pathlib import Path
from typing import Never
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.db import models, router, transaction
from django.db.models import Q
from django.db.models.deletion import Collector
from django.http import FileResponse, Http404, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
DEFAULT_IMAGE_MAX_BYTES = 5 * 1024 * 1024
# Decoded, an image takes about 4 bytes a pixel: 40 Mpx (a 7,700 × 5,200 photo) is ~160 MB of a worker's memory.
IMAGE_MAX_PIXELS = 40_000_000
PDF_MAX_BYTES = 20 * 1024 * 1024


def check_size(upload, max_bytes) -> None:
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
            code="file_too_large",
        )


def clean_image(
    upload, *, max_bytes=DEFAULT_IMAGE_MAX_BYTES, box=(800, 800), max_pixels=IMAGE_MAX_PIXELS
) -> InMemoryUploadedFile:
    """Validate an uploaded image and return a re-encoded, resized copy ready to save.

    The pixel budget is checked on the header, before anything is decoded: a small PNG of one colour can
    declare 13,350 × 13,350 pixels, which decoded would take gigabytes of a worker's memory."""
    check_size(upload, max_bytes)
    image = _open_image(upload, max_pixels)
    if image.format not in IMAGE_FORMATS:
        raise ValidationError(_("Use a JPEG, PNG or WebP image."), code="image_format")
    check_pixels(image.size, max_pixels)
    try:
        image.verify()  # reads the whole file without decoding it; the image must be opened again after
        image = _open_image(upload, max_pixels)
        image.draft(None, (box[0] * 2, box[1] * 2))  # a JPEG decodes at a reduced scale, as thumbnail() would
        image.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(_("This file is not an image we can read."), code="not_an_image") from exc
    image_format = image.format
    image.thumbnail(box)
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    buffer = BytesIO()
    image.save(buffer, format=image_format, optimize=True, **({"quality": 85} if image_format != "PNG" else {}))
    name = f"{Path(upload.name).stem[:80] or 'image'}.{image_format.lower().replace('jpeg', 'jpg')}"
    return InMemoryUploadedFile(buffer, None, name, IMAGE_FORMATS[image_format], buffer.getbuffer().nbytes, None)


def clean_uploaded_image(value, *, box) -> InMemoryUploadedFile | bool | None:
    """For a ClearableFileInput: a checked, resized image; False to remove the current one; None to keep it."""
    if value is False:
        return False
    if isinstance(value, UploadedFile):
        return clean_image(value, box=box)
    return None


def check_pixels(size, max_pixels=IMAGE_MAX_PIXELS) -> None:
    width, height = size
    if width * height > max_pixels:
        raise ValidationError(
            _("This image is too large (%(width)s × %(height)s pixels); the limit is %(limit)s megapixels."),
            params={
                "width": number_format(width, force_grouping=True),
                "height": number_format(height, force_grouping=True),
                "limit": _megapixels(max_pixels),
            },
            code="image_too_many_pixels",
        )


def _megapixels(pixels) -> str:
    return number_format(pixels / 1_000_000, decimal_pos=0 if pixels % 1_000_000 == 0 else 1)


def _open_image(upload, max_pixels):
    """Open the upload lazily: Pillow reads the header (format, size) and decodes nothing yet."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns from about 89 Mpx on, and raises from twice that; our own, lower budget (check_pixels)
            # refuses such images with their size, so its warning must not turn into an error (or a 500) first.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(upload)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _("This image is too large; the limit is %(limit)s megapixels."),
            params={"limit": _megapixels(max_pixels)},
            code="image_too_many_pixels",
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(_("This file is not an image we can read."), code="not_an_image") from exc


def check_pdf(upload, *, max_bytes=PDF_MAX_BYTES) -> None:
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
    def base_location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return str(Path(settings.PRIVATE_MEDIA_ROOT).resolve())

    def url(self, name) -> Never:
        raise ValueError("Private files have no URL; serve them with private_file_response().")


private_storage = PrivateStorage()


def private_file_response(field_file, *, download_name=None) -> HttpResponse:
    """Serve a private file after the caller checked permission. Never link to MEDIA_URL for these."""
    if not field_file:
        raise Http404
    filename = download_name or Path(field_file.name).name
    if settings.PRIVATE_MEDIA_ACCEL_REDIRECT:
        return _accel_redirect_response(field_file, filename)
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=filename)


def _accel_redirect_response(field_file, filename):
    """nginx streams the file from its internal location; Django only says which one, and how to name it."""
    if not field_file.storage.exists(field_file.name):
        raise Http404
    response = HttpResponse(content_type=mimetypes.guess_type(filename)[0] or "application/octet-stream")
    response["X-Accel-Redirect"] = settings.PRIVATE_MEDIA_ACCEL_REDIRECT + quote(field_file.name)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response


# Replaced and cleared files
#
# A row that stops naming a file (a new photo, "clear" ticked, the row deleted) would leave the file on disk, and it
# is often personal data. Services delete it once their transaction commits, never before: after a rollback the row
# still names the old file. A file that another row still names stays. What slips through (a crash between a file's
# save and its row's commit, a row deleted with its parent) is swept by dimobel.orphan_files.


def file_fields(model) -> list:
    return [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]


def file_names(instance) -> dict[str, str]:
    """The file each file field of ``instance`` names, as it is in memory ("" for none)."""
    return {field.attname: getattr(instance, field.attname).name or "" for field in file_fields(type(instance))}


def stored_file_names(instance) -> dict[str, str]:
    """The files the row names in the database, read before a form or a service changes them (a bound ModelForm
    has already put the new upload on its instance). Call it inside the transaction that saves: the row is locked,
    so two saves one after the other each delete what they replaced."""
    fields = [field.attname for field in file_fields(type(instance))]
    if instance.pk is None or not fields:
        return {}
    row = type(instance)._base_manager.select_for_update().filter(pk=instance.pk).values(*fields).first()
    return {attname: name or "" for attname, name in (row or {}).items()}


def delete_replaced_files(instance, old_names) -> None:
    """Once the transaction commits, delete each file of ``old_names`` (see ``stored_file_names``) that the saved
    ``instance`` no longer names."""
    fields = {field.attname: field for field in file_fields(type(instance))}
    current = file_names(instance)
    for attname, old_name in old_names.items():
        if old_name and old_name != current.get(attname):
            delete_file_on_commit(fields[attname].storage, old_name)


@contextmanager
def replacing_files(instance) -> Iterator[None]:
    """Around the save of ``instance``, inside its transaction (``with transaction.atomic(),
    replacing_files(form.instance): form.save()``): the files it no longer names go after the commit."""
    old_names = stored_file_names(instance)
    yield
    delete_replaced_files(instance, old_names)


def delete_files_of(*rows) -> None:
    """For rows about to be deleted, inside the deleting transaction: their files, and those of the rows the
    deletion cascades to, go once the transaction commits."""
    by_model = defaultdict(list)
    for row in rows:
        by_model[type(row)].append(row)
    for model, instances in by_model.items():
        collector = Collector(using=router.db_for_write(model))
        collector.collect(instances)
        for collected_model, collected in collector.data.items():
            _delete_files_on_commit(file_fields(collected_model), collected)
        for queryset in collector.fast_deletes:  # cascaded rows Django deletes with one query, never loaded
            _delete_named_files_on_commit(file_fields(queryset.model), queryset)


def _delete_files_on_commit(fields, instances) -> None:
    for field in fields:
        for instance in instances:
            if name := getattr(instance, field.attname).name:
                delete_file_on_commit(field.storage, name)


def _delete_named_files_on_commit(fields, queryset) -> None:
    if not fields:
        return
    for names in queryset.values_list(*(field.attname for field in fields)):
        for field, name in zip(fields, names, strict=True):
            if name:
                delete_file_on_commit(field.storage, name)


class ReplacedFilesAdminMixin:
    """For a ModelAdmin whose model (or an inline's) has file fields: what the admin replaces, clears or deletes
    goes after the commit, as the services do."""

    def save_model(self, request, obj, form, change) -> None:
        with replacing_files(obj):
            super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change) -> None:
        has_files = bool(file_fields(formset.model))
        existing = [(inline.instance, stored_file_names(inline.instance)) for inline in formset.initial_forms]
        super().save_formset(request, form, formset, change)
        deleted = {id(instance) for instance in getattr(formset, "deleted_objects", ())}
        for instance, old_names in existing if has_files else ():
            if id(instance) not in deleted:
                delete_replaced_files(instance, old_names)
                continue
            for attname, name in old_names.items():
                if name:
                    delete_file_on_commit(instance._meta.get_field(attname).storage, name)

    def delete_model(self, request, obj) -> None:
        with transaction.atomic(using=router.db_for_write(type(obj))):
            delete_files_of(obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:
        with transaction.atomic(using=queryset.db):
            delete_files_of(*queryset)
            super().delete_queryset(request, queryset)


def delete_file_on_commit(storage, name) -> None:
    # robust: the transaction has committed already, so a storage error must not fail the request; the weekly
    # purge_orphan_files removes what was left.
    transaction.on_commit(partial(delete_unless_referenced, storage, name), robust=True)


def delete_unless_referenced(storage, name) -> bool:
    """Delete the file unless a row names it; whether it was deleted."""
    if is_referenced(name):
        return False
    storage.delete(name)
    return True


def file_columns() -> dict:
    """Every installed model that has file fields -> those fields."""
    return {model: fields for model in apps.get_models() if not model._meta.proxy and (fields := file_fields(model))}


def is_referenced(name) -> bool:
    """Whether any row of any model names this file (in any of its file fields)."""
    for model, fields in file_columns().items():
        if model._base_manager.filter(reduce(or_, (Q(**{field.attname: name}) for field in fields))).exists():
            return True
    return False


def referenced_file_names() -> set[str]:
    """Every file name any row names."""
    names = set()
    for model, fields in file_columns().items():
        for field in fields:
            column = model._base_manager.exclude(**{field.attname: ""}).exclude(**{f"{field.attname}__isnull": True})
            names.update(column.values_list(field.attname, flat=True).iterator())
    return names
