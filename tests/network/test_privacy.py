import json

import pytest
from django.urls import reverse

from network.models import Membership, Message, Profile, User
from network.services import messaging
from tests.factories import PASSWORD, MembershipFactory, OpportunityFactory

pytestmark = pytest.mark.django_db


def test_download_my_data_gives_profile_organisations_messages_and_opportunities(client, member, other_member):
    Profile.objects.create(user=member, headline="Consultante export", city="Bruxelles")
    MembershipFactory(member=member, role="Présidente")
    messaging.send_direct_message(sender=member, recipient=other_member, body="Bonjour Pieter")
    messaging.send_direct_message(sender=other_member, recipient=member, body="Bonjour Amina")
    OpportunityFactory(posted_by=member, title="Partenaire logistique")
    client.force_login(member)

    response = client.post(reverse("network:download_my_data"))

    assert response["Content-Disposition"] == 'attachment; filename="dimobel-my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "amina@example.org"
    assert data["profile"]["headline"] == "Consultante export"
    assert data["organisations"][0]["role"] == "Présidente"
    assert [m["body"] for m in data["messages"]] == ["Bonjour Pieter", "Bonjour Amina"]
    assert data["opportunities"][0]["title"] == "Partenaire logistique"


def test_the_export_holds_nobody_elses_conversations(client, member, other_member):
    third = User.objects.create_user(email="third@example.org", first_name="T", last_name="T")
    messaging.send_direct_message(sender=other_member, recipient=third, body="Privé")
    client.force_login(member)
    data = json.loads(client.post(reverse("network:download_my_data")).content)
    assert data["messages"] == []


def test_deleting_my_account_keeps_my_messages_as_former_member(client, member, other_member):
    Profile.objects.create(user=member)
    MembershipFactory(member=member)
    message = messaging.send_direct_message(sender=member, recipient=other_member, body="Au revoir")
    client.force_login(member)

    response = client.post(reverse("network:delete_my_account"), {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(email="amina@example.org").exists()
    assert not Membership.objects.filter(member_id=member.pk).exists()
    message = Message.objects.get(pk=message.pk)
    assert message.sender is None
    assert message.body == "Au revoir"
    assert "_auth_user_id" not in client.session


def test_deleting_needs_the_right_password_and_loses_nothing(client, member):
    client.force_login(member)
    response = client.post("/en/network/me/delete/", {"password": "wrong"})
    assert response.status_code == 200
    assert "This is not your password." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


def test_privacy_pages_need_a_login(client):
    assert client.get(reverse("network:download_my_data")).status_code == 302
    assert client.get(reverse("network:delete_my_account")).status_code == 302


def test_the_admin_directory_export_leaves_hidden_profiles_out(admin_client_with_mfa):
    from tests.factories import ProfileFactory

    ProfileFactory(user__first_name="Visible", visibility="members")
    ProfileFactory(user__first_name="Cachée", visibility="hidden")

    response = admin_client_with_mfa.post(
        "/fr/admin/network/profile/",
        {"action": "_listed_members_csv", "_selected_action": list(Profile.objects.values_list("pk", flat=True))},
    )

    body = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Visible" in body
    assert "Cachée" not in body
