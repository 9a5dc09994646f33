import pytest
from django.urls import reverse

from network.models import HelpType, Profile, Sector
from network.selectors.profiles import completeness
from network.services import ensure_profile
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("taxonomies")]


def profile_url(user):
    return reverse("network:profile_detail", args=[user.pk])


def set_visibility(user, visibility):
    profile = ensure_profile(user=user)
    profile.visibility = visibility
    profile.headline = "Consultante export Casablanca–Anvers"
    profile.bio = "Vingt ans d’import-export."
    profile.save()
    return profile


def test_a_public_profile_shows_limited_fields_to_visitors(client, member):
    set_visibility(member, Profile.Visibility.PUBLIC)

    page = client.get(profile_url(member)).content.decode()

    assert "Amina El Idrissi" in page
    assert "Consultante export" in page
    assert "Vingt ans" not in page  # the bio is for members


def test_a_members_only_profile_answers_404_to_visitors_and_shows_to_members(client, member, other_member):
    set_visibility(member, Profile.Visibility.MEMBERS)
    assert client.get(profile_url(member)).status_code == 404

    client.force_login(other_member)
    page = client.get(profile_url(member)).content.decode()
    assert "Vingt ans" in page


def test_a_hidden_profile_answers_404_to_other_members_but_not_to_its_owner(client, member, other_member):
    set_visibility(member, Profile.Visibility.HIDDEN)

    client.force_login(other_member)
    assert client.get(profile_url(member)).status_code == 404

    client.force_login(member)
    assert client.get(profile_url(member)).status_code == 200


def test_a_deactivated_members_profile_answers_404(client, member, other_member):
    set_visibility(member, Profile.Visibility.PUBLIC)
    member.is_active = False
    member.save()
    client.force_login(other_member)
    assert client.get(profile_url(member)).status_code == 404


def test_profile_text_is_escaped(client, member):
    profile = set_visibility(member, Profile.Visibility.PUBLIC)
    profile.headline = '<script>alert("x")</script>'
    profile.save()
    page = client.get(profile_url(member)).content.decode()
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;" in page


def test_a_member_fills_their_profile_and_the_meter_moves(client, member):
    client.force_login(member)
    mentoring = HelpType.objects.get(slug="mentoring")
    financing = HelpType.objects.get(slug="financing")
    agrifood = Sector.objects.get(slug="agrifood")

    response = client.post(
        reverse("network:profile_edit"),
        {
            "headline": "Fondatrice d’une coopérative d’argan",
            "bio": "",
            "country": "MA",
            "city": "Agadir",
            "languages": ["fr", "ar"],
            "sectors": [agrifood.pk],
            "expertise": "argan, export, certification bio",
            "offers": [mentoring.pk],
            "needs": [financing.pk],
            "website": "",
            "linkedin": "",
            "visibility": "public",
            "messaging": "members",
        },
    )

    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert profile.city == "Agadir"
    assert profile.expertise == ["argan", "export", "certification bio"]
    assert list(profile.needs.all()) == [financing]
    meter = completeness(profile)
    assert meter.percent == 88
    assert meter.next_step == "Écrivez quelques lignes à votre sujet."


def test_invalid_profile_input_is_explained_and_kept(client, member):
    client.force_login(member)
    response = client.post(
        reverse("network:profile_edit"),
        {"headline": "Ingénieur", "website": "pas une url", "visibility": "public", "messaging": "members"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Saisissez une URL valide." in page
    assert 'value="Ingénieur"' in page


def test_a_new_member_is_guided_to_the_first_step(client, member):
    client.force_login(member)
    page = client.get(reverse("dashboard")).content.decode()
    assert "0%" in page
    assert "Ajoutez un titre" in page


def test_the_profile_page_needs_a_login_to_edit(client):
    response = client.get(reverse("network:profile_edit"))
    assert response.status_code == 302


def test_signup_creates_the_profile(client):
    client.post(
        "/fr/accounts/signup/",
        {
            "first_name": "Rachid",
            "last_name": "Ouazzani",
            "email": "rachid@example.org",
            "password1": "un-mot-de-passe-solide-42",
            "password2": "un-mot-de-passe-solide-42",
            "accept_terms": "on",
        },
    )
    assert Profile.objects.filter(user__email="rachid@example.org").exists()


def test_taxonomy_terms_are_named_in_the_current_language():
    from django.utils import translation

    term = HelpType.objects.get(slug="market-access")
    with translation.override("nl"):
        assert term.name == "Markttoegang"
    with translation.override("ar"):
        assert term.name == "الولوج إلى السوق"


def test_visible_to_never_lists_hidden_profiles():
    viewer = UserFactory()
    shown = set_visibility(UserFactory(), Profile.Visibility.MEMBERS)
    set_visibility(UserFactory(), Profile.Visibility.HIDDEN)
    assert list(Profile.objects.visible_to(viewer).exclude(user=viewer)) == [shown]


def test_the_profile_lists_the_members_organisations_with_their_role(client, member):
    from tests.factories import MembershipFactory, OrganisationFactory

    set_visibility(member, Profile.Visibility.PUBLIC)
    MembershipFactory(member=member, organisation=OrganisationFactory(name="Atlas Export Conseil"), role="Gérante")
    MembershipFactory(member=member, organisation=OrganisationFactory(name="Fantôme", is_published=False))
    MembershipFactory(member=member, organisation=OrganisationFactory(name="En attente"), status="pending")

    page = client.get(profile_url(member)).content.decode()

    assert "Atlas Export Conseil" in page
    assert "Gérante" in page
    assert "Fantôme" not in page
    assert "En attente" not in page


def test_the_visibility_rule_lists_and_shows_each_profile_to_the_right_viewers():
    """Profile.objects is the one home of who sees whom; the other apps (B2B, consortium) use these methods."""
    from django.contrib.auth.models import AnonymousUser

    public = set_visibility(UserFactory(), Profile.Visibility.PUBLIC)
    members_only = set_visibility(UserFactory(), Profile.Visibility.MEMBERS)
    hidden = set_visibility(UserFactory(), Profile.Visibility.HIDDEN)
    deactivated = set_visibility(UserFactory(is_active=False), Profile.Visibility.PUBLIC)
    mute = set_visibility(UserFactory(), Profile.Visibility.MEMBERS)
    mute.messaging = Profile.Messaging.NOBODY
    mute.save()
    viewer, visitor = hidden.user, AnonymousUser()

    assert set(Profile.objects.listed_to(visitor)) == set(Profile.objects.visible_to(visitor)) == {public}
    assert set(Profile.objects.listed_to(viewer)) == {public, members_only, mute}
    assert set(Profile.objects.listed_to_members()) == {public, members_only, mute}
    assert set(Profile.objects.visible_to(viewer)) == {public, members_only, mute, hidden}  # and always my own
    assert set(Profile.objects.accepting_messages()) == {public, members_only}
    for profile in Profile.objects.select_related("user"):
        assert profile.is_listed_to_members == Profile.objects.listed_to_members().filter(pk=profile.pk).exists()
        if profile.user.is_active:
            assert profile.accepts_messages == Profile.objects.accepting_messages().filter(pk=profile.pk).exists()
    assert not deactivated.is_listed_to_members
