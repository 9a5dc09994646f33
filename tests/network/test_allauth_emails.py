"""allauth's emails name the site and link to it: every newcomer's first email reads "DIMOBEL", not a blank."""

import re

import pytest
from django.core import mail

from tests.delivery import committed
from tests.network.test_accounts import SIGNUP

pytestmark = pytest.mark.django_db


def links(body):
    return re.findall(r"https?://\S+", body)


def assert_names_the_site_and_links_to_it(message, settings, path_part):
    assert "DIMOBEL" in message.body
    assert "  !" not in message.body  # no blank site name
    assert " . " not in message.body
    site_links = [link for link in links(message.body) if link.startswith(settings.SITE_URL + "/")]
    assert any(path_part in link for link in site_links), links(message.body)
    assert not [link for link in links(message.body) if "testserver" in link]


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = "https://dimobel.example.org"


def test_the_verification_email(client, settings):
    with committed():
        client.post("/en/accounts/signup/", SIGNUP)
    assert_names_the_site_and_links_to_it(mail.outbox[-1], settings, "/accounts/confirm-email/")
    assert "dimobel.example.org" in mail.outbox[-1].body


def test_the_password_reset_email(client, settings, member):
    with committed():
        client.post("/en/accounts/password/reset/", {"email": member.email})
    assert_names_the_site_and_links_to_it(mail.outbox[-1], settings, "/accounts/password/reset/key/")


def test_the_unknown_account_email(client, settings):
    with committed():
        client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    message = mail.outbox[-1]
    assert message.to == ["nobody@example.org"]
    assert_names_the_site_and_links_to_it(message, settings, "/accounts/")


def test_the_email_change_verification(client, settings, member):
    client.force_login(member)
    with committed():
        client.post("/en/accounts/email/", {"action_add": "", "email": "amina.pro@example.org"})
    message = mail.outbox[-1]
    assert message.to == ["amina.pro@example.org"]
    assert_names_the_site_and_links_to_it(message, settings, "/accounts/confirm-email/")
