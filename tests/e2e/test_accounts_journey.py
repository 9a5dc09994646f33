"""A visitor signs up, verifies their email, logs in, switches to Arabic and logs out, in a real browser."""

import re

import pytest
from django.core import mail

from network.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visitor_joins_verifies_logs_in_switches_to_arabic_and_logs_out(live_server, page, screenshot):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "fr"
    screenshot("01-home-fr")

    page.get_by_role("link", name="Rejoindre le réseau").click()
    page.wait_for_url(re.compile("/fr/accounts/signup/"))
    page.get_by_label("Prénom").fill("Salma")
    page.get_by_label("Nom*", exact=True).fill("Bennani")
    page.get_by_label("E-mail*", exact=True).fill("salma@example.org")
    page.get_by_label("Mot de passe*", exact=True).fill("oujda-bruxelles-2026")
    page.get_by_label("Mot de passe (confirmation)").fill("oujda-bruxelles-2026")
    page.get_by_label(re.compile("J’accepte")).check()
    screenshot("02-signup-filled")
    page.locator("#main form").get_by_role("button").click()
    page.wait_for_url(re.compile("/confirm-email/"))
    screenshot("03-verification-sent")

    assert User.objects.filter(email="salma@example.org").exists()
    link = re.search(r"http://\S+/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + "/" + link.split("://", 1)[1].split("/", 1)[1])
    page.get_by_role("button", name="Confirmer").click()
    screenshot("04-email-confirmed")

    page.goto(live_server.url + "/fr/accounts/login/")
    page.get_by_label("E-mail*", exact=True).fill("salma@example.org")
    page.get_by_label("Mot de passe").fill("oujda-bruxelles-2026")
    page.locator("#main form").get_by_role("button", name="Connexion").click()
    page.wait_for_url(re.compile("/fr/my-space/"))
    assert "Salma" in page.locator("h1").inner_text()
    screenshot("05-my-space-fr")

    # Each click waits for Bootstrap to finish opening what the previous one opened (a busy machine is slow).
    page.get_by_role("button", name=re.compile("menu", re.I)).click()
    page.locator("#main-nav.show").wait_for()
    page.locator("#language-menu").click()
    page.locator("#language-menu[aria-expanded=true]").wait_for()
    page.locator("#main-nav").get_by_role("button", name="العربيّة").click()
    page.wait_for_url(re.compile("/ar/my-space/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert User.objects.get(email="salma@example.org").preferred_language == "ar"
    screenshot("06-my-space-ar-rtl")

    page.get_by_role("button", name=re.compile("القائمة")).click()
    page.locator("#main-nav.show").wait_for()
    page.locator("#account-menu").click()
    page.locator("#account-menu[aria-expanded=true]").wait_for()
    page.get_by_role("button", name="تسجيل الخروج").click()
    page.wait_for_url(re.compile("/ar/$"))
    page.get_by_role("button", name=re.compile("القائمة")).click()
    assert page.locator("#main-nav").get_by_role("link", name="تسجيل الدخول").is_visible()
    assert page.locator("#account-menu").count() == 0
    screenshot("07-logged-out-ar")
