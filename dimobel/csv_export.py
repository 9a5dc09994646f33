"""CSV downloads for the admin: one helper so every export quotes, encodes and names files the same way."""

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils import timezone


def safe_cell(value) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; a leading quote keeps member text as text."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    """A UTF-8 CSV (with a BOM, so spreadsheet apps read accents and Arabic correctly)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(column) for column in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return response
