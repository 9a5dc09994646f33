"""PDF documents (certificates, badges) with fpdf2, in any of the platform's languages.

The fonts ship in dimobel/fonts (DejaVu Sans covers Latin and Arabic; see its LICENSE there), so a fresh
machine renders the same document as a developer's. Text shaping (HarfBuzz) is always on: Arabic letters
join, and a paragraph in an RTL language runs right to left, with Latin names inside it kept in order.

    pdf = new_document(orientation="landscape", title="Certificate", language="ar")
    pdf.add_page()
    write_text(pdf, "شهادة إتمام", language="ar", size=24, bold=True, align="center")
    add_qr(pdf, "https://…/certificates/ABCD-…/", x=20, y=150, size=30)
    data = output_bytes(pdf)

Each call of ``write_text`` is one paragraph: it wraps inside ``width`` (the space left to the right margin
by default) and leaves the cursor at the start of the next line, at the same x, so a block of paragraphs
can be written at any position (a small card of an A4 sheet of badges, a column of a certificate).

Speed matters for badge sheets (a thousand names, each fitted to its box): fpdf2's own line breaking shapes
every growing prefix of a line again, so ``write_text`` wraps words itself from widths that HarfBuzz shapes once
per word and font (cached for the process; a width scales with the font size), and draws each line with one
``cell``. QR codes are drawn as vector squares, not as an embedded PNG each.
"""

import logging
from functools import lru_cache
from io import BytesIO
from pathlib import Path

import uharfbuzz as hb
from django.utils import translation
from fpdf import FPDF, Align, XPos, YPos

from dimobel.qr import qr_matrix

# fontTools reports every subsetting step at INFO level; a certificate download is not worth 80 log lines.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}

# One point is 0.3528 mm; lines of 1.45 × the font size read comfortably in Latin and in Arabic.
POINT_MM = 25.4 / 72
LINE_SPACING = 1.45

_ALIGN = {
    "start": (Align.L, Align.R),  # (left-to-right, right-to-left)
    "end": (Align.R, Align.L),
    "center": (Align.C, Align.C),
    "justify": (Align.J, Align.J),
}


def is_rtl(language: str) -> bool:
    try:
        return bool(translation.get_language_info(language)["bidi"])
    except KeyError:
        return False


def new_document(
    *, orientation="portrait", page_format="A4", margin=10.0, title="", language="fr", author="DIMOBEL"
) -> FPDF:
    """An empty document (add pages yourself) with the fonts registered and text shaping on.

    Units are millimetres. Automatic page breaks are off: certificates and badge sheets place every
    block themselves, and a page break in the middle of one would split it."""
    pdf = FPDF(orientation=orientation, unit="mm", format=page_format)
    for style, filename in FONT_FILES.items():
        pdf.add_font(FONT_FAMILY, style, str(FONT_DIR / filename))
        _read_from_memory(pdf.fonts[f"{FONT_FAMILY.lower()}{style}"].ttfont, filename)
    pdf.set_text_shaping(True)
    pdf.set_margins(margin, margin, margin)
    pdf.set_auto_page_break(False)
    pdf.set_font(FONT_FAMILY, size=11)
    pdf.set_creator("DIMOBEL")
    pdf.set_author(author)
    if title:
        pdf.set_title(title)
    pdf.set_lang(language)
    return pdf


@lru_cache(maxsize=len(FONT_FILES))
def _font_bytes(filename: str) -> bytes:
    return (FONT_DIR / filename).read_bytes()


def _read_from_memory(ttfont, filename: str) -> None:
    """fpdf2 opens fonts lazily and never closes the file; read the rest from a copy in memory instead,
    so no document leaves a file handle behind (even one that is never output)."""
    ttfont.reader.file.close()
    ttfont.reader.file = BytesIO(_font_bytes(filename))


def write_text(
    pdf: FPDF,
    text: str,
    *,
    language: str,
    size: float = 11,
    bold: bool = False,
    align: str = "start",
    width: float = 0,
    line_height: float | None = None,
    color: tuple[int, int, int] = (0, 0, 0),
    max_lines: int | None = None,
    max_height: float | None = None,
) -> float:
    """Write one paragraph at the cursor and return its height in mm.

    ``align`` is logical: "start" is the left in French and the right in Arabic; "end" the opposite;
    "center" and "justify" as named. ``max_lines`` and ``max_height`` (mm) shrink the font, down to 60%,
    until the text fits, for names, titles and organisers' wording of any length in a fixed layout."""
    rtl = is_rtl(language)
    pdf.set_text_shaping(True, direction="rtl" if rtl else "ltr")
    pdf.set_text_color(*color)
    if width <= 0:
        width = pdf.w - pdf.r_margin - pdf.get_x()
    if max_lines or max_height:
        size = fitting_size(pdf, text, size=size, bold=bold, width=width, max_lines=max_lines, max_height=max_height)
    pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
    line_height = line_height or size * POINT_MM * LINE_SPACING
    fpdf_align = _ALIGN[align][1 if rtl else 0]
    top = pdf.get_y()
    if fpdf_align == Align.J:  # spreading words over a line is fpdf2's job; nothing here justifies in bulk
        pdf.multi_cell(width, line_height, text, align=fpdf_align, new_x=XPos.LEFT, new_y=YPos.NEXT)
    else:
        # Lines are broken in logical order; each cell then lays its own line out right to left where needed.
        for line in wrap_lines(pdf, text, size=size, bold=bold, width=width):
            pdf.cell(width, line_height, line, align=fpdf_align, new_x=XPos.LEFT, new_y=YPos.NEXT)
    return pdf.get_y() - top


