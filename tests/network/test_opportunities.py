from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from dimobel.models import SentReminder
from network.models import Message, Opportunity, Profile, Sector
from network.services import opportunities as services
from tests.delivery import sweep
from tests.factories import MembershipFactory, OpportunityFactory, OrganisationFactory, ProfileFactory, UserFactory
from tests.network.helpers import en

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("taxonomies")]


TODAY = timezone.localdate


def data(**overrides):
    values = {
        "title": "Recherche d'un importateur d'huile d'argan",
        "kind": "trade",
        "description": "Coopérative d'Essaouira, **bio**, 20 tonnes par an.",
        "sectors": [Sector.objects.get(slug="agrifood").pk],
        "countries": ["BE", "MA"],
        "deadline": (TODAY() + timedelta(days=20)).isoformat(),
    }
    values.update(overrides)
    return values


# Posting and editing


def test_anonymous_visitors_are_sent_to_log_in_to_post(client):
    response = client.get(en("opportunity_create"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_member_posts_an_opportunity_for_an_organisation_they_administer(client, member):
    organisation = OrganisationFactory(name="Coopérative Tifawin")
    MembershipFactory(organisation=organisation, member=member, is_admin=True)
    client.force_login(member)

    response = client.post(en("opportunity_create"), data(organisation=organisation.pk))

    opportunity = Opportunity.objects.get()
    assert response["Location"] == en("opportunity_detail", opportunity.pk)
    assert (opportunity.posted_by, opportunity.organisation, opportunity.countries) == (
        member,
        organisation,
        ["BE", "MA"],
    )
    page = client.get(response["Location"]).content.decode()
    assert "<strong>bio</strong>" in page
    assert en("organisation_detail", organisation.slug) in page
    assert en("opportunity_edit", opportunity.pk) in page


def test_a_member_cannot_post_for_an_organisation_they_do_not_administer(client, member, other_member):
    mine = OrganisationFactory()
    MembershipFactory(organisation=mine, member=member, is_admin=True)
    theirs = OrganisationFactory()
    MembershipFactory(organisation=theirs, member=member, is_admin=False)
    client.force_login(member)

    response = client.post(en("opportunity_create"), data(organisation=theirs.pk))

    assert response.status_code == 200
    assert not Opportunity.objects.exists()
    with pytest.raises(services.NotAllowed):
        services.post_opportunity(
            poster=other_member, title="x", kind="job", description="x", deadline=TODAY(), organisation=mine
        )


def test_a_deadline_in_the_past_is_refused_and_the_typed_text_kept(client, member):
    client.force_login(member)

    response = client.post(en("opportunity_create"), data(deadline=(TODAY() - timedelta(days=1)).isoformat()))

    page = response.content.decode()
    assert response.status_code == 200
    assert "The deadline must be today or later." in page
    assert "Coopérative d&#x27;Essaouira, **bio**, 20 tonnes par an." in page
    assert not Opportunity.objects.exists()
    with pytest.raises(services.DeadlinePassed):
        services.post_opportunity(
            poster=member, title="x", kind="job", description="x", deadline=TODAY() - timedelta(days=1)
        )


def test_today_is_a_valid_deadline(client, member):
    client.force_login(member)
    client.post(en("opportunity_create"), data(deadline=TODAY().isoformat()))
    assert Opportunity.objects.get().deadline == TODAY()


def test_the_poster_edits_their_opportunity_even_once_closed(client, member):
    opportunity = OpportunityFactory(posted_by=member, deadline=TODAY() - timedelta(days=2))
    client.force_login(member)

    response = client.post(
        en("opportunity_edit", opportunity.pk),
        data(title="Titre corrigé", deadline=opportunity.deadline.isoformat()),
    )

    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.title == "Titre corrigé"
    response = client.post(
        en("opportunity_edit", opportunity.pk), data(deadline=(TODAY() - timedelta(days=1)).isoformat())
    )
    assert "The deadline must be today or later." in response.content.decode()


def test_an_outsider_gets_404_on_editing_or_deleting_someone_elses_opportunity(client, member, other_member):
    opportunity = OpportunityFactory(posted_by=member)
    client.force_login(other_member)

    assert client.get(en("opportunity_edit", opportunity.pk)).status_code == 404
    assert client.post(en("opportunity_edit", opportunity.pk), data(title="Pirate")).status_code == 404
    assert client.post(en("opportunity_delete", opportunity.pk)).status_code == 404
    opportunity.refresh_from_db()
    assert opportunity.title != "Pirate"


def test_anonymous_visitors_are_sent_to_log_in_to_edit(client, member):
    opportunity = OpportunityFactory(posted_by=member)
    assert "/accounts/login/" in client.get(en("opportunity_edit", opportunity.pk))["Location"]


def test_the_poster_deletes_their_opportunity(client, member):
    opportunity = OpportunityFactory(posted_by=member)
    client.force_login(member)
    assert client.get(en("opportunity_delete", opportunity.pk)).status_code == 200

    response = client.post(en("opportunity_delete", opportunity.pk))

    assert response["Location"] == en("opportunity_list")
    assert not Opportunity.objects.exists()


# The list and the page


def titles(response):
    return [opportunity.title for opportunity in response.context["page_obj"]]


def test_the_list_shows_open_opportunities_by_default_and_filters_them(client, member):
    agrifood = Sector.objects.get(slug="agrifood")
    argan = OpportunityFactory(title="Argan bio", kind="trade", countries=["MA"])
    argan.sectors.set([agrifood])
    OpportunityFactory(title="Stage à Bruxelles", kind="job", countries=["BE"], description="Logistique portuaire")
    OpportunityFactory(title="Appel clos", deadline=TODAY() - timedelta(days=1))
    OpportunityFactory(title="Retirée", status=Opportunity.Status.REMOVED)
    url = en("opportunity_list")

    assert sorted(titles(client.get(url))) == ["Argan bio", "Stage à Bruxelles"]
    assert titles(client.get(url, {"kind": "job"})) == ["Stage à Bruxelles"]
    assert titles(client.get(url, {"sector": "agrifood"})) == ["Argan bio"]
    assert titles(client.get(url, {"country": "BE"})) == ["Stage à Bruxelles"]
    assert titles(client.get(url, {"q": "portuaire"})) == ["Stage à Bruxelles"]
    assert titles(client.get(url, {"q": "ARGAN"})) == ["Argan bio"]
    assert "Appel clos" in titles(client.get(url, {"show": "all"}))
    assert "Retirée" not in titles(client.get(url, {"show": "all"}))
    client.force_login(member)
    mine = OpportunityFactory(title="La mienne", posted_by=member)
    assert titles(client.get(url, {"mine": "on"})) == [mine.title]


def test_the_list_answers_htmx_with_the_results_only(client):
    OpportunityFactory(title="Argan bio")
    response = client.get(en("opportunity_list"), headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "Argan bio" in page
    assert "<html" not in page
    assert 'id="result-count"' in page


def test_the_list_is_paginated_and_keeps_the_filters_in_its_links(client):
    for number in range(25):
        OpportunityFactory(title=f"Offre {number:02}", kind="job")
    response = client.get(en("opportunity_list"), {"kind": "job"})
    assert len(titles(response)) == 20
    assert "?kind=job&amp;page=2" in response.content.decode()
    assert len(titles(client.get(en("opportunity_list"), {"kind": "job", "page": 2}))) == 5


def queries_for_list(client, count):
    Opportunity.objects.all().delete()
    sectors = list(Sector.objects.all()[:3])
    for number in range(count):
        organisation = OrganisationFactory() if number % 2 else None
        poster = ProfileFactory(visibility=Profile.Visibility.MEMBERS).user
        opportunity = OpportunityFactory(posted_by=poster, organisation=organisation)
        opportunity.sectors.set(sectors)
    with CaptureQueriesContext(connection) as context:
        response = client.get(en("opportunity_list"))
    assert response.status_code == 200
    assert len(response.context["page_obj"]) == min(count, 20)
    return len(context)


@pytest.mark.parametrize("logged_in", [False, True])
def test_the_list_runs_the_same_number_of_queries_for_5_and_50_opportunities(client, member, logged_in):
    if logged_in:
        client.force_login(member)
    few = queries_for_list(client, 5)
    assert few == queries_for_list(client, 50)
    assert few <= 8


def test_an_expired_opportunity_leaves_the_list_but_its_page_says_closed(client, member, other_member):
    opportunity = OpportunityFactory(title="Appel clos", deadline=TODAY() - timedelta(days=1))
    assert "Appel clos" not in titles(client.get(en("opportunity_list")))

    client.force_login(other_member)
    page = client.get(en("opportunity_detail", opportunity.pk)).content.decode()

    assert 'id="closed-badge"' in page
    assert "This opportunity closed on" in page
    assert en("opportunity_interested", opportunity.pk) not in page


def test_a_removed_opportunity_answers_404_except_to_staff_and_its_poster(client, member, other_member, staff):
    opportunity = OpportunityFactory(posted_by=member, status=Opportunity.Status.REMOVED)
    url = en("opportunity_detail", opportunity.pk)

    assert client.get(url).status_code == 404
    client.force_login(other_member)
    assert client.get(url).status_code == 404
    assert client.post(en("opportunity_interested", opportunity.pk), {"body": "x"}).status_code == 404
    client.force_login(member)
    assert 'id="removed-notice"' in client.get(url).content.decode()
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_the_poster_is_linked_only_when_the_viewer_may_see_their_profile(client, member, other_member):
    opportunity = OpportunityFactory(posted_by=member)
    profile = ProfileFactory(user=member, visibility=Profile.Visibility.MEMBERS)
    client.force_login(other_member)
    page = client.get(en("opportunity_detail", opportunity.pk)).content.decode()
    assert en("profile_detail", member.pk) in page
    assert "Amina El Idrissi" in page

    profile.visibility = Profile.Visibility.HIDDEN
    profile.save()
    page = client.get(en("opportunity_detail", opportunity.pk)).content.decode()
    assert en("profile_detail", member.pk) not in page
    assert "Amina El Idrissi" not in page
    assert "Amina El Idrissi" not in client.get(en("opportunity_list")).content.decode()


def test_opportunity_text_is_escaped_and_sanitised(client, member):
    OpportunityFactory(
        posted_by=member,
        title='<script>alert("t")</script>',
        description='<script>alert("d")</script> [x](javascript:alert(1)) <img src=x onerror="alert(2)">',
    )
    opportunity = Opportunity.objects.get()
    for url in (en("opportunity_list"), en("opportunity_detail", opportunity.pk)):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;" in page
        assert "javascript:" not in page
        assert "onerror" not in page


# I'm interested


def test_im_interested_sends_a_message_to_the_poster_and_opens_the_thread(client, member, other_member):
    opportunity = OpportunityFactory(posted_by=member, title="Entrepôt à Tanger Med")
    client.force_login(other_member)
    page = client.get(en("opportunity_detail", opportunity.pk)).content.decode()
    assert "Entrepôt à Tanger Med" in page
    assert "I saw your opportunity" in page  # the polite, prefilled sentence

    response = client.post(en("opportunity_interested", opportunity.pk), {"body": "Bonjour, nous avons 2000 m²."})

    message = Message.objects.get()
    assert (message.sender, message.body) == (other_member, "Bonjour, nous avons 2000 m².")
    assert message.thread.subject == "Entrepôt à Tanger Med"
    assert set(message.thread.participants.values_list("member", flat=True)) == {member.pk, other_member.pk}
    assert response["Location"] == en("thread", message.thread_id)


def test_a_poster_cannot_answer_their_own_opportunity(client, member):
    opportunity = OpportunityFactory(posted_by=member)
    client.force_login(member)
    assert (
        en("opportunity_interested", opportunity.pk)
        not in client.get(en("opportunity_detail", opportunity.pk)).content.decode()
    )

    response = client.post(en("opportunity_interested", opportunity.pk), {"body": "Moi-même"})

    assert "This is your own opportunity." in response.content.decode()
    assert not Message.objects.exists()


def test_a_refused_message_shows_the_reason_and_keeps_the_text(client, member, other_member):
    ProfileFactory(user=member, messaging=Profile.Messaging.NOBODY)
    opportunity = OpportunityFactory(posted_by=member)
    client.force_login(other_member)

    response = client.post(en("opportunity_interested", opportunity.pk), {"body": "Mon texte soigné"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "This member does not accept messages." in page
    assert "Mon texte soigné" in page
    assert not Message.objects.exists()


def test_a_closed_opportunity_refuses_interest(client, member, other_member):
    opportunity = OpportunityFactory(posted_by=member, deadline=TODAY() - timedelta(days=1))
    client.force_login(other_member)
    response = client.post(en("opportunity_interested", opportunity.pk), {"body": "Trop tard ?"})
    assert "This opportunity is closed" in response.content.decode()
    assert not Message.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in_to_answer(client, member):
    opportunity = OpportunityFactory(posted_by=member)
    response = client.post(en("opportunity_interested", opportunity.pk), {"body": "x"})
    assert "/accounts/login/" in response["Location"]
    assert not Message.objects.exists()


# The reminder


def deadline_emails(opportunity):
    return [m for m in mail.outbox if opportunity.title in m.subject]


def test_the_poster_is_reminded_once_three_days_before_the_deadline(member):
    soon = OpportunityFactory(posted_by=member, title="Bientôt close", deadline=TODAY() + timedelta(days=3))
    later = OpportunityFactory(posted_by=member, title="Plus tard", deadline=TODAY() + timedelta(days=4))
    closed = OpportunityFactory(posted_by=member, title="Déjà close", deadline=TODAY() - timedelta(days=1))
    removed = OpportunityFactory(
        posted_by=member, title="Retirée", deadline=TODAY() + timedelta(days=1), status=Opportunity.Status.REMOVED
    )

    sweep()
    sweep()

    emails = deadline_emails(soon)
    assert len(emails) == 1
    assert emails[0].to == ["amina@example.org"]
    assert en("opportunity_edit", soon.pk).replace("/en/", "/fr/") in emails[0].body
    for other in (later, closed, removed):
        assert deadline_emails(other) == []
    assert SentReminder.objects.filter(kind="network.opportunity.deadline_3d").count() == 1


def test_the_reminder_is_in_the_posters_language(member):
    poster = UserFactory(preferred_language="en")
    opportunity = OpportunityFactory(posted_by=poster, title="Closing", deadline=TODAY() + timedelta(days=1))
    sweep()
    (email,) = deadline_emails(opportunity)
    assert "closes soon" in email.subject
    assert "Closing" in email.body


# The organisers' admin


def test_staff_remove_and_restore_opportunities_in_the_admin(admin_client_with_mfa):
    opportunity = OpportunityFactory()
    with translation.override("en"):
        changelist = reverse("admin:network_opportunity_changelist")
        change = reverse("admin:network_opportunity_change", args=[opportunity.pk])

    admin_client_with_mfa.post(changelist, {"action": "remove", "_selected_action": [opportunity.pk]})
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.REMOVED

    admin_client_with_mfa.post(changelist, {"action": "restore", "_selected_action": [opportunity.pk]})
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.PUBLISHED
    assert admin_client_with_mfa.get(changelist + "?status__exact=published&open=yes&q=Recherche").status_code == 200
    assert admin_client_with_mfa.get(change).status_code == 200


# Queries


@pytest.mark.parametrize("n", [2, 30])
def test_the_marketplace_runs_the_same_queries_for_2_or_30_opportunities(client, member, django_assert_num_queries, n):
    sectors = list(Sector.objects.filter(slug__in=["agrifood", "digital"]))
    for index in range(n):
        poster = ProfileFactory(visibility="members" if index % 2 else "hidden").user
        opportunity = OpportunityFactory(posted_by=poster, organisation=OrganisationFactory(), countries=["BE", "MA"])
        opportunity.sectors.set(sectors)
    client.force_login(member)
    client.get(en("opportunity_list"))  # warm the session and caches

    # session, member, the count, the page (poster, organisation, poster's visibility), sectors, unread badge,
    # the sector filter's choices
    with django_assert_num_queries(7):
        response = client.get(en("opportunity_list"))
    assert response.content.decode().count('class="card opportunity-row"') == min(n, 20)


def test_staff_open_a_removed_opportunity_only_with_two_factor_authentication(client, member):
    removed = OpportunityFactory(posted_by=member, status=Opportunity.Status.REMOVED)
    published = OpportunityFactory(posted_by=member)
    client.force_login(UserFactory(is_staff=True))

    response = client.get(en("opportunity_detail", removed.pk))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    assert client.get(en("opportunity_detail", published.pk)).status_code == 200  # as any member
