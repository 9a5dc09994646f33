"""The consortium's public pages: the home page, the members and their services, the calls for projects."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from consortium.models import AssistanceService
from tests.consortium.helpers import call_in, en, page
from tests.factories import (
    CallFactory,
    ConsortiumMemberFactory,
    CriterionFactory,
    OrganisationFactory,
    ProfileFactory,
    ProjectFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def service(slug):
    return AssistanceService.objects.get(slug=slug)


def consortium_member(name, *services, **kwargs):
    member = ConsortiumMemberFactory(organisation=OrganisationFactory(name=name), **kwargs)
    member.services.set([service(slug) for slug in services])
    return member


def days(n):
    return timezone.now() + timedelta(days=n)


# --- Home -------------------------------------------------------------------------------------------------


def test_the_home_page_presents_the_consortium_its_open_calls_and_its_members(client):
    CallFactory(title="Appel ouvert 2025")
    call_in("decision", title="Appel clos 2023")
    consortium_member("Incubateur de l'Oriental", "incubation")

    response = client.get(en("home"))

    text = page(response)
    assert response.status_code == 200
    assert "The Belgian–Moroccan consortium for entrepreneurial projects" in text
    assert "Appel ouvert 2025" in text
    assert "Appel clos 2023" not in text
    assert "Incubateur de l&#x27;Oriental" in text
    assert "Incubation and hosting" in text
    assert en("impact") in text
    assert en("members") in text


# --- Members ----------------------------------------------------------------------------------------------


def test_the_member_list_shows_active_members_with_their_organisation_and_services(client):
    consortium_member("Wallonie Export", "export", "financing", description="Nous ouvrons les **marchés belges**.")
    consortium_member("Ancien membre", "export", is_active=False)
    hidden = consortium_member("Organisation non publiée", "export")
    hidden.organisation.is_published = False
    hidden.organisation.save()

    response = client.get(en("members"))

    text = page(response)
    assert "Wallonie Export" in text
    assert "Export and market access" in text
    assert "Access to finance" in text
    assert "<strong>marchés belges</strong>" in text
    assert "Casablanca" in text
    assert "Belgium, Morocco" in text
    with translation.override("en"):
        assert reverse("network:organisation_detail", args=[response.context["page_obj"][0].organisation.slug]) in text
    assert "Ancien membre" not in text
    assert "Organisation non publiée" not in text


def test_experts_are_named_only_when_their_directory_profile_is_visible_to_the_viewer(client, member):
    public = ProfileFactory(user=UserFactory(first_name="Yasmina", last_name="Public"), visibility="public").user
    members_only = ProfileFactory(user=UserFactory(first_name="Karim", last_name="Membres"), visibility="members").user
    hidden = ProfileFactory(user=UserFactory(first_name="Hidden", last_name="Expert"), visibility="hidden").user
    without_profile = UserFactory(first_name="Sans", last_name="Profil")
    consortium = consortium_member("Wallonie Export", "export")
    consortium.experts.set([public, members_only, hidden, without_profile])

    anonymous_page = page(client.get(en("members")))
    client.force_login(member)
    member_page = page(client.get(en("members")))

    with translation.override("en"):
        public_link = reverse("network:profile_detail", args=[public.pk])
        members_link = reverse("network:profile_detail", args=[members_only.pk])
    assert public_link in anonymous_page
    assert "Karim Membres" not in anonymous_page
    assert "Karim Membres" in member_page
    assert members_link in member_page
    for text in (anonymous_page, member_page):
        assert "Hidden Expert" not in text
        assert "Sans Profil" not in text


def test_the_member_list_filters_by_service_and_country_in_the_query_string(client):
    consortium_member("Wallonie Export", "export")
    consortium_member("Juristes du Détroit", "legal-tax")
    belgian = consortium_member("Bruxelles Finance", "financing")
    belgian.organisation.countries = ["NL"]
    belgian.organisation.save()

    by_service = page(client.get(en("members"), {"service": "legal-tax"}))
    by_country = page(client.get(en("members"), {"country": "NL"}))
    unknown = client.get(en("members"), {"service": "nope"})

    assert "Juristes du Détroit" in by_service
    assert "Wallonie Export" not in by_service
    assert "Bruxelles Finance" in by_country
    assert "Juristes du Détroit" not in by_country
    assert unknown.status_code == 200


@pytest.mark.parametrize("n", [1, 5])
def test_the_member_list_runs_the_same_queries_whatever_the_number(client, member, n, django_assert_num_queries):
    for index in range(n):
        consortium = consortium_member(f"Membre {index}", "export", "financing")
        consortium.experts.set([ProfileFactory(visibility="public").user, ProfileFactory(visibility="members").user])
    client.force_login(member)

    with django_assert_num_queries(10):
        response = client.get(en("members"))

    assert len(response.context["page_obj"]) == n


# --- Calls ------------------------------------------------------------------------------------------------


def test_the_call_list_shows_open_calls_first_then_upcoming_then_past(client):
    CallFactory(title="Ouvert, ferme tard", closes_at=days(30))
    CallFactory(title="Ouvert, ferme bientôt", closes_at=days(3))
    call_in("upcoming", title="Bientôt")
    call_in("decision", title="Ancien")
    call_in(
        "decision",
        title="Plus ancien",
        opens_at=days(-400),
        closes_at=days(-370),
        review_opens_at=days(-360),
        review_closes_at=days(-350),
    )
    CallFactory(title="Brouillon d'appel", is_published=False)

    response = client.get(en("calls"))

    context = response.context
    assert [call.title for call in context["open_calls"]] == ["Ouvert, ferme bientôt", "Ouvert, ferme tard"]
    assert [call.title for call in context["upcoming_calls"]] == ["Bientôt"]
    assert [call.title for call in context["past_calls"]] == ["Ancien", "Plus ancien"]
    text = page(response)
    assert "Brouillon" not in text
    assert "Open for applications" in text
    assert "Opens soon" in text
    assert "30 places" in text


@pytest.mark.parametrize("n", [1, 5])
def test_the_call_list_runs_the_same_queries_whatever_the_number(client, n, django_assert_num_queries):
    for _ in range(n):
        CallFactory()
        call_in(
            "decision",
        )

    with django_assert_num_queries(1):
        response = client.get(en("calls"))

    assert len(response.context["open_calls"]) == n


def test_a_call_page_shows_its_rules_dates_in_both_zones_languages_and_grid(client):
    call = CallFactory(
        title="Maghrib Belgium Impulse",
        eligibility="- Avoir un projet **entre la Belgique et le Maroc**",
        closes_at=datetime(2099, 7, 15, 10, 0, tzinfo=UTC),
        review_opens_at=datetime(2099, 7, 20, tzinfo=UTC),
        review_closes_at=datetime(2099, 8, 20, tzinfo=UTC),
        languages=["fr", "ar"],
        places=30,
    )
    CriterionFactory(call=call, title="Équipe et actionnariat", weight=1, max_score=20, position=1)
    CriterionFactory(call=call, title="Rentabilité", weight=3, max_score=10, position=2)

    response = client.get(en("call", call.slug))

    text = page(response)
    assert "<strong>entre la Belgique et le Maroc</strong>" in text
    assert "July 15, 2099, noon" in text  # Brussels, UTC+2 in summer
    assert "July 15, 2099, 11 a.m." in text  # Casablanca, UTC+1
    assert "Brussels time" in text
    assert "Casablanca time" in text
    assert "French, Arabic" in text
    assert "Équipe et actionnariat" in text
    assert "25%" in text
    assert "75%" in text
    assert "30 projects selected" in text


def test_an_open_call_invites_members_to_apply_and_anonymous_visitors_to_sign_in(client, member):
    call = CallFactory()

    anonymous = page(client.get(en("call", call.slug)))
    client.force_login(member)
    signed_in = page(client.get(en("call", call.slug)))

    assert "Sign in to apply" in anonymous
    assert f'href="{en("apply", call.slug)}"' in anonymous
    assert f'action="{en("apply", call.slug)}"' in signed_in
    assert "Sign in to apply" not in signed_in


def test_a_member_who_already_applied_gets_a_link_to_their_project(client, member):
    call = CallFactory()
    draft = ProjectFactory(call=call, holder=member, title="Mon projet")
    client.force_login(member)

    text = page(client.get(en("call", call.slug)))

    assert en("project", draft.pk) in text
    assert "Continue your application" in text
    assert en("project_edit", draft.pk) in text


def test_a_closed_call_has_no_apply_button(client, member):
    call = call_in(
        "decision",
    )
    client.force_login(member)

    text = page(client.get(en("call", call.slug)))

    assert "Applications to this call are closed." in text
    assert en("apply", call.slug) not in text


def test_an_unpublished_call_is_hidden_except_from_staff(client, staff):
    call = CallFactory(is_published=False)

    assert client.get(en("call", call.slug)).status_code == 404
    client.force_login(staff)
    assert client.get(en("call", call.slug)).status_code == 200
