"""The site's own error pages: in the visitor's language (right to left in Arabic), with the site's look and a way
back, and the admin telling an organiser why it refuses them."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_missing_page_answers_404_in_the_visitors_language(client):
    response = client.get("/ar/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in page
    assert "هذه الصفحة غير موجودة" in page  # "This page does not exist"
    assert 'href="/ar/"' in page  # the way back, in the same language
    assert "bootstrap.rtl.min.css" in page

    french = client.get("/fr/events/no-such-event/").content.decode()
    assert "Cette page n’existe pas" in french or "Cette page n'existe pas" in french


def test_an_organiser_refused_by_the_admin_is_told_why_and_where_to_go(client, organiser):
    client.force_login(organiser)
    response = client.get("/nl/admin/", follow=True)
    page = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="nl"' in page
    assert "/nl/my-space/" in page
    assert "Forbidden" not in page


def test_a_csrf_failure_has_its_own_translated_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/fr/contact/", {"name": "X"})
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="fr"' in page
    assert "Erreur 403" in page
    assert "CSRF" not in page


def test_a_bad_host_gets_the_400_page(client, settings):
    settings.ALLOWED_HOSTS = ["dimobel.example.org"]
    response = client.get("/en/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert "Error 400" in response.content.decode()


def test_the_500_page_renders_without_a_request_context():
    from django.test import RequestFactory
    from django.utils import translation

    from dimobel.error_pages import server_error

    with translation.override("en"):
        response = server_error(RequestFactory().get("/en/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
