"""Badges: a single A6 badge and A4 sheets, with the QR code, Arabic names, and the B2B agenda on the back."""

from datetime import UTC, datetime, timedelta

import pytest

from dimobel.qr import qr_matrix
from events.badges import SHEET_CELL, badge_pdf, script_language, sheet_position
from events.models import Meeting
from events.tickets import checkin_url
from tests.events import test_b2b_support as b2b_world
from tests.events.support import colloquium, en, login, speaker_registration
from tests.factories import B2BParticipantFactory, RegistrationFactory, UserFactory
from tests.pdf_checks import extract_qr_codes, extract_text, page_count

pytestmark = pytest.mark.django_db

START = datetime(2031, 6, 10, 9, 0, tzinfo=UTC)  # 10:00 in Morocco (UTC+1 outside Ramadan)


@pytest.fixture
def event():
    return colloquium()


@pytest.fixture
def registration(event):
    return speaker_registration(event, organisation_name="Université Mohammed Premier")


@pytest.fixture
def oujda():
    return b2b_world.oujda(day=START.date(), slug="oujda")


def booked(first, second, *, start, table):
    return b2b_world.booked(first, second, (start, start + timedelta(minutes=30)), table=table)


# Access


def test_a_badge_needs_a_login(client, registration):
    response = client.get(en("badge", registration.pk))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_badge_is_404_for_anyone_but_organisers(client, registration):
    assert login(client, registration.user).get(en("badge", registration.pk)).status_code == 404
    assert client.get(en("badge", 999999)).status_code == 404


# One badge


def test_an_organiser_downloads_a_badge_with_name_organisation_category_and_title(client, organiser, registration):
    response = login(client, organiser).get(en("badge", registration.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert page_count(response.content) == 1
    text = extract_text(response.content)
    assert "Fatima Bennani" in text
    assert "Université Mohammed Premier" in text
    assert "SPEAKER" in text
    assert "Colloque des 60 ans" in text


def test_the_badge_carries_the_qr_code_of_the_check_in_url(registration):
    url = checkin_url(registration)

    assert extract_qr_codes(badge_pdf(registration)) == [qr_matrix(url)]
    assert "/events/checkin/" in url


def test_an_arabic_name_is_shaped_and_runs_right_to_left(event):
    registration = RegistrationFactory(
        event=event, user=None, first_name="فاطمة الزهراء", last_name="بناني", organisation_name="جامعة محمد الأول"
    )

    data = badge_pdf(registration)

    assert data.startswith(b"%PDF")
    text = extract_text(data)
    # Shaped glyphs map back to the letters; drawn right to left, the line reads backwards.
    assert "فاطمة الزهراء بناني"[::-1] in text.splitlines()
    assert script_language("فاطمة") == "ar"
    assert script_language("Fatima") == "en"


def test_without_b2b_a_badge_has_no_back(registration):
    assert page_count(badge_pdf(registration)) == 1


def test_with_b2b_the_back_lists_the_accepted_meetings_in_the_events_zone(oujda):
    karim = B2BParticipantFactory(
        registration=RegistrationFactory(event=oujda, user=UserFactory(first_name="Karim", last_name="Tazi"))
    )
    karim.registration.language = "en"
    karim.registration.save()
    sara = B2BParticipantFactory(
        registration=RegistrationFactory(
            event=oujda, user=UserFactory(first_name="Sara", last_name="Peeters"), organisation_name="Antwerp Trade"
        )
    )
    lina = B2BParticipantFactory(registration=RegistrationFactory(event=oujda))
    booked(karim, sara, start=START, table=4)
    Meeting.objects.create(
        event=oujda,
        requester=lina,
        recipient=karim,
        starts_at=START + timedelta(hours=1),
        ends_at=START + timedelta(hours=1, minutes=30),
    )  # fmt: skip  (only requested: not on the badge)

    data = badge_pdf(karim.registration)

    assert page_count(data) == 2
    text = extract_text(data)
    assert "My B2B meetings" in text
    assert "10.06 10:00–10:30 · Table 4" in text
    assert "Sara Peeters, Antwerp Trade" in text
    assert lina.registration.full_name not in text


def test_a_b2b_badge_without_meetings_says_so(oujda):
    registration = RegistrationFactory(event=oujda)
    registration.language = "en"
    registration.save()
    B2BParticipantFactory(registration=registration)

    assert "No meeting booked yet." in extract_text(badge_pdf(registration))


# Sheets (made in the background: tests/events/test_badge_sheets.py)


def test_backs_are_mirrored_for_duplex_printing():
    width, height = SHEET_CELL
    assert sheet_position(0) == (0, 0)
    assert sheet_position(0, back=True) == (width, 0)
    assert sheet_position(3) == (width, height)
    assert sheet_position(3, back=True) == (0, height)
