"""check_document: uploads judged by their content, whatever their name says."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from dimobel.files import check_document
from tests.helpers import image_bytes


def zipped(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document/>"})


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.pdf", b"%PDF-1.7\n%test"),
        ("plan.docx", DOCX),
        ("budget.xlsx", XLSX),
        ("notes.odt", ODT),
        ("logo.png", image_bytes(size=(4, 4), image_format="PNG")),
        ("photo.JPG", image_bytes(size=(4, 4), image_format="JPEG")),
        ("lisez-moi.txt", "Résumé du module, en français et en العربية.".encode()),
        ("participants.csv", b"name,email\nAmina,amina@example.org\n"),
    ],
)
def test_documents_whose_content_matches_their_extension_are_accepted(name, content):
    upload = SimpleUploadedFile(name, content)

    assert check_document(upload) is upload
    assert upload.tell() == 0  # left ready to be saved


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.pdf", b"MZ\x90\x00\x03 an executable"),
        ("plan.docx", ODT),  # an OpenDocument file renamed
        ("budget.xlsx", DOCX),  # a Word file renamed: the spreadsheet part is missing
        ("notes.odt", zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})),
        ("plan.docx", b"PK\x03\x04 not really a zip"),
        ("logo.png", image_bytes(size=(4, 4), image_format="JPEG")),
        ("photo.jpg", b"%PDF-1.7"),
        ("notes.txt", b"text\x00with a NUL byte"),
        ("notes.csv", "latin-1 café".encode("latin-1")),
        ("script.exe", b"MZ\x90\x00"),
        ("no-extension", b"%PDF-1.7"),
    ],
)
def test_documents_whose_content_does_not_match_are_refused(name, content):
    with pytest.raises(ValidationError) as caught:
        check_document(SimpleUploadedFile(name, content))

    assert caught.value.code == "document_type"


def test_a_document_over_the_limit_is_refused_before_its_content_is_read():
    with pytest.raises(ValidationError) as caught:
        check_document(SimpleUploadedFile("plan.pdf", b"%PDF-1.7" + b"x" * 2048), max_bytes=1024)

    assert caught.value.code == "file_too_large"
