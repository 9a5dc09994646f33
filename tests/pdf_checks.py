"""Reading back the PDFs that dimobel.pdf writes (certificates, badges): their pages, their text and their QR codes.

pypdf parses the file (objects, compressed streams, strings, content-stream operators). What is read here is only
what dimobel.pdf draws: text shown glyph by glyph with ``Tj`` in fonts that carry a ToUnicode map, and QR codes as
runs of filled squares (``dimobel.pdf.add_qr``), not PDFs in general.
"""

import re
from io import BytesIO

from pypdf import PageObject, PdfReader

_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>")
# A move to another baseline starts a new line; accents and marks sit a little off it (in points).
_SAME_LINE = 3


def pdf_pages(data: bytes) -> list[PageObject]:
    return list(PdfReader(BytesIO(data)).pages)


def page_count(data: bytes) -> int:
    return len(pdf_pages(data))


def font_maps(page: PageObject) -> dict[str, dict[int, str]]:
    """For each font of the page (by resource name, e.g. "/F1"), its glyph ids and the text each one stands for."""
    fonts = page["/Resources"].get("/Font", {})
    maps = {}
    for name, font in fonts.items():
        to_unicode = font.get_object().get("/ToUnicode")
        cmap = to_unicode.get_object().get_data() if to_unicode else b""
        maps[name] = {
            int(glyph, 16): bytes.fromhex(text.decode()).decode("utf-16-be") for glyph, text in _BFCHAR.findall(cmap)
        }
    return maps


def extract_text(data: bytes) -> str:
    """The text of the PDF, one line per text line, glyphs in drawing order (so an Arabic line comes out in visual
    order: right to left, read backwards)."""
    lines = []
    for page in pdf_pages(data):
        lines.extend(_page_lines(page))
    return "\n".join(lines)


def _page_lines(page: PageObject) -> list[str]:
    maps = font_maps(page)
    lines, current, glyphs, y = [], [], {}, None
    for operands, operator in page.get_contents().operations:
        if operator == b"Tf":
            glyphs = maps.get(operands[0], {})
        elif operator in (b"Td", b"Tm"):
            baseline = float(operands[-1])
            if y is None or abs(baseline - y) > _SAME_LINE:
                if current:
                    lines.append("".join(current))
                current, y = [], baseline
        elif operator == b"Tj":
            raw = operands[0].original_bytes
            current.extend(glyphs.get(int.from_bytes(raw[i : i + 2], "big"), "") for i in range(0, len(raw), 2))
        elif operator == b"ET" and current:
            lines.append("".join(current))
            current, y = [], None
    if current:
        lines.append("".join(current))
    return lines


def extract_qr_codes(data: bytes) -> list[tuple[tuple[bool, ...], ...]]:
    """The QR codes ``dimobel.pdf.add_qr`` drew, as module matrices (``dimobel.qr.qr_matrix``), in drawing order.

    ``add_qr`` sets black (``0 g``), scales the space to one unit per module with y growing downwards (``cm``
    with a negative height), draws one ``x row length 1 re`` per run of dark modules, and fills them (``f``)."""
    codes = []
    for page in pdf_pages(data):
        operations = page.get_contents().operations
        for index in range(1, len(operations)):
            (operands, operator), previous = operations[index], operations[index - 1]
            if operator == b"cm" and previous == ([0], b"g") and operands[3] < 0:
                codes.append(_matrix(operations[index + 1 :]))
    return codes


def _matrix(operations) -> tuple[tuple[bool, ...], ...]:
    runs = []
    for operands, operator in operations:
        if operator != b"re":
            break
        start, row, length, _height = map(int, operands)
        runs.append((start, row, length))
    # The finder patterns put dark modules in the last row and the last column of every code.
    side = max(start + length for start, _row, length in runs)
    rows = [[False] * side for _index in range(side)]
    for start, row, length in runs:
        rows[row][start : start + length] = [True] * length
    return tuple(tuple(row) for row in rows)
