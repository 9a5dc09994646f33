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
"""

import logging
import re
import zlib
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from django.utils import translation
from fpdf import FPDF, Align, XPos, YPos

from dimobel.qr import qr_png

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
    top = pdf.get_y()
    pdf.multi_cell(width, line_height, text, align=_ALIGN[align][1 if rtl else 0], new_x=XPos.LEFT, new_y=YPos.NEXT)
    return pdf.get_y() - top


def fitting_size(
    pdf: FPDF, text: str, *, size: float, bold: bool, width: float, max_lines=None, max_height=None
) -> float:
    """The largest font size, from ``size`` down to 60% of it, at which ``text`` wraps into at most
    ``max_lines`` lines and ``max_height`` mm."""
    smallest = size * 0.6
    while size > smallest:
        pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
        lines = len(pdf.multi_cell(width, size * POINT_MM, text, dry_run=True, output="LINES"))
        if (not max_lines or lines <= max_lines) and (
            not max_height or lines * size * POINT_MM * LINE_SPACING <= max_height
        ):
            return size
        size -= 0.5
    return smallest


def add_qr(pdf: FPDF, data: str, *, x: float, y: float, size: float) -> None:
    """A square QR code of ``size`` mm with its top-left corner at (x, y)."""
    pdf.image(BytesIO(qr_png(data, scale=8, border=1)), x=x, y=y, w=size, h=size)


def output_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


# Reading text back, for tests and debugging: only what the documents above contain (fonts with a
# ToUnicode map, text shown with Tj), not PDFs in general.

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.DOTALL)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
_LENGTH = re.compile(rb"/Length (\d+)")
_FONT_REF = re.compile(rb"/(F\d+) (\d+) 0 R")
_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>")
_CONTENT_TOKEN = re.compile(
    rb"/(F\d+) [\d.]+ Tf|[\d.-]+ ([\d.-]+) Td|[\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ ([\d.-]+) Tm"
    rb"|\(((?:\\.|[^\\)])*)\) ?Tj|(ET)",
    re.DOTALL,
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _stream_data(body: bytes) -> bytes | None:
    match = _STREAM.search(body)
    if match is None:
        return None
    data = match.group(1)
    # Binary data may itself end in a carriage return, which the pattern above takes for the line break:
    # the dictionary's /Length says exactly where the data ends.
    length = _LENGTH.search(body[: match.start()])
    if length:
        data = body[match.start(1) : match.start(1) + int(length.group(1))]
    return zlib.decompress(data) if b"/FlateDecode" in body[: match.start()] else data


def _unescape(literal: bytes) -> bytes:
    def replace(match):
        escaped = match.group(1)
        if escaped[:1].isdigit():
            return bytes([int(escaped, 8)])
        return _ESCAPES.get(escaped, escaped)

    return re.sub(rb"\\([0-7]{1,3}|.)", replace, literal, flags=re.DOTALL)


def extract_text(data: bytes) -> str:
    """The text of a PDF written by this module, one line per text line, glyphs in drawing order
    (so an Arabic line comes out in visual order, right to left read backwards)."""
    objects = {int(number): body for number, body in _OBJECT.findall(data)}
    font_maps = {}
    for name, number in _FONT_REF.findall(data):
        to_unicode = _TO_UNICODE.search(objects.get(int(number), b""))
        if to_unicode:
            cmap = _stream_data(objects[int(to_unicode.group(1))]) or b""
            font_maps[name.decode()] = {
                int(glyph, 16): bytes.fromhex(text.decode()).decode("utf-16-be")
                for glyph, text in _BFCHAR.findall(cmap)
            }
    lines, current, glyphs, y = [], [], {}, None
    for body in objects.values():
        content = _stream_data(body)
        if not content or b" Tj" not in content:
            continue
        for font, td_y, tm_y, literal, end in _CONTENT_TOKEN.findall(content):
            position = td_y or tm_y
            if font:
                glyphs = font_maps.get(font.decode(), {})
            elif position:
                # A move to another baseline starts a new line; accents and marks sit a little off it.
                if y is None or abs(float(position) - y) > 3:
                    if current:
                        lines.append("".join(current))
                    current, y = [], float(position)
            elif literal:
                raw = _unescape(literal)
                current.extend(glyphs.get(int.from_bytes(raw[i : i + 2], "big"), "") for i in range(0, len(raw), 2))
            elif end and current:
                lines.append("".join(current))
                current, y = [], None
    if current:
        lines.append("".join(current))
    return "\n".join(lines)
