import pytest

from network.models import Block, HelpType, Profile, Sector
from network.selectors.matchmaking import reasons_to_connect, suggested_contacts
from network.services import messaging
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("taxonomies")]


def make_profile(user=None, *, country="BE", offers=(), needs=(), sectors=(), visibility="members"):
    user = user or UserFactory()
    profile = Profile.objects.create(user=user, country=country, visibility=visibility)
    profile.offers.set(HelpType.objects.filter(slug__in=offers))
    profile.needs.set(HelpType.objects.filter(slug__in=needs))
    profile.sectors.set(Sector.objects.filter(slug__in=sectors))
    return profile


@pytest.fixture
def founder(member):
    # Amina, in Belgium, looks for financing and mentoring, offers market access, works in agri-food.
    return make_profile(member, offers=["market-access"], needs=["financing", "mentoring"], sectors=["agrifood"])


def names(suggestions):
    return [s.profile.user.email for s in suggestions]


def test_members_whose_offers_meet_my_needs_are_suggested_with_the_reason(founder):
    investor = make_profile(UserFactory(email="investor@example.org"), offers=["financing"])
    make_profile(UserFactory(email="unrelated@example.org"), offers=["recruitment"])

    suggestions = suggested_contacts(founder.user)

    assert names(suggestions) == ["investor@example.org"]
    assert suggestions[0].reasons == ["Propose financement, que vous recherchez"]
    assert investor.pk == suggestions[0].profile.pk


def test_the_reverse_direction_counts_too(founder):
    make_profile(UserFactory(email="exporter@example.org"), needs=["market-access"])
    assert names(suggested_contacts(founder.user)) == ["exporter@example.org"]


def test_shared_sectors_and_the_corridor_rank_higher(founder):
    make_profile(UserFactory(email="plain@example.org"), country="FR", offers=["mentoring"])
    make_profile(UserFactory(email="sector@example.org"), country="FR", offers=["mentoring"], sectors=["agrifood"])
    make_profile(UserFactory(email="corridor@example.org"), country="MA", offers=["mentoring"], sectors=["agrifood"])

    suggestions = suggested_contacts(founder.user)

    assert names(suggestions) == ["corridor@example.org", "sector@example.org", "plain@example.org"]
    assert any("Maroc" in reason for reason in suggestions[0].reasons)


def test_hidden_blocked_and_already_contacted_members_are_left_out(founder):
    make_profile(UserFactory(email="hidden@example.org"), offers=["financing"], visibility="hidden")
    blocker = make_profile(UserFactory(email="blocker@example.org"), offers=["financing"]).user
    Block.objects.create(blocker=blocker, blocked=founder.user)
    contacted = make_profile(UserFactory(email="contacted@example.org"), offers=["financing"]).user
    messaging.send_direct_message(sender=founder.user, recipient=contacted, body="Bonjour")
    make_profile(UserFactory(email="inactive@example.org", is_active=False), offers=["financing"])
    kept = make_profile(UserFactory(email="kept@example.org"), offers=["financing"]).user

    assert names(suggested_contacts(founder.user)) == [kept.email]


def test_without_offers_or_needs_there_is_nothing_to_suggest(member):
    make_profile(member)
    make_profile(offers=["financing"])
    assert suggested_contacts(member) == []


def test_a_profile_page_says_why_to_connect(client, founder):
    investor = make_profile(UserFactory(), country="MA", offers=["financing"], sectors=["agrifood"])
    client.force_login(founder.user)

    page = client.get(f"/en/network/members/{investor.user_id}/").content.decode()

    assert "Why connect" in page
    assert "Offers financing, which you are looking for" in page
    assert reasons_to_connect(founder.user, founder) == []


def test_the_dashboard_lists_suggestions(client, founder):
    make_profile(UserFactory(first_name="Karima", last_name="Alaoui"), offers=["mentoring"])
    client.force_login(founder.user)
    page = client.get("/en/my-space/").content.decode()
    assert "Suggested contacts" in page
    assert "Karima Alaoui" in page


def test_a_block_or_a_hidden_profile_counts_at_once_even_with_the_ranking_cached(founder):
    first = make_profile(UserFactory(email="first@example.org"), offers=["financing"]).user
    second = make_profile(UserFactory(email="second@example.org"), offers=["mentoring"]).user
    assert set(names(suggested_contacts(founder.user))) == {first.email, second.email}  # ranking now cached

    Block.objects.create(blocker=first, blocked=founder.user)
    Profile.objects.filter(user=second).update(visibility="hidden")

    assert suggested_contacts(founder.user) == []
