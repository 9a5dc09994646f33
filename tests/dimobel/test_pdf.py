import re

from dimobel import pdf as pdfkit
from dimobel.qr import qr_matrix, qr_png, qr_svg
from tests.pdf_checks import extract_qr_codes, extract_text, font_maps, pdf_pages

ARABIC_TITLE = "شهادة إتمام"


def _document(language="fr"):
    document = pdfkit.new_document(orientation="landscape", language=language, title="Test")
    document.add_page()
    return document


def _first_line_x(document) -> float:
    """Where the first line of text starts, in points from the left edge (read from the raw page)."""
    document.set_compression(False)
    content = pdfkit.output_bytes(document)
    return float(re.search(rb"BT ([\d.]+) [\d.]+ Td", content).group(1))


def test_the_fonts_and_their_licence_ship_with_the_code():
    for filename in pdfkit.FONT_FILES.values():
        assert (pdfkit.FONT_DIR / filename).stat().st_size > 100_000
    assert "Bitstream Vera" in (pdfkit.FONT_DIR / "LICENSE").read_text()


def test_a_document_holds_the_text_written_in_it():
    document = _document()
    pdfkit.write_text(document, "Université d'automne 2025", language="fr", size=20, bold=True, align="center")
    pdfkit.write_text(document, "Amina El Idrissi – Tanger Med (Maroc)", language="fr")

    data = pdfkit.output_bytes(document)

    assert data.startswith(b"%PDF-")
    assert extract_text(data).splitlines() == [
        "Université d'automne 2025",
        "Amina El Idrissi – Tanger Med (Maroc)",
    ]


def test_arabic_runs_right_to_left_with_joined_letters_and_latin_names_in_order():
    document = _document("ar")
    pdfkit.write_text(document, ARABIC_TITLE, language="ar", size=20)
    pdfkit.write_text(document, "نشهد بأن Amina El Idrissi قد أتمّ الوحدة", language="ar")

    data = pdfkit.output_bytes(document)
    text = extract_text(data)

    # Glyphs come out in drawing order, left to right: an Arabic run reads backwards, a Latin one forwards.
    assert ARABIC_TITLE[::-1] in text
    assert "Amina El Idrissi" in text
    assert b"/Lang (ar)" in data
    # Joined letters are contextual glyph forms: the same letter (meem, م) drawn with several glyphs.
    meem_glyphs = {
        glyph for glyphs in font_maps(pdf_pages(data)[0]).values() for glyph, text in glyphs.items() if text == "م"
    }
    assert len(meem_glyphs) >= 2


def test_start_alignment_is_the_right_edge_in_arabic_and_the_left_edge_in_french():
    french, arabic = _document("fr"), _document("ar")
    pdfkit.write_text(french, "Début", language="fr")
    pdfkit.write_text(arabic, ARABIC_TITLE, language="ar")

    page_middle = french.w * french.k / 2
    assert _first_line_x(french) < page_middle < _first_line_x(arabic)


def test_long_text_shrinks_to_fit_the_lines_it_is_given():
    document = _document()
    name = "Maximilian Alexander Vandenberghe-El Khattabi de la Roche-Tarpeienne"

    size = pdfkit.fitting_size(document, name, size=28, bold=True, width=150, max_lines=1)

    assert 28 * 0.6 <= size < 28
    assert pdfkit.fitting_size(document, "Amina", size=28, bold=True, width=150, max_lines=1) == 28


def test_a_qr_code_is_drawn_as_vector_squares_that_read_back_as_the_code():
    url = "https://dimobel.example/fr/certificates/ABCD-EFGH-JKLM/"
    document = _document()
    pdfkit.add_qr(document, url, x=20, y=20, size=30)
    pdfkit.add_qr(document, url + "x", x=120, y=20, size=40)

    data = pdfkit.output_bytes(document)

    assert b"/Subtype /Image" not in data
    assert extract_qr_codes(data) == [qr_matrix(url), qr_matrix(url + "x")]
    assert qr_matrix(url) != qr_matrix(url + "x")


def test_long_text_wraps_at_spaces_and_cuts_a_word_only_when_it_is_longer_than_a_line():
    document = _document()
    address = "https://dimobel.example/" + "a" * 120

    lines = pdfkit.wrap_lines(document, f"Amina El Idrissi {address}", size=12, bold=False, width=60)

    assert lines[0] == "Amina El Idrissi"
    assert "".join(lines[1:]) == address
    document.set_font(pdfkit.FONT_FAMILY, size=12)
    assert all(document.get_string_width(line) <= 60 for line in lines)
    assert pdfkit.wrap_lines(document, "Une ligne\nDeux lignes", size=12, bold=False, width=150) == [
        "Une ligne",
        "Deux lignes",
    ]


def test_qr_codes_come_as_png_bytes_and_as_accessible_inline_svg():
    assert qr_png("https://dimobel.example/t/1").startswith(b"\x89PNG")
    svg = qr_svg("https://dimobel.example/t/1", title="Ticket <1>")
    assert svg.startswith("<svg")
    assert "<title>Ticket &lt;1&gt;</title>" in svg
    assert "style=" not in svg  # the page's Content-Security-Policy forbids inline styles
