"""The events app in a real browser: a guest registers and gets a ticket, staff check them in with the ticket's
QR code, and two members book a B2B meeting."""

import re
import time
from zoneinfo import ZoneInfo

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation

from events.models import B2BParticipant, Meeting, Registration
from events.tickets import checkin_url
from tests.events.test_b2b_support import oujda
from tests.factories import (
    PASSWORD,
    CategoryFactory,
    EventFactory,
    EventQuestionFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)
ORGANISER_TOTP_SECRET = "JBSWY3DPEHPK3PXPORGANE2E"  # the organiser's authenticator app


def on_live_server(live_server, url):
    """Links in emails and QR codes carry SITE_URL; the browser opens the same path on the test server."""
    return live_server.url + "/" + url.split("://", 1)[1].split("/", 1)[1]


def log_in(page, live_server, email, next_path, *, totp_secret=None):
    """Log in; organisers then type their authenticator app's code, as their pages require."""
    page.goto(f"{live_server.url}/en/accounts/login/?next={next_path}")
    page.get_by_label("Email*", exact=True).fill(email)
    page.get_by_label("Password*", exact=True).fill(PASSWORD)
    page.locator("#main form").get_by_role("button", name="Sign In").click()
    if totp_secret:
        if 30 - time.time() % 30 < 3:  # the code would expire before the server reads it: take the next one
            time.sleep(30 - time.time() % 30 + 0.2)
        page.locator('input[name="code"]').fill(format_hotp_value(hotp_value(totp_secret, int(time.time()) // 30)))
        page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(re.escape(next_path)))


def test_a_guest_registers_answers_the_questions_confirms_the_email_and_sees_the_ticket(live_server, page, screenshot):
    event = EventFactory(title="Colloque des 60 ans", slug="colloque-60", capacity=300)
    CategoryFactory(event=event, name="Participant")
    EventQuestionFactory(event=event, position=1, label="Dietary needs", kind="single", choices=["None", "Halal"])
    EventQuestionFactory(
        event=event, position=2, label="Which workshops?", kind="multiple", choices=["Export", "Diaspora"]
    )
    EventQuestionFactory(event=event, position=3, label="Do you need wheelchair access?", kind="yes_no", required=True)

    page.goto(live_server.url + "/en/events/colloque-60/")
    page.locator("#registration-box").get_by_role("link", name="Register").click()
    page.wait_for_url(re.compile("/en/events/colloque-60/register/"))
    form = page.locator("#registration-form")
    form.get_by_label("First name").fill("Youssef")
    form.get_by_label("Last name").fill("Alaoui")
    form.get_by_label("Email address").fill("youssef@example.org")
    form.get_by_label("Organisation").fill("Oriental Invest")
    form.get_by_label("Country").select_option("MA")
    form.get_by_label("Language of our emails").select_option("en")
    form.get_by_label("Halal").check()
    form.get_by_label("Export").check()
    form.get_by_label("Diaspora").check()
    form.get_by_role("group", name=re.compile("wheelchair")).get_by_label("No").check()
    screenshot("events-01-guest-form")
    form.get_by_role("button", name="Register").click()
    page.get_by_text("Check your inbox").first.wait_for()
    screenshot("events-02-check-your-inbox")

    registration = Registration.objects.get(email="youssef@example.org")
    assert registration.status == "unconfirmed"
    answers = {a.question.label: a.value for a in registration.answers.select_related("question")}
    assert answers == {
        "Dietary needs": "Halal",
        "Which workshops?": ["Export", "Diaspora"],
        "Do you need wheelchair access?": False,
    }
    [confirmation] = mail.outbox
    assert confirmation.to == ["youssef@example.org"]
    link = re.search(r"https?://\S+/en/events/registrations/confirm/\S+/", confirmation.body).group(0)

    page.goto(on_live_server(live_server, link))
    page.get_by_role("button", name="Confirm my registration").click()
    page.wait_for_url(re.compile(f"/en/events/tickets/{registration.secret}/"))

    ticket = page.locator("#ticket")
    ticket.get_by_text("Youssef Alaoui").wait_for()
    assert ticket.locator("svg.qr-code").is_visible()
    assert "Confirmed" in ticket.inner_text()
    assert "Halal" in page.locator("#answers").inner_text()
    screenshot("events-03-guest-ticket")
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert [a[0] for a in mail.outbox[-1].attachments] == ["colloque-60.ics", "ticket-qr.png"]


def test_staff_scan_the_ticket_and_the_person_is_checked_in_once(live_server, page, screenshot):
    organiser = UserFactory(first_name="Nadia", last_name="Benali", email="nadia@example.org")
    organiser.groups.add(Group.objects.get_or_create(name="Organisers")[0])
    TOTP.activate(organiser, ORGANISER_TOTP_SECRET)
    event = EventFactory(title="Colloque des 60 ans", time_zone="Europe/Brussels")
    registration = RegistrationFactory(
        event=event,
        category=CategoryFactory(event=event, name="Speaker"),
        user=None,
        email="nour@example.org",
        first_name="Nour",
        last_name="Haddad",
        organisation_name="ULB",
    )
    with translation.override("en"):
        scanned = on_live_server(live_server, checkin_url(registration))
    log_in(page, live_server, organiser.email, scanned.removeprefix(live_server.url), totp_secret=ORGANISER_TOTP_SECRET)

    result = page.locator("#checkin-result")
    assert result.get_attribute("data-state") == "checked-in"
    assert page.locator("#checkin-name").inner_text() == "Nour Haddad"
    assert "Checked in" in result.inner_text()
    screenshot("events-04-checked-in")
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert registration.checked_in_by == organiser

    page.goto(scanned)
    result = page.locator("#checkin-result")
    assert result.get_attribute("data-state") == "already"
    at = registration.checked_in_at.astimezone(ZoneInfo("Europe/Brussels")).strftime("%H:%M")
    assert f"Already checked in at {at}" in result.inner_text()
    screenshot("events-05-already-checked-in")


def test_two_members_book_accept_and_both_see_the_meeting_with_its_table(live_server, browser):
    event = oujda(slug="oujda")
    amina = UserFactory(first_name="Amina", last_name="Tazi", email="amina@example.org", preferred_language="en")
    pieter = UserFactory(first_name="Pieter", last_name="Peeters", email="pieter@example.org", preferred_language="en")
    for user, organisation in ((amina, "Atlas Export"), (pieter, "Antwerp Trade")):
        RegistrationFactory(event=event, user=user, organisation_name=organisation)

    contexts = [browser.new_context(viewport={"width": 390, "height": 844}) for _ in range(2)]
    a, b = (context.new_page() for context in contexts)
    try:
        for page, user, note in ((a, amina, "Looking for importers in Belgium."), (b, pieter, "Logistics to Morocco.")):
            page.set_default_timeout(30000)
            log_in(page, live_server, user.email, "/en/events/oujda/b2b/join/")
            page.get_by_label("Your note for this event").fill(note)
            page.get_by_role("button", name="Join the B2B meetings").click()
            page.wait_for_url(re.compile("/en/events/oujda/b2b/$"))
        assert B2BParticipant.objects.filter(event=event, is_active=True).count() == 2

        a.reload()  # Pieter joined after Amina
        a.get_by_role("link", name=re.compile("Request a meeting with Pieter Peeters")).click()
        slot = a.get_by_label(re.compile("Time"))
        first_free = slot.locator("option").nth(1)
        slot.select_option(first_free.get_attribute("value"))
        a.get_by_label("Message").fill("Shall we talk about shipping fruit to Antwerp?")
        a.screenshot(path="var/e2e/events-06-b2b-request.png", full_page=True)
        a.get_by_role("button", name="Send the request").click()
        a.wait_for_url(re.compile("/en/events/oujda/b2b/schedule/"))
        meeting = Meeting.objects.get(event=event)
        assert (meeting.status, meeting.recipient.registration.user) == ("requested", pieter)

        b.goto(live_server.url + "/en/events/oujda/b2b/schedule/")
        request = b.locator(f"#meeting-{meeting.pk}")
        assert "shipping fruit" in request.inner_text()
        request.get_by_role("button", name="Accept").click()
        b.get_by_text("Meeting accepted").wait_for()
        meeting.refresh_from_db()
        assert (meeting.status, meeting.table) == ("accepted", 1)

        for page, other in ((b, "Amina Tazi"), (a, "Pieter Peeters")):
            page.goto(live_server.url + "/en/events/oujda/b2b/schedule/")
            booked = page.locator("#b2b-agenda + ol").locator(f"#meeting-{meeting.pk}")
            assert other in booked.inner_text()
            assert "Table 1" in booked.inner_text()
        a.screenshot(path="var/e2e/events-07-b2b-schedule-amina.png", full_page=True)
        b.screenshot(path="var/e2e/events-08-b2b-schedule-pieter.png", full_page=True)
    finally:
        for context in contexts:
            context.close()
