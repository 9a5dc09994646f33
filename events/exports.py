"""Registrations as CSV or Excel, with one column per custom question, for organisers (admin actions).

Times are written in each event's own zone. Text typed by registrants may start with = + - @: both formats
keep it as text (dimobel.csv_export.safe_cell), so a spreadsheet never runs it as a formula.
"""

from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from dimobel.csv_export import csv_response, safe_cell
from events.selectors.registration import event_slugs, questions_of_events, registrations_for_export

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TIME_FORMAT = "%Y-%m-%d %H:%M"


def answer_text(value) -> str:
    """An answer as a person reads it: yes/no translated, the options of a multiple choice joined."""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


@dataclass
class Table:
    header: list
    rows: list  # text, or datetimes (aware) that each format writes its own way


def registrations_table(queryset) -> Table:
    """The rows of an export (three queries: registrations with event and category, answers, questions)."""
    registrations = registrations_for_export(queryset)
    questions = questions_of_events({registration.event_id for registration in registrations})
    several_events = len({question.event_id for question in questions} | {r.event_id for r in registrations}) > 1
    header = [
        _("First name"), _("Last name"), _("Email"), _("Organisation"), _("Job title"), _("Country"),
        _("Language"), _("Event"), _("Category"), _("Status"), _("Walk-in"), _("Checked in at"),
        _("Registered at"),
    ]  # fmt: skip
    header += [
        f"{question.event.title}: {question.label}" if several_events else question.label for question in questions
    ]
    rows = []
    for registration in registrations:
        zone = registration.event.zone
        answers = {answer.question_id: answer.value for answer in registration.answers.all()}
        row = [
            registration.first_name,
            registration.last_name,
            registration.email,
            registration.organisation_name,
            registration.job_title,
            countries.name(registration.country) if registration.country else "",
            registration.get_language_display(),
            registration.event.title,
            registration.category.name,
            registration.get_status_display(),
            _("Yes") if registration.is_walk_in else _("No"),
            timezone.localtime(registration.checked_in_at, zone) if registration.checked_in_at else None,
            timezone.localtime(registration.created_at, zone),
        ]
        row += [
            answer_text(answers[question.pk]) if question.event_id == registration.event_id and question.pk in answers
            else ""
            for question in questions
        ]  # fmt: skip
        rows.append(row)
    return Table(header=header, rows=rows)


def _filename(queryset) -> str:
    slugs = event_slugs(queryset)
    return f"registrations-{slugs[0]}" if len(slugs) == 1 else "registrations"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(TIME_FORMAT)
    return str(value)


def csv_export(queryset) -> HttpResponse:
    table = registrations_table(queryset)
    return csv_response(_filename(queryset), table.header, ([_text(value) for value in row] for row in table.rows))


def xlsx_workbook(table) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")[:31]
    sheet.append([str(column) for column in table.header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_xlsx_value(value) for value in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                # openpyxl stores a string starting with "=" as a formula; text stays text.
                cell.data_type = "s"
            elif isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
    for index, column in enumerate(table.header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(len(str(column)), 12) + 2, 50)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return workbook


def _xlsx_value(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)  # Excel has no time zones: the wall-clock time of the event's zone
    return safe_cell(value)


def xlsx_export(queryset) -> HttpResponse:
    buffer = BytesIO()
    xlsx_workbook(registrations_table(queryset)).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{_filename(queryset)}-{stamp}.xlsx"'
    return response
