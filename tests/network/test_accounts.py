import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from network.models import User
from tests.delivery import committed
from tests.factories import PASSWORD, UserFactory

SIGNUP = {
    "first_name": "Yasmine",
    "last_name": "Ait Ouali",
    "email": "yasmine@example.org",
    "password1": "un-mot-de-passe-solide-42",
    "password2": "un-mot-de-passe-solide-42",
    "accept_terms": "on",
}


@pytest.mark.django_db
def test_signup_requires_consent_and_keeps_what_was_typed(client):
    response = client.post("/fr/accounts/signup/", {**SIGNUP, "accept_terms": ""})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Vous devez accepter les conditions" in page
    assert 'value="Yasmine"' in page
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_records_consent_and_language_and_sends_a_verification_email(client):
    with committed():
        response = client.post("/nl/accounts/signup/", SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="yasmine@example.org")
    assert (user.first_name, user.last_name) == ("Yasmine", "Ait Ouali")
    assert user.terms_version == settings.TERMS_VERSION
    assert user.privacy_version == settings.PRIVACY_VERSION
    assert user.consented_at is not None
    assert user.preferred_language == "nl"
    assert user.check_password(SIGNUP["password1"])
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["yasmine@example.org"]
    assert "/nl/accounts/confirm-email/" in mail.outbox[0].body


@pytest.mark.django_db
def test_an_unverified_member_cannot_log_in_until_they_follow_the_link(client):
    with committed():
        client.post("/fr/accounts/signup/", SIGNUP)
    link = re.search(r"http://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    mail.outbox.clear()

    response = client.post("/fr/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]  # sent to "verify your email", not logged in
    assert "_auth_user_id" not in client.session

    path = link.split("://", 1)[1].split("/", 1)[1]
    client.post("/" + path)
    assert EmailAddress.objects.get(email=SIGNUP["email"]).verified

    response = client.post("/fr/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 302
    assert response["Location"] == "/fr/my-space/"


@pytest.mark.django_db
def test_login_sends_the_member_to_their_preferred_language(client):
    UserFactory(email="hind@example.org", preferred_language="ar")
    response = client.post("/fr/accounts/login/", {"login": "hind@example.org", "password": PASSWORD})
    assert response["Location"] == "/ar/my-space/"


def test_switching_language_is_remembered_for_the_member(client, member):
    client.force_login(member)
    response = client.post(reverse("switch_language"), {"language": "ar", "next": "/fr/my-space/"})

    assert response.status_code == 302
    assert response["Location"] == "/ar/my-space/"
    member.refresh_from_db()
    assert member.preferred_language == "ar"


@pytest.mark.django_db
def test_switching_language_refuses_an_outside_redirect(client):
    response = client.post(reverse("switch_language"), {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/en/"


def test_the_account_page_updates_name_and_language(client, member):
    client.force_login(member)
    response = client.post("/fr/account/", {"first_name": "Amina", "last_name": "Idrissi", "preferred_language": "en"})
    assert response["Location"] == "/en/account/"
    member.refresh_from_db()
    assert (member.last_name, member.preferred_language) == ("Idrissi", "en")


def test_the_account_page_reports_errors_and_keeps_input(client, member):
    client.force_login(member)
    response = client.post("/en/account/", {"first_name": "", "last_name": "Idrissi", "preferred_language": "en"})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert 'value="Idrissi"' in response.content.decode()


@pytest.mark.django_db
def test_the_account_page_needs_a_login(client):
    assert client.get("/fr/account/").status_code == 302


@pytest.mark.django_db
def test_admin_login_goes_through_allauth(client):
    response = client.get("/fr/admin/login/?next=/fr/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")


@pytest.mark.django_db
def test_staff_without_two_factor_are_sent_to_set_it_up(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/fr/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp") + "?next=%2Ffr%2Fadmin%2F"


@pytest.mark.django_db
def test_staff_with_two_factor_reach_the_admin(client):
    staff = UserFactory(is_staff=True)
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(staff)
    assert client.get("/fr/admin/").status_code == 200


def test_a_member_who_is_not_staff_cannot_open_the_admin(client, member):
    client.force_login(member)
    response = client.get("/fr/admin/", follow=True)
    assert response.status_code == 403


@pytest.mark.django_db
def test_the_four_groups_exist_with_permissions():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Organisers", "Jury", "Mentors", "Instructors"} <= names
    organisers = Group.objects.get(name="Organisers")
    assert organisers.permissions.filter(codename="view_user").exists()


@pytest.mark.django_db
def test_emails_are_unique_whatever_their_case():
    from django.db import IntegrityError

    UserFactory(email="sara@example.org")
    with pytest.raises(IntegrityError):
        User.objects.create(email="SARA@example.org", first_name="S", last_name="B")


def test_password_reset_sends_a_link_in_the_members_language(client, member):
    member.preferred_language = "nl"
    member.save(update_fields=["preferred_language"])

    with committed():
        response = client.post("/fr/accounts/password/reset/", {"email": "amina@example.org"})

    assert response.status_code == 302
    assert mail.outbox[0].to == ["amina@example.org"]
    assert "wachtwoord" in mail.outbox[0].body.lower()
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_a_member_can_add_an_email_address_which_must_be_verified(client, member):
    client.force_login(member)

    with committed():
        response = client.post("/fr/accounts/email/", {"action_add": "", "email": "amina.pro@example.org"})

    assert response.status_code == 302
    assert EmailAddress.objects.filter(user=member, email="amina.pro@example.org", verified=False).exists()
    assert mail.outbox[-1].to == ["amina.pro@example.org"]


def test_two_factor_setup_is_available_to_every_member(client, member):
    client.force_login(member)
    response = client.get("/fr/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/fr/accounts/reauthenticate/")  # confirm the password first
    client.post(response["Location"], {"password": PASSWORD})

    response = client.get("/fr/accounts/2fa/totp/activate/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="code"' in page
    assert "<svg" in page or "data:image/svg+xml" in page  # the QR code to scan