def fitting_size(
    pdf: FPDF, text: str, *, size: float, bold: bool, width: float, max_lines=None, max_height=None
) -> float:
    """The largest font size, from ``size`` down to 60% of it, at which ``text`` wraps into at most
    ``max_lines`` lines and ``max_height`` mm."""
    smallest = size * 0.6
    while size > smallest:
        lines = len(wrap_lines(pdf, text, size=size, bold=bold, width=width))
        if (not max_lines or lines <= max_lines) and (
            not max_height or lines * size * POINT_MM * LINE_SPACING <= max_height
        ):
            return size
        size -= 0.5
    return smallest


@lru_cache(maxsize=len(FONT_FILES))
def _shaper(style: str) -> tuple[hb.Font, float]:
    face = hb.Face(hb.Blob(_font_bytes(FONT_FILES[style])))
    return hb.Font(face), 1000 / face.upem


@lru_cache(maxsize=50_000)
def _advance(style: str, text: str) -> int:
    """The width of ``text`` shaped on its own, in thousandths of the font size, rounded glyph by glyph as
    fpdf2 rounds them when it draws (so a line measured here is as wide as the line it draws)."""
    font, scale = _shaper(style)
    buffer = hb.Buffer()
    buffer.cluster_level = 1
    buffer.add_str(text)
    buffer.guess_segment_properties()  # Arabic words shape right to left, Latin ones left to right
    hb.shape(font, buffer, {})
    return sum(round(scale * position.x_advance + 0.001) for position in buffer.glyph_positions)


def wrap_lines(pdf: FPDF, text: str, *, size: float, bold: bool, width: float) -> list[str]:
    """``text`` broken into the lines that fit ``width`` mm at ``size`` points, in logical order: at spaces,
    and inside a word only when the word alone is wider than the line. A newline starts a new line."""
    style = "B" if bold else ""
    # The room a cell leaves for text (its margins on both sides), in thousandths of the font size.
    room = (width - 2 * pdf.c_margin) * pdf.k * 1000 / size
    space = _advance(style, " ")
    lines = []
    for paragraph in text.replace("\r", "").split("\n"):
        line, used = [], 0
        for word in paragraph.split():
            advance = _advance(style, word)
            if line and used + space + advance > room:
                lines.append(" ".join(line))
                line, used = [], 0
            if not line and advance > room:
                *full, word = _split_word(style, word, room)
                lines.extend(full)
                advance = _advance(style, word)
            used = used + space + advance if line else advance
            line.append(word)
        lines.append(" ".join(line))
    return lines


def _split_word(style: str, word: str, room: float) -> list[str]:
    """A word wider than a whole line (a long email or web address), cut into pieces that fit."""
    pieces, piece = [], ""
    for char in word:
        if piece and _advance(style, piece + char) > room:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def add_qr(pdf: FPDF, data: str, *, x: float, y: float, size: float, border: int = 1) -> None:
    """A square QR code of ``size`` mm with its top-left corner at (x, y), ``border`` light modules included.

    It is drawn as vector squares, one rectangle per run of dark modules in a row, all filled at once (so no
    hairline shows between neighbours), in a coordinate system of one unit per module: sharp at any print
    size and much lighter to make than a PNG per code."""
    matrix = qr_matrix(data)
    module = size / (len(matrix) + 2 * border)
    k = pdf.k
    left, top = x * k, (pdf.h - y) * k
    operators = [
        f"q 1 g {left:.3f} {top - size * k:.3f} {size * k:.3f} {size * k:.3f} re f",
        f"0 g {module * k:.5f} 0 0 {-module * k:.5f} {left + border * module * k:.3f} "
        f"{top - border * module * k:.3f} cm",
    ]
    for row_index, row in enumerate(matrix):
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            operators.append(f"{start} {row_index} {column - start} 1 re")
    operators.append("f Q")
    # fpdf2 has no public call for raw path operators; q…Q leaves its graphics state as it was.
    pdf._out("\n".join(operators))


def output_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())
