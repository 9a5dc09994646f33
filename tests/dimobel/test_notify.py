"""dimobel.notify, the one way to email a member: their language, links in that language, the outbox."""

import pytest
from django.core import mail

from dimobel import notify
from dimobel.models import OutboundEmail
from tests.delivery import committed

pytestmark = pytest.mark.django_db


def test_a_member_is_emailed_in_their_language_with_links_that_open_in_it(member, settings):
    member.preferred_language = "nl"
    member.save(update_fields=["preferred_language"])
    with committed():
        with notify.in_language_of(member):
            url = notify.link("network:organisation_detail", "atlas", query="?tab=members", anchor="team")
        notify.email_member(
            recipient=member,
            template="network/organisation_join_accepted",
            context={"organisation_name": "Atlas", "member_name": "Amina", "organisation_url": url},
            about=member,
        )

    assert url == settings.SITE_URL + "/nl/network/organisations/atlas/?tab=members#team"
    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]
    assert "Atlas" in message.subject
    assert "You are now a member" not in message.subject  # the Dutch catalogue, not the English msgid
    assert url in message.body
    row = OutboundEmail.objects.get()
    assert (row.recipient, row.language, row.template) == (member, "nl", "emails/network/organisation_join_accepted")


def test_a_member_without_a_language_and_an_address_get_french(member):
    member.preferred_language = ""
    assert notify.language_of(member) == "fr"
    assert notify.language_of("guest@example.org") == "fr"
