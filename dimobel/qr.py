"""QR codes for certificates and tickets: SVG for web pages, PNG bytes for emails, and the bare module matrix
that dimobel.pdf draws as vector squares.

Error correction "M" (15%) survives a creased or slightly smudged printout, and segno picks the smallest
version that holds the data. ``boost_error`` stays off so the same data always gives the same code.
"""

from io import BytesIO

import segno
from django.utils.safestring import mark_safe

ERROR_LEVEL = "m"


def _make(data: str):
    return segno.make(data, error=ERROR_LEVEL, boost_error=False)


def qr_svg(data: str, *, scale: int = 4, border: int = 2, title: str = "") -> str:
    """Inline SVG markup, safe to put in a template. No inline style: the page's CSP stays strict.

    ``title`` is the accessible name (screen readers say it; browsers show it on hover)."""
    svg = _make(data).svg_inline(scale=scale, border=border, title=title or None, svgclass="qr-code")
    return mark_safe(svg)  # noqa: S308 (segno escapes the title and the data is only drawn, never echoed)


def qr_svg_file(data: str, *, scale: int = 8, border: int = 2) -> bytes:
    """A standalone SVG file (a ticket's QR code served on its own URL)."""
    buffer = BytesIO()
    _make(data).save(buffer, kind="svg", scale=scale, border=border)
    return buffer.getvalue()


def qr_png(data: str, *, scale: int = 10, border: int = 2) -> bytes:
    """A black-on-white PNG, sharp enough to print (each module is ``scale`` pixels)."""
    buffer = BytesIO()
    _make(data).save(buffer, kind="png", scale=scale, border=border)
    return buffer.getvalue()


def qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, row by row, True for dark (no quiet zone around them)."""
    return tuple(tuple(bool(module) for module in row) for row in _make(data).matrix)
