import io
import re
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from demo.network.scale import seed_scale
from network.models import HelpType, Organisation, OrganisationKind, Profile, Sector
from network.selectors.directory import directory_profiles
from network.services.search import refresh_organisation_search, refresh_profile_search
from tests.factories import OrganisationFactory, ProfileFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("taxonomies")]


def url(name, **params):
    """The page in English (our msgids), so tests can read our own strings."""
    with translation.override("en"):
        path = reverse(f"network:{name}")
    return f"{path}?{urlencode(params, doseq=True)}" if params else path


def person(first, last, *, visibility="public", active=True, sectors=(), offers=(), needs=(), **fields):
    user = UserFactory(first_name=first, last_name=last, is_active=active)
    fields.setdefault("headline", "")
    profile = ProfileFactory(user=user, visibility=visibility, **fields)
    profile.sectors.set(Sector.objects.filter(slug__in=sectors))
    profile.offers.set(HelpType.objects.filter(slug__in=offers))
    profile.needs.set(HelpType.objects.filter(slug__in=needs))
    refresh_profile_search([profile.pk])
    return profile


def organisation(name, *, kind="company", sectors=(), **fields):
    kind = OrganisationKind.objects.get(slug=kind)
    org = OrganisationFactory(name=name, kind=kind, **fields)
    org.sectors.set(Sector.objects.filter(slug__in=sectors))
    refresh_organisation_search([org.pk])
    return org


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """A request to /en/… leaves English active in this thread (LocaleMiddleware); put French back so
    the next test's reverse() and gettext are not affected."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def listed_people(response):
    """The profiles on a directory page, in order (their user ids)."""
    assert response.status_code == 200
    with translation.override("en"):
        prefix = reverse("network:profile_detail", args=[0]).removesuffix("0/")
    return [int(pk) for pk in re.findall(rf'href="{re.escape(prefix)}(\d+)/"', response.content.decode())]


def listed_organisations(response):
    assert response.status_code == 200
    return re.findall(r'href="/en/network/organisations/([\w-]+)/"', response.content.decode())


def count_text(response):
    match = re.search(r'id="directory-count"[^>]*>(.*?)</p>', response.content.decode(), re.S)
    return " ".join(match.group(1).split())


# --- Visibility ----------------------------------------------------------------------------------------


def test_visitors_see_public_profiles_only_with_limited_fields(client):
    public = person("Lotte", "Peeters", headline="Coach de start-ups", bio="Apicultrice le dimanche", languages=["nl"])
    members_only = person("Youssef", "Bouzid", visibility="members")
    hidden = person("Omar", "Haddou", visibility="hidden")

    response = client.get(url("directory"))
    page = response.content.decode()

    assert listed_people(response) == [public.user_id]
    assert count_text(response) == "1 member"
    assert "Coach de start-ups" in page
    assert "Apicultrice" not in page  # the bio is for members
    assert "Languages spoken" not in page
    assert members_only.user.last_name not in page
    assert hidden.user.last_name not in page


def test_members_also_see_members_only_profiles_but_never_hidden_or_inactive_ones(client, member):
    public = person("Lotte", "Peeters", languages=["nl"])
    members_only = person("Youssef", "Bouzid", visibility="members")
    person("Omar", "Haddou", visibility="hidden")
    person("Karim", "Inactif", active=False)
    client.force_login(member)

    response = client.get(url("directory"))

    assert sorted(listed_people(response)) == sorted([public.user_id, members_only.user_id])
    assert count_text(response) == "2 members"
    assert "Languages spoken" in response.content.decode()


def test_hidden_and_inactive_members_are_never_found_by_search_or_typo_search(client, member):
    person("Omar", "Haddou", visibility="hidden", headline="Avocat d’affaires")
    person("Karim", "Lahlou", active=False, headline="Avocat fiscaliste")
    client.force_login(member)

    for terms in ["Haddou", "Hadou", "Lahlou", "Lahlu", "avocat"]:
        response = client.get(url("directory", q=terms))
        assert listed_people(response) == []
        assert count_text(response) == "0 members"
        assert 'id="directory-empty"' in response.content.decode()


def test_a_members_own_hidden_profile_is_not_listed_to_them_either(client, member):
    ProfileFactory(user=member, visibility="hidden")
    client.force_login(member)
    assert listed_people(client.get(url("directory"))) == []


@pytest.mark.parametrize("viewer", ["anonymous", "member", "owner of a hidden profile"])
def test_the_directory_lists_exactly_what_visible_to_allows_minus_hidden_profiles(viewer, member):
    person("Lotte", "Peeters")
    person("Youssef", "Bouzid", visibility="members")
    person("Omar", "Haddou", visibility="hidden")
    person("Karim", "Inactif", active=False, visibility="members")
    user = None
    if viewer != "anonymous":
        user = member
        ProfileFactory(user=member, visibility="hidden" if viewer.startswith("owner") else "members")

    expected = Profile.objects.visible_to(user).exclude(visibility=Profile.Visibility.HIDDEN)
    assert set(directory_profiles(user)) == set(expected)


# --- Filters -------------------------------------------------------------------------------------------


@pytest.fixture
def people():
    return {
        "amina": person(
            "Amina",
            "El Idrissi",
            country="BE",
            city="Bruxelles",
            sectors=["agrifood", "logistics"],
            offers=["import-export"],
            needs=["business-partners"],
            languages=["fr", "ar"],
        ),
        "mehdi": person(
            "Mehdi",
            "Tazi",
            country="MA",
            city="Fès",
            sectors=["renewable-energy"],
            offers=["subcontracting"],
            needs=["investment"],
            languages=["fr", "en"],
        ),
        "lotte": person(
            "Lotte",
            "Peeters",
            country="BE",
            city="Gand",
            sectors=["digital"],
            offers=["mentoring"],
            needs=["business-partners"],
            languages=["nl"],
        ),
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "MA"}, ["mehdi"]),
        ({"country": "BE"}, ["amina", "lotte"]),
        ({"city": "fes"}, ["mehdi"]),  # accents and case do not matter
        ({"sector": "agrifood"}, ["amina"]),
        ({"offers": "mentoring"}, ["lotte"]),
        ({"needs": "business-partners"}, ["amina", "lotte"]),
        ({"language": "nl"}, ["lotte"]),
        ({"country": "BE", "needs": "business-partners", "language": "ar"}, ["amina"]),
        ({"sector": "health"}, []),
    ],
)
def test_each_filter_narrows_the_people(client, people, params, expected):
    response = client.get(url("directory", **params))
    assert listed_people(response) == [people[name].user_id for name in expected]


def test_an_unknown_filter_value_is_explained_and_ignored(client, people):
    response = client.get(url("directory", country="XX", sector="nope"))
    assert len(listed_people(response)) == 3
    assert "is-invalid" in response.content.decode()


# --- Search --------------------------------------------------------------------------------------------


@pytest.fixture
def searchable(member):
    return {
        "salma": person(
            "Salma",
            "Bennani",
            headline="Créatrice d’une marque de textile éthique",
            sectors=["textile"],
            expertise=["commerce équitable"],
            country="MA",
            city="Oujda",
        ),
        "sophie": person(
            "Sophie",
            "Dubois",
            headline="Chargée d’investissement, développement durable",
            sectors=["finance"],
            bio="Je siège au jury d’un concours d’apiculture urbaine.",
            country="BE",
            city="Liège",
        ),
        "mehdi": person(
            "Mehdi",
            "Tazi",
            headline="Ingénieur solaire",
            sectors=["renewable-energy"],
            visibility="members",
            country="MA",
            city="Ouarzazate",
        ),
    }


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        ("Bennani", ["salma"]),  # name
        ("salma bennani", ["salma"]),
        ("benn", ["salma"]),  # as you type
        ("textile éthique", ["salma"]),  # headline
        ("developpement", ["sophie"]),  # accent-insensitive
        ("DÉVELOPPEMENTS durables", ["sophie"]),  # French stems
        ("commerce equitable", ["salma"]),  # expertise (members see it)
        ("apiculture", ["sophie"]),  # bio (members see it)
        ("Agrovoeding OR Hernieuwbare", ["mehdi"]),  # a sector, in Dutch; web-search syntax
        ("Marokko", ["salma", "mehdi"]),  # a country, in Dutch
        ("ingénieur -solaire", []),
    ],
)
def test_members_search_names_headlines_expertise_sectors_and_countries(client, member, searchable, terms, expected):
    client.force_login(member)
    response = client.get(url("directory", q=terms))
    assert sorted(listed_people(response)) == sorted(searchable[name].user_id for name in expected)
    assert "close matches" not in response.content.decode()


def test_visitors_search_only_what_they_may_see(client, searchable):
    assert listed_people(client.get(url("directory", q="apiculture"))) == []  # in a bio
    assert listed_people(client.get(url("directory", q="commerce équitable"))) == []  # expertise
    assert listed_people(client.get(url("directory", q="solaire"))) == []  # a members-only profile
    assert listed_people(client.get(url("directory", q="textile"))) == [searchable["salma"].user_id]


def test_a_typo_falls_back_to_close_names_and_says_so(client, member, searchable):
    client.force_login(member)

    response = client.get(url("directory", q="Benanni"))

    assert listed_people(response) == [searchable["salma"].user_id]
    assert count_text(response) == "No exact match. Showing close matches for “Benanni”: 1 member."


def test_close_matches_put_the_closest_whole_name_first(client, member, searchable):
    benali = person("Nadia", "Benali")
    client.force_login(member)
    assert listed_people(client.get(url("directory", q="Benanni"))) == [searchable["salma"].user_id, benali.user_id]


def test_a_typo_search_keeps_the_other_filters(client, member, searchable):
    client.force_login(member)
    assert listed_people(client.get(url("directory", q="Dubios", country="BE"))) == [searchable["sophie"].user_id]
    assert listed_people(client.get(url("directory", q="Dubios", country="MA"))) == []


def test_relevance_ranks_a_name_above_a_passing_mention(client, member):
    mention = person("Karim", "Lahlou", headline="Ancien associé de Peeters & Co")
    named = person("Lotte", "Peeters", headline="Coach")
    client.force_login(member)
    assert listed_people(client.get(url("directory", q="peeters"))) == [named.user_id, mention.user_id]


def test_people_sort_by_name_or_newest_across_visibilities(client, member):
    now = timezone.now()
    zineb = person("Zineb", "Alaoui", visibility="members", created_at=now - timedelta(days=1))
    amina = person("Amina", "Ziani", created_at=now - timedelta(days=3))
    elodie = person("Élodie", "Martin", visibility="members", created_at=now - timedelta(days=2))
    client.force_login(member)

    assert listed_people(client.get(url("directory"))) == [amina.user_id, elodie.user_id, zineb.user_id]
    assert listed_people(client.get(url("directory", sort="newest"))) == [
        zineb.user_id,
        elodie.user_id,
        amina.user_id,
    ]


def test_saving_my_profile_makes_it_findable(client, member):
    client.force_login(member)
    response = client.post(
        reverse("network:profile_edit"),
        {"headline": "Apicultrice à Tétouan", "country": "MA", "city": "Tétouan", "visibility": "members"}
        | {"messaging": "members", "bio": "", "website": "", "linkedin": "", "expertise": ""},
    )
    assert response.status_code == 302

    assert listed_people(client.get(url("directory", q="apicultrice tetouan"))) == [member.pk]
    assert listed_people(client.get(url("directory", q="El Idrissi"))) == [member.pk]


# --- Pages, htmx, sharing ------------------------------------------------------------------------------


@pytest.mark.parametrize("sort", ["name", "newest"])
def test_results_are_paginated_by_twenty_and_pages_keep_the_filters(client, member, sort):
    now = timezone.now()
    profiles = [
        person(
            "Membre",
            f"Numéro {(i * 7) % 25:02d}",
            country="BE",
            visibility="members" if i % 3 else "public",
            created_at=now - timedelta(hours=(i * 11) % 25),
        )
        for i in range(25)
    ]
    person("Autre", "Pays", country="MA")
    client.force_login(member)

    first = client.get(url("directory", country="BE", sort=sort))
    second = client.get(url("directory", country="BE", sort=sort, page=2))

    key = (lambda p: p.search_name) if sort == "name" else (lambda p: -p.created_at.timestamp())
    for profile in profiles:
        profile.refresh_from_db()
    expected = [p.user_id for p in sorted(profiles, key=key)]
    assert listed_people(first) == expected[:20]
    assert listed_people(second) == expected[20:]
    assert count_text(first) == "25 members"
    assert f"?country=BE&amp;sort={sort}&amp;page=2" in first.content.decode()


def test_htmx_requests_get_only_the_results(client, people):
    response = client.get(url("directory", country="BE"), headers={"HX-Request": "true"})
    page = response.content.decode()

    assert "<html" not in page
    assert 'id="directory-form"' not in page
    assert len(listed_people(response)) == 2
    assert 'hx-swap-oob="innerHTML"' in page  # the live result count
    assert "HX-Request" in response["Vary"]


def test_the_full_page_has_a_form_that_works_with_and_without_javascript(client, people):
    page = client.get(url("directory")).content.decode()
    form = re.search(r'<form method="get"[^>]*id="directory-form"[^>]*>', page).group(0)
    assert 'hx-get="/en/network/"' in form
    assert 'hx-target="#directory-results"' in form
    assert 'hx-push-url="true"' in form
    assert "change from:#directory-filters, keyup changed delay:400ms from:input[name=q]" in form
    assert '<button type="submit"' in page


def test_a_filtered_url_can_be_shared(client, member, people):
    params = {"q": "Peeters", "country": "BE", "sort": "name"}
    client.force_login(member)
    as_typed = client.get(url("directory", **params), headers={"HX-Request": "true"})
    client.logout()

    shared = client.get(url("directory", **params))
    page = shared.content.decode()

    assert listed_people(shared) == listed_people(as_typed) == [people["lotte"].user_id]
    assert 'value="Peeters"' in page
    assert '<option value="BE" selected>' in page


def test_an_empty_result_explains_what_to_try(client, people):
    response = client.get(url("directory", sector="health"))
    page = response.content.decode()
    assert 'id="directory-empty"' in page
    assert "fewer filters" in page
    assert count_text(response) == "0 members"


def test_names_headlines_and_search_terms_are_escaped(client):
    person("<script>alert('x')</script>", "Payload", headline='<img src=x onerror="alert(1)">')
    organisation("<b>Org</b><script>alert(2)</script>")

    people_page = client.get(url("directory")).content.decode()
    organisations_page = client.get(url("organisation_list")).content.decode()
    typo_page = client.get(url("directory", q="<script>Payloda</script>")).content.decode()

    for page in [people_page, organisations_page, typo_page]:
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "<b>Org</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in people_page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in people_page
    assert "&lt;b&gt;Org&lt;/b&gt;" in organisations_page


@pytest.mark.parametrize("n", [5, 50])
def test_the_people_directory_runs_the_same_queries_for_5_or_50_profiles(client, member, django_assert_num_queries, n):
    for i in range(n):
        person(
            "Membre",
            f"{i:02d}",
            visibility="members" if i % 2 else "public",
            sectors=["agrifood", "digital"],
            offers=["mentoring"],
            needs=["financing", "investment"],
        )
    client.force_login(member)
    client.get(url("directory"))  # warm the session and caches

    # session, member, unread badge, 3 filter choices, 2 counts, the page, 3 prefetches
    with django_assert_num_queries(12):
        response = client.get(url("directory", sort="newest"))
    assert len(listed_people(response)) == min(n, 20)


@pytest.mark.parametrize("n", [5, 50])
def test_the_organisation_directory_runs_the_same_queries_for_5_or_50_organisations(
    client, member, django_assert_num_queries, n
):
    for i in range(n):
        organisation(f"Organisation {i:02d}", sectors=["agrifood", "digital"], is_verified=bool(i % 2))
    client.force_login(member)
    client.get(url("organisation_list"))

    # session, member, unread badge, 2 filter choices, the count, the page, 1 prefetch
    with django_assert_num_queries(8):
        response = client.get(url("organisation_list"))
    assert len(listed_organisations(response)) == min(n, 20)


# --- Organisations -------------------------------------------------------------------------------------


@pytest.fixture
def organisations():
    return {
        "atlas": organisation(
            "Atlas Logistique",
            kind="company",
            countries=["MA"],
            city="Tanger",
            sectors=["logistics"],
            is_verified=True,
            description="Entreposage à Tanger Med.",
        ),
        "flandre": organisation(
            "Flandre Incubator",
            kind="incubator",
            countries=["BE", "MA"],
            city="Gand",
            sectors=["digital"],
        ),
        "cedre": organisation(
            "Fonds du Cèdre",
            kind="funder",
            countries=["BE"],
            city="Liège",
            sectors=["finance", "agrifood"],
            is_verified=True,
        ),
    }


def test_only_published_organisations_are_listed(client, organisations):
    organisation("Société dépubliée", is_published=False)
    response = client.get(url("organisation_list"))
    assert listed_organisations(response) == [o.slug for o in organisations.values()]
    assert count_text(response) == "3 organisations"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "incubator"}, ["flandre"]),
        ({"country": "MA"}, ["atlas", "flandre"]),
        ({"country": "BE"}, ["flandre", "cedre"]),
        ({"city": "liege"}, ["cedre"]),
        ({"sector": "agrifood"}, ["cedre"]),
        ({"verified": "on"}, ["atlas", "cedre"]),
        ({"verified": "on", "country": "BE"}, ["cedre"]),
        ({"q": "incubateur"}, ["flandre"]),  # the kind, in French
        ({"q": "cedre"}, ["cedre"]),  # accent-insensitive name
        ({"q": "Marokko"}, ["atlas", "flandre"]),  # a country, in Dutch
        ({"q": "logistics"}, ["atlas"]),  # a sector, in English
    ],
)
def test_each_filter_and_search_narrows_the_organisations(client, organisations, params, expected):
    response = client.get(url("organisation_list", **params))
    assert sorted(listed_organisations(response)) == sorted(organisations[name].slug for name in expected)


def test_members_search_organisation_descriptions_and_visitors_do_not(client, member, organisations):
    assert listed_organisations(client.get(url("organisation_list", q="entreposage"))) == []
    client.force_login(member)
    assert listed_organisations(client.get(url("organisation_list", q="entreposage"))) == [organisations["atlas"].slug]


def test_an_organisation_name_typo_falls_back_to_close_matches(client, organisations):
    response = client.get(url("organisation_list", q="Flandr Incubtor"))
    assert listed_organisations(response) == [organisations["flandre"].slug]
    assert "Showing close matches for “Flandr Incubtor”" in count_text(response)


def test_organisation_cards_show_kind_verified_badge_and_countries(client, organisations):
    page = client.get(url("organisation_list", q="atlas")).content.decode()
    assert "Company" in page
    assert "Verified" in page
    assert "Morocco" in page
    assert "Tanger" in page


def test_organisations_sort_by_newest(client, organisations):
    Organisation.objects.filter(pk=organisations["atlas"].pk).update(created_at=timezone.now() + timedelta(days=1))
    response = client.get(url("organisation_list", sort="newest"))
    assert listed_organisations(response)[0] == organisations["atlas"].slug


def test_refreshing_an_organisation_updates_what_search_finds(client, organisations):
    atlas = organisations["atlas"]
    atlas.city = "Essaouira"
    atlas.save()
    assert listed_organisations(client.get(url("organisation_list", q="essaouira"))) == []

    refresh_organisation_search([atlas.pk])

    assert listed_organisations(client.get(url("organisation_list", q="essaouira"))) == [atlas.slug]


# --- Scale seeder --------------------------------------------------------------------------------------


def test_the_scale_seeder_creates_what_is_missing_and_makes_it_searchable(client, member):
    out = io.StringIO()
    assert seed_scale(out, scale=30) == 36  # 30 people and 6 organisations
    assert seed_scale(out, scale=30) == 0
    assert seed_scale(out, scale=40) == 12

    profiles = Profile.objects.filter(user__email__startswith="dir-")
    assert profiles.count() == 40
    assert profiles.filter(search_vector__isnull=True).count() == 0
    assert all(not p.user.has_usable_password() for p in profiles.select_related("user"))
    assert Organisation.objects.filter(slug__startswith="dir-org-").count() == 8

    someone = profiles.exclude(visibility="hidden").filter(user__is_active=True).select_related("user").first()
    client.force_login(member)
    assert someone.user_id in listed_people(client.get(url("directory", q=someone.user.last_name)))


def test_renaming_a_sector_in_the_admin_reindexes_the_directory(
    admin_client_with_mfa, taxonomies, django_capture_on_commit_callbacks
):
    from network.selectors.search import search_profiles

    sector = Sector.objects.get(slug="tourism")
    profile = ProfileFactory(visibility="public")
    profile.sectors.set([sector])
    refresh_profile_search([profile.pk])

    with django_capture_on_commit_callbacks(execute=True):
        admin_client_with_mfa.post(
            f"/fr/admin/network/sector/{sector.pk}/change/",
            {
                "name_fr": "Écotourisme",
                "name_en": "Ecotourism",
                "name_nl": "Ecotoerisme",
                "name_ar": "السياحة البيئية",
                "slug": "tourism",
            },
        )

    assert list(search_profiles(Profile.objects.all(), "écotourisme", public_fields_only=False)) == [profile]


def test_a_new_sector_added_in_the_admin_reindexes_nothing(
    admin_client_with_mfa, taxonomies, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        admin_client_with_mfa.post(
            "/fr/admin/network/sector/add/",
            {"name_fr": "Spatial", "name_en": "Space", "name_nl": "Ruimtevaart", "name_ar": "الفضاء", "slug": "space"},
        )
    assert Sector.objects.filter(slug="space").exists()
    assert callbacks == []  # nobody uses a new term yet


def test_organisers_editing_a_profile_in_the_admin_keep_the_search_in_step(admin_client_with_mfa, taxonomies):
    from network.selectors.search import search_profiles
    from tests.autumn_school.test_admin import change_form_data

    profile = ProfileFactory(visibility="public", headline="Consultante")
    refresh_profile_search([profile.pk])
    change = f"/fr/admin/network/profile/{profile.pk}/change/"
    data = change_form_data(admin_client_with_mfa.get(change))

    response = admin_client_with_mfa.post(change, {**data, "headline": "Logisticienne portuaire"})

    assert response.status_code == 302
    assert list(search_profiles(Profile.objects.all(), "logisticienne", public_fields_only=True)) == [profile]
