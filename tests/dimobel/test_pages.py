import pytest
from django.conf import settings
from django.core import mail

from tests.delivery import committed

pytestmark = pytest.mark.django_db


def test_the_root_redirects_to_the_french_home_page(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_the_french_home_page_presents_the_five_activities(client):
    page = client.get("/fr/").content.decode()
    assert '<html lang="fr" dir="ltr">' in page
    for title in ["Réseau", "Université d’automne", "Colloque de Bruxelles", "Rencontre d’Oujda", "consortium"]:
        assert title in page


@pytest.mark.parametrize(("language", "direction", "stylesheet"), [
    ("fr", "ltr", "bootstrap.min.css"),
    ("en", "ltr", "bootstrap.min.css"),
    ("nl", "ltr", "bootstrap.min.css"),
    ("ar", "rtl", "bootstrap.rtl.min.css"),
])  # fmt: skip
def test_each_language_has_its_direction_and_stylesheet(client, language, direction, stylesheet):
    page = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert stylesheet in page


def test_the_top_bar_reaches_the_activities_the_languages_and_the_account(client):
    page = client.get("/en/").content.decode()
    for label in ["Network", "Autumn school", "Events", "Consortium", "Log in", "Join", "العربيّة", "Nederlands"]:
        assert label in page
    assert 'class="skip-link" href="#main"' in page


@pytest.mark.parametrize("path", ["about", "privacy", "terms"])
@pytest.mark.parametrize("language", ["fr", "en", "nl", "ar"])
def test_content_pages_exist_in_every_language(client, path, language):
    response = client.get(f"/{language}/{path}/")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


def test_the_legal_pages_show_the_version_members_accept(client):
    assert settings.TERMS_VERSION in client.get("/fr/terms/").content.decode()
    assert settings.PRIVACY_VERSION in client.get("/fr/privacy/").content.decode()


def test_pages_send_a_strict_content_security_policy(client):
    policy = client.get("/fr/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_no_page_has_an_inline_script_or_style(client):
    import re

    for path in ["/fr/", "/ar/accounts/login/", "/fr/accounts/signup/", "/fr/contact/", "/fr/about/"]:
        page = client.get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), path
        assert "<style" not in page, path
        assert " style=" not in page, path


def test_the_contact_form_forwards_the_message_to_the_team(client, settings):
    settings.CONTACT_EMAIL = "team@example.org"
    data = {"name": "Youssef", "email": "youssef@example.org", "subject": "Partenariat", "message": "Bonjour"}

    with committed():
        response = client.post("/fr/contact/", data, follow=True)

    assert "Merci" in response.content.decode()
    assert mail.outbox[0].to == ["team@example.org"]
    assert mail.outbox[0].reply_to == ["youssef@example.org"]


def test_the_contact_form_explains_errors_and_keeps_the_message(client):
    response = client.post("/fr/contact/", {"name": "Youssef", "email": "pas-une-adresse", "message": "Bonjour"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Saisissez une adresse de courriel valide." in page
    assert "Bonjour" in page
    assert not mail.outbox


def test_the_contact_form_is_rate_limited(client):
    data = {"name": "Bot", "email": "bot@example.org", "subject": "Spam", "message": "Spam"}
    with committed():
        for _ in range(5):
            client.post("/fr/contact/", data)
        response = client.post("/fr/contact/", data, follow=True)
    assert "Trop de messages" in response.content.decode()
    assert len(mail.outbox) == 5


def test_the_dashboard_shows_each_registered_section(client, member):
    client.force_login(member)
    page = client.get("/fr/my-space/").content.decode()
    assert "Amina" in page
    assert 'id="dash-account"' in page
    assert 'id="dash-calendar"' in page


def test_the_dashboard_needs_a_login(client):
    response = client.get("/fr/my-space/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")
