"""Member A finds member B with a filter and a search, and writes to B; B sees the unread badge, reads and
answers; A sees the answer appear without reloading. Two real browsers, one per member."""

import re

import pytest

from network.models import HelpType, Profile
from network.services.search import refresh_profile_search
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, base_url, email):
    page.goto(base_url + "/en/accounts/login/")
    page.get_by_label("Email*", exact=True).fill(email)
    page.get_by_label("Password*", exact=True).fill(PASSWORD)
    page.locator("#main form").get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile("/en/my-space/"))


def test_a_member_finds_another_writes_and_gets_an_answer_live(live_server, browser, taxonomies):
    anas = UserFactory(first_name="Anas", last_name="Berrada", email="anas@example.org", preferred_language="en")
    lotte = UserFactory(first_name="Lotte", last_name="Peeters", email="lotte@example.org", preferred_language="en")
    Profile.objects.create(user=anas, country="MA", city="Oujda", headline="Founder of an agritech start-up")
    profile = Profile.objects.create(user=lotte, country="BE", city="Ghent", headline="Start-up coach in Ghent")
    profile.offers.set([HelpType.objects.get(slug="mentoring")])
    UserFactory(first_name="Lotte", last_name="Janssens", preferred_language="en")  # a namesake the filter excludes
    refresh_profile_search()

    a_context = browser.new_context(viewport={"width": 390, "height": 844})
    b_context = browser.new_context(viewport={"width": 1280, "height": 900})
    a, b = a_context.new_page(), b_context.new_page()
    for page in (a, b):
        page.set_default_timeout(30000)
    try:
        log_in(a, live_server.url, "anas@example.org")
        a.goto(live_server.url + "/en/network/?offers=" + str(HelpType.objects.get(slug="mentoring").pk))
        a.locator("input[name=q]").fill("Lotte")
        a.keyboard.press("Enter")
        results = a.locator("#directory-results")
        results.get_by_role("link", name="Lotte Peeters").wait_for()
        assert results.get_by_role("link", name="Lotte Janssens").count() == 0
        a.screenshot(path="var/e2e/net-01-directory-filtered.png", full_page=True)

        results.get_by_role("link", name="Lotte Peeters").click()
        a.get_by_role("link", name="Send a message").click()
        a.locator("#main form textarea").fill("Hello Lotte, could you mentor our agritech team?")
        a.locator("#main form").get_by_role("button", name=re.compile("Send")).click()
        a.wait_for_url(re.compile(r"/en/network/messages/\d+/"))
        a.get_by_text("could you mentor our agritech team?").wait_for()
        a.screenshot(path="var/e2e/net-02-a-sent.png", full_page=True)

        log_in(b, live_server.url, "lotte@example.org")
        badge = b.locator("#unread-badge")
        assert badge.inner_text().startswith("1")
        b.screenshot(path="var/e2e/net-03-b-badge.png")
        b.goto(live_server.url + "/en/network/messages/")
        b.get_by_role("link", name=re.compile("Anas Berrada")).first.click()
        b.get_by_text("could you mentor our agritech team?").wait_for()
        b.locator("#reply-form textarea").fill("With pleasure! Shall we meet at the Oujda meeting?")
        b.locator("#reply-form").get_by_role("button", name="Send").click()
        b.get_by_text("Shall we meet at the Oujda meeting?").wait_for()
        b.screenshot(path="var/e2e/net-04-b-answered.png", full_page=True)

        # A never reloads: the thread polls and shows the answer.
        a.get_by_text("Shall we meet at the Oujda meeting?").wait_for(timeout=20000)
        a.screenshot(path="var/e2e/net-05-a-sees-answer.png", full_page=True)
    finally:
        a_context.close()
        b_context.close()
