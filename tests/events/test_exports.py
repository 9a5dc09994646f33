"""CSV and Excel exports of registrations, read back: one column per custom question, times in the event's
zone, and text that looks like a formula kept as text."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.utils import translation
from openpyxl import load_workbook

from events import exports
from events.models import Registration
from tests.events.test_b2b_support import oujda
from tests.factories import CategoryFactory, EventFactory, EventQuestionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def event(db):
    event = EventFactory(title="Colloque 60 ans", slug="colloque-60-ans")
    EventQuestionFactory(event=event, position=1, label="Dietary needs", kind="single", choices=["None", "Halal"])
    EventQuestionFactory(event=event, position=2, label="Workshops", kind="multiple", choices=["A", "B", "C"])
    EventQuestionFactory(event=event, position=3, label="Photo consent", kind="yes_no")
    EventQuestionFactory(event=event, position=4, label="Accessibility", kind="text")
    return event


@pytest.fixture
def registration(event):
    registration = RegistrationFactory(
        event=event,
        category=CategoryFactory(event=event, name="Speaker"),
        first_name="Nour",
        last_name="Haddad",
        organisation_name="ULB",
        country="MA",
        checked_in_at=datetime(2027, 2, 10, 8, 5, tzinfo=UTC),  # 09:05 in Brussels
    )
    questions = {question.label: question for question in event.questions.all()}
    registration.answers.create(question=questions["Dietary needs"], value="Halal")
    registration.answers.create(question=questions["Workshops"], value=["A", "C"])
    registration.answers.create(question=questions["Photo consent"], value=False)
    return registration


def read_csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def read_xlsx(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]], sheet


def test_the_csv_has_a_column_per_question_with_readable_answers(event, registration):
    response = exports.csv_export(Registration.objects.filter(event=event))

    assert 'filename="registrations-colloque-60-ans-' in response["Content-Disposition"]
    [row] = read_csv(response)
    assert row["Last name"] == "Haddad"
    assert row["Organisation"] == "ULB"
    assert row["Country"] == "Morocco"
    assert row["Category"] == "Speaker"
    assert row["Status"] == "Confirmed"
    assert row["Checked in at"] == "2027-02-10 09:05"
    assert row["Dietary needs"] == "Halal"
    assert row["Workshops"] == "A, C"
    assert row["Photo consent"] == "No"
    assert row["Accessibility"] == ""


def test_the_excel_file_reads_back_with_the_same_columns_and_real_dates(event, registration):
    response = exports.xlsx_export(Registration.objects.filter(event=event))

    assert response["Content-Type"] == exports.XLSX_TYPE
    [row], sheet = read_xlsx(response)
    assert row["First name"] == "Nour"
    assert row["Workshops"] == "A, C"
    assert row["Photo consent"] == "No"
    # Excel has no zones: the wall-clock time in Brussels.
    assert row["Checked in at"] == datetime(2027, 2, 10, 9, 5)  # noqa: DTZ001
    assert sheet.freeze_panes == "A2"


def test_text_that_looks_like_a_formula_stays_text_in_both_formats(event, registration):
    Registration.objects.filter(pk=registration.pk).update(organisation_name='=HYPERLINK("http://x","y")')
    registration.answers.filter(question__label="Dietary needs").update(value="+1 dessert")
    registrations = Registration.objects.filter(event=event)

    [csv_row] = read_csv(exports.csv_export(registrations))
    [xlsx_row], sheet = read_xlsx(exports.xlsx_export(registrations))

    assert csv_row["Organisation"] == '\'=HYPERLINK("http://x","y")'
    assert csv_row["Dietary needs"] == "'+1 dessert"
    assert xlsx_row["Organisation"] == '\'=HYPERLINK("http://x","y")'
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_an_export_of_several_events_names_each_question_with_its_event(event, registration):
    other = oujda()
    EventQuestionFactory(event=other, label="Sector", kind="text")
    guest = RegistrationFactory(event=other, user=None, email="guest@example.org", last_name="Invitée")
    guest.answers.create(question=other.questions.get(), value="Agrifood")

    rows = read_csv(exports.csv_export(Registration.objects.all()))

    by_name = {row["Last name"]: row for row in rows}
    assert by_name["Haddad"]["Colloque 60 ans: Workshops"] == "A, C"
    assert by_name["Haddad"]["Rencontre d'Oujda: Sector"] == ""
    assert by_name["Invitée"]["Rencontre d'Oujda: Sector"] == "Agrifood"
    assert by_name["Invitée"]["Event"] == "Rencontre d'Oujda"


@pytest.mark.parametrize("n", [1, 5])
def test_building_an_export_runs_a_constant_number_of_queries(event, django_assert_num_queries, n):
    category = CategoryFactory(event=event)
    question = event.questions.first()
    for _index in range(n):
        RegistrationFactory(event=event, category=category).answers.create(question=question, value="Halal")

    with django_assert_num_queries(3):
        table = exports.registrations_table(Registration.objects.filter(event=event))

    assert len(table.rows) == n


def test_answers_read_as_people_wrote_them():
    assert exports.answer_text(True) == "Yes"
    assert exports.answer_text(["Atelier 1", "Atelier 3"]) == "Atelier 1, Atelier 3"
    assert exports.answer_text("Sans gluten") == "Sans gluten"
    assert exports.answer_text(None) == ""
