import csv
import io
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from network.models import Membership, Message, Organisation, OrganisationKind, Profile, Sector, Thread
from network.services import organisations as services
from tests.autumn_school.test_admin import change_form_data
from tests.factories import MembershipFactory, OpportunityFactory, OrganisationFactory, ProfileFactory, UserFactory
from tests.helpers import image_upload
from tests.network.helpers import en

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("taxonomies")]


def kind():
    return OrganisationKind.objects.get_or_create(
        slug="company", defaults={"name_fr": "Entreprise", "name_en": "Company", "name_nl": "Bedrijf", "name_ar": "x"}
    )[0]


def organisation_with_admin(admin, **fields):
    organisation = OrganisationFactory(**fields)
    MembershipFactory(organisation=organisation, member=admin, is_admin=True, role="Directrice")
    return organisation


def visible(user, visibility=Profile.Visibility.MEMBERS):
    return ProfileFactory(user=user, visibility=visibility)


def form_data(**overrides):
    data = {
        "name": "Atlas Export Conseil",
        "kind": kind().pk,
        "countries": ["BE", "MA"],
        "city": "Tanger",
        "sectors": [Sector.objects.get(slug="agrifood").pk],
        "size": "10-49",
        "founded_year": "2015",
        "website": "atlas-export.example",
        "description": "Nous **accompagnons** les exportateurs.",
        "role": "Fondatrice",
    }
    data.update(overrides)
    return data


# Creating and editing


def test_anonymous_visitors_are_sent_to_log_in_to_create_an_organisation(client):
    response = client.get(en("organisation_create"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_member_creates_an_organisation_with_a_logo_and_becomes_its_admin(client, member):
    client.force_login(member)

    response = client.post(en("organisation_create"), form_data(logo=image_upload("logo.png", size=(1200, 900))))

    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == en("organisation_detail", "atlas-export-conseil")
    assert organisation.slug == "atlas-export-conseil"
    assert organisation.countries == ["BE", "MA"]
    assert organisation.website == "https://atlas-export.example"
    assert list(organisation.sectors.values_list("slug", flat=True)) == ["agrifood"]
    assert organisation.created_by == member
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.member, membership.status, membership.is_admin, membership.role) == (
        member,
        "accepted",
        True,
        "Fondatrice",
    )
    with Image.open(organisation.logo.path) as logo:
        assert max(logo.size) <= 400  # resized
    organisation.refresh_from_db()
    assert organisation.search_vector  # the directory can find it

    page = client.get(response["Location"]).content.decode()
    assert "Atlas Export Conseil" in page
    assert "<strong>accompagnons</strong>" in page  # Markdown rendered
    assert organisation.logo.url in page


def test_two_organisations_with_the_same_name_get_different_slugs(member):
    first = services.create_organisation(creator=member, name="Atlas", kind=kind())
    second = services.create_organisation(creator=member, name="Atlas", kind=kind())
    reserved = services.create_organisation(creator=member, name="New", kind=kind())
    arabic = services.create_organisation(creator=member, name="الأطلس", kind=kind())

    assert (first.slug, second.slug) == ("atlas", "atlas-2")
    assert reserved.slug != "new"
    assert arabic.slug == "organisation"


def test_a_fake_logo_is_refused_and_nothing_typed_is_lost(client, member):
    client.force_login(member)
    fake = SimpleUploadedFile("logo.png", b"this is not an image at all", content_type="image/png")

    response = client.post(en("organisation_create"), form_data(logo=fake))

    page = response.content.decode()
    assert response.status_code == 200
    assert "This file is not an image we can read." in page
    assert 'value="Atlas Export Conseil"' in page
    assert "Nous **accompagnons** les exportateurs." in page
    assert 'enctype="multipart/form-data"' in page
    assert not Organisation.objects.exists()


def test_a_logo_over_5_mb_is_refused(client, member):
    client.force_login(member)
    too_big = SimpleUploadedFile("logo.png", b"\x89PNG" + b"0" * (5 * 1024 * 1024), content_type="image/png")

    response = client.post(en("organisation_create"), form_data(logo=too_big))

    assert response.status_code == 200
    assert "The file is too large" in response.content.decode()
    assert not Organisation.objects.exists()


def test_an_admin_edits_the_organisation_and_removes_its_logo(client, member):
    client.force_login(member)
    client.post(en("organisation_create"), form_data(logo=image_upload("logo.png", size=(1200, 900))))
    organisation = Organisation.objects.get()

    response = client.post(
        en("organisation_edit", organisation.slug),
        form_data(name="Atlas Export", city="Oujda", countries=["MA"], **{"logo-clear": "on"}),
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.name, organisation.city, organisation.countries) == ("Atlas Export", "Oujda", ["MA"])
    assert organisation.slug == "atlas-export-conseil"  # links keep working
    assert not organisation.logo


def test_an_outsider_gets_404_on_editing_and_managing_someone_elses_organisation(client, member, other_member):
    organisation = organisation_with_admin(member)
    MembershipFactory(organisation=organisation, member=other_member)  # even a plain member
    client.force_login(other_member)

    assert client.get(en("organisation_edit", organisation.slug)).status_code == 404
    assert client.post(en("organisation_edit", organisation.slug), form_data(name="Pirate")).status_code == 404
    assert client.get(en("organisation_members", organisation.slug)).status_code == 404
    organisation.refresh_from_db()
    assert organisation.name != "Pirate"


def test_anonymous_visitors_are_sent_to_log_in_to_edit(client, member):
    organisation = organisation_with_admin(member)
    response = client.get(en("organisation_edit", organisation.slug))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# The organisation page


def test_an_unpublished_organisation_answers_404_except_to_its_admins_and_staff(client, member, other_member, staff):
    organisation = organisation_with_admin(member, is_published=False)
    url = en("organisation_detail", organisation.slug)

    assert client.get(url).status_code == 404
    client.force_login(other_member)
    assert client.get(url).status_code == 404
    assert client.get(en("organisation_join", organisation.slug)).status_code == 404
    assert client.get(en("organisation_contact", organisation.slug)).status_code == 404

    client.force_login(member)
    assert "This organisation is not published" in client.get(url).content.decode()
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_the_page_shows_the_organisation_and_only_visible_accepted_members(client, member, other_member):
    visible(member)
    organisation = organisation_with_admin(
        member, name="Maghreb Invest", is_verified=True, founded_year=2009, website="https://mi.example"
    )
    organisation.sectors.set([Sector.objects.get(slug="agrifood")])
    hidden = UserFactory(first_name="Caché", last_name="Membre")
    visible(hidden, Profile.Visibility.HIDDEN)
    MembershipFactory(organisation=organisation, member=hidden)
    pending = UserFactory(first_name="Attente", last_name="Demande")
    visible(pending)
    MembershipFactory(organisation=organisation, member=pending, status="pending")
    client.force_login(other_member)

    page = client.get(en("organisation_detail", organisation.slug)).content.decode()

    assert "Maghreb Invest" in page
    assert 'id="verified-badge"' in page
    assert "Belgium, Morocco" in page
    assert "2009" in page
    assert "https://mi.example" in page
    assert "Amina El Idrissi" in page
    assert "Directrice" in page
    assert "Caché" not in page
    assert "Attente" not in page
    assert en("organisation_contact", organisation.slug) in page
    assert en("organisation_join", organisation.slug) in page


def test_anonymous_visitors_see_limited_fields_and_no_member_list(client, member):
    visible(member, Profile.Visibility.PUBLIC)
    organisation = organisation_with_admin(member, founded_year=2009)

    page = client.get(en("organisation_detail", organisation.slug)).content.decode()

    assert organisation.name in page
    assert "Amina El Idrissi" not in page
    assert "2009" not in page
    assert en("organisation_contact", organisation.slug) not in page


def test_organisation_text_is_escaped_and_markdown_sanitised(client, member):
    organisation = organisation_with_admin(
        member,
        name='<script>alert("name")</script>',
        city="<img src=x onerror=alert(1)>",
        description='<script>alert("desc")</script> [clic](javascript:alert(1)) <a href="#" onclick="x()">a</a>',
    )
    client.force_login(member)

    page = client.get(en("organisation_detail", organisation.slug)).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert "javascript:" not in page
    assert "onclick" not in page


def test_the_page_lists_the_organisations_open_opportunities(client, member):
    organisation = organisation_with_admin(member)
    OpportunityFactory(title="Cherche distributeur", organisation=organisation, posted_by=member)
    OpportunityFactory(
        title="Appel fermé", organisation=organisation, posted_by=member, deadline=timezone.localdate() - timedelta(1)
    )
    page = client.get(en("organisation_detail", organisation.slug)).content.decode()
    assert "Cherche distributeur" in page
    assert "Appel fermé" not in page


# Join requests


def test_a_join_request_emails_the_admins(client, member, other_member, django_capture_on_commit_callbacks):
    organisation = organisation_with_admin(member, name="Atlas Export")
    co_admin = UserFactory(email="co-admin@example.org", preferred_language="en")
    MembershipFactory(organisation=organisation, member=co_admin, is_admin=True)
    client.force_login(other_member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            en("organisation_join", organisation.slug),
            {"role": "Chargé d'affaires", "message": "Je travaille déjà avec vous à Anvers."},
        )

    assert response.status_code == 302
    membership = Membership.objects.get(member=other_member)
    assert (membership.status, membership.role, membership.is_admin) == ("pending", "Chargé d'affaires", False)
    assert sorted(m.to[0] for m in mail.outbox) == ["amina@example.org", "co-admin@example.org"]
    english = next(m for m in mail.outbox if m.to[0] == "co-admin@example.org")
    assert english.subject.endswith("Pieter Janssens asks to join Atlas Export")
    assert "Je travaille déjà avec vous à Anvers." in english.body
    assert "Chargé d'affaires" in english.body  # plain text, not HTML-escaped
    assert en("organisation_members", organisation.slug) in english.body  # a link in their language


def test_asking_twice_says_the_request_is_already_waiting(client, member, other_member):
    organisation = organisation_with_admin(member)
    client.force_login(other_member)
    client.post(en("organisation_join", organisation.slug), {"role": "", "message": ""})

    response = client.post(en("organisation_join", organisation.slug), {"role": "", "message": "Encore"}, follow=True)

    page = response.content.decode()
    assert "already waiting for an answer" in page
    assert "Encore" in page  # the typed message is kept
    assert Membership.objects.filter(member=other_member).count() == 1


def test_anonymous_visitors_are_sent_to_log_in_to_join(client, member):
    organisation = organisation_with_admin(member)
    response = client.post(en("organisation_join", organisation.slug), {"role": ""})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Membership.objects.filter(status="pending").exists()


def test_an_admin_accepts_a_request_and_the_requester_is_told(
    client, member, other_member, django_capture_on_commit_callbacks
):
    visible(other_member)
    organisation = organisation_with_admin(member, name="Atlas Export")
    request = MembershipFactory(organisation=organisation, member=other_member, status="pending", role="Associé")
    client.force_login(member)
    members_page = client.get(en("organisation_members", organisation.slug)).content.decode()
    assert f'id="request-{request.pk}"' in members_page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(en("membership_accept", organisation.slug), {"membership": request.pk})

    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.decided_by) == ("accepted", member)
    assert [m.to[0] for m in mail.outbox] == ["pieter@example.org"]
    assert "Atlas Export" in mail.outbox[0].subject
    page = client.get(en("organisation_detail", organisation.slug)).content.decode()
    assert "Pieter Janssens" in page


def test_an_admin_refuses_a_request_and_the_requester_is_told(
    client, member, other_member, django_capture_on_commit_callbacks
):
    organisation = organisation_with_admin(member, name="Atlas Export")
    request = MembershipFactory(organisation=organisation, member=other_member, status="pending")
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(en("membership_refuse", organisation.slug), {"membership": request.pk})

    request.refresh_from_db()
    assert request.status == "refused"
    assert [m.to[0] for m in mail.outbox] == ["pieter@example.org"]
    assert "did not accept" in mail.outbox[0].body or "Atlas Export" in mail.outbox[0].body


def test_a_refused_member_may_ask_again(member, other_member):
    organisation = organisation_with_admin(member)
    MembershipFactory(organisation=organisation, member=other_member, status="refused")

    membership = services.request_to_join(organisation=organisation, member=other_member, role="Stagiaire")

    assert (membership.status, membership.role, membership.decided_at) == ("pending", "Stagiaire", None)


def test_an_admin_cannot_answer_another_organisations_requests(client, member, other_member):
    mine = organisation_with_admin(member)
    theirs = organisation_with_admin(other_member)
    request = MembershipFactory(organisation=theirs, status="pending")
    client.force_login(member)

    response = client.post(en("membership_accept", mine.slug), {"membership": request.pk})

    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == "pending"
    with pytest.raises(services.NotAllowed):
        services.decide_join_request(membership=request, admin=member, accept=True)


# Members, roles and admins


def test_an_admin_sets_a_role_and_makes_another_member_admin(client, member, other_member):
    organisation = organisation_with_admin(member)
    membership = MembershipFactory(organisation=organisation, member=other_member, role="Stagiaire")
    client.force_login(member)
    prefix = f"m{membership.pk}"

    client.post(
        en("membership_save", organisation.slug),
        {
            "membership": membership.pk,
            f"{prefix}-role": "Responsable export",
            f"{prefix}-is_admin": "on",
        },
    )

    membership.refresh_from_db()
    assert (membership.role, membership.is_admin) == ("Responsable export", True)
    client.force_login(other_member)
    assert client.get(en("organisation_edit", organisation.slug)).status_code == 200


def test_the_last_admin_can_neither_leave_nor_be_demoted(client, member):
    organisation = organisation_with_admin(member)
    own = Membership.objects.get(member=member)
    client.force_login(member)

    response = client.post(en("organisation_leave", organisation.slug), follow=True)
    assert "last admin. Make another member admin before you leave." in response.content.decode()

    response = client.post(
        en("membership_save", organisation.slug),
        {"membership": own.pk, f"m{own.pk}-role": "Directrice"},
        follow=True,
    )
    assert "An organisation needs at least one admin" in response.content.decode()
    own.refresh_from_db()
    assert (own.status, own.is_admin) == ("accepted", True)


def test_an_admin_can_leave_once_another_member_is_admin(client, member, other_member):
    organisation = organisation_with_admin(member)
    MembershipFactory(organisation=organisation, member=other_member, is_admin=True)
    client.force_login(member)

    response = client.post(en("organisation_leave", organisation.slug))

    assert response["Location"] == en("my_organisations")
    assert not Membership.objects.filter(member=member).exists()


def test_a_member_leaves_and_an_admin_removes_a_member(client, member, other_member):
    organisation = organisation_with_admin(member)
    MembershipFactory(organisation=organisation, member=other_member)
    third = MembershipFactory(organisation=organisation)
    client.force_login(other_member)
    client.post(en("organisation_leave", organisation.slug))
    assert not Membership.objects.filter(member=other_member).exists()

    client.force_login(member)
    client.post(en("membership_remove", organisation.slug), {"membership": third.pk})
    assert list(Membership.objects.values_list("member", flat=True)) == [member.pk]


def test_leaving_needs_a_post(client, member, other_member):
    organisation = organisation_with_admin(member)
    MembershipFactory(organisation=organisation, member=other_member)
    client.force_login(other_member)
    assert client.get(en("organisation_leave", organisation.slug)).status_code == 405


def test_my_organisations_lists_every_membership_with_its_role_and_pending_requests(client, member, other_member):
    first = organisation_with_admin(member, name="Atlas Export")
    MembershipFactory(organisation=first, status="pending")
    MembershipFactory(organisation=first, status="pending")
    second = OrganisationFactory(name="Chambre Belgo-Marocaine")
    MembershipFactory(organisation=second, member=member, role="Trésorière")
    third = OrganisationFactory(name="Incubateur Oujda")
    MembershipFactory(organisation=third, member=member, status="pending")
    OrganisationFactory(name="Pas la mienne")
    client.force_login(member)

    page = client.get(en("my_organisations")).content.decode()

    assert "Atlas Export" in page
    assert "2 requests waiting" in page
    assert "Chambre Belgo-Marocaine" in page
    assert "Trésorière" in page
    assert "Incubateur Oujda" in page
    assert "Request pending" in page
    assert "Pas la mienne" not in page


def test_my_organisations_needs_a_login(client):
    assert client.get(en("my_organisations")).status_code == 302


# Contact


def test_contacting_an_organisation_opens_a_thread_with_its_admins(client, member, other_member):
    organisation = organisation_with_admin(member, name="Atlas Export")
    client.force_login(other_member)

    response = client.post(
        en("organisation_contact", organisation.slug), {"subject": "", "body": "Bonjour, un partenariat ?"}
    )

    message = Message.objects.get()
    assert message.body == "Bonjour, un partenariat ?"
    assert message.sender == other_member
    assert message.thread.kind == Thread.Kind.ORGANISATION
    assert set(message.thread.participants.values_list("member", flat=True)) == {member.pk, other_member.pk}
    assert response.status_code == 302
    assert response["Location"] == en("thread", message.thread_id)


def test_a_refused_contact_shows_the_reason_and_keeps_the_text(client, member):
    organisation = organisation_with_admin(member)  # its only admin is the sender
    client.force_login(member)

    response = client.post(en("organisation_contact", organisation.slug), {"subject": "Hello", "body": "Mon texte"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "cannot be contacted on the platform yet" in page
    assert "Mon texte" in page
    assert not Message.objects.exists()


def test_contacting_needs_a_login(client, member):
    organisation = organisation_with_admin(member)
    response = client.post(en("organisation_contact", organisation.slug), {"body": "x"})
    assert response.status_code == 302
    assert not Message.objects.exists()


# The organisers' admin


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(f"admin:network_organisation_{name}", args=args)


def test_staff_verify_and_unpublish_organisations_in_the_admin(admin_client_with_mfa, member):
    organisation = organisation_with_admin(member)
    client = admin_client_with_mfa

    client.post(admin_url("changelist"), {"action": "verify", "_selected_action": [organisation.pk]})
    client.post(admin_url("changelist"), {"action": "unpublish", "_selected_action": [organisation.pk]})

    organisation.refresh_from_db()
    assert (organisation.is_verified, organisation.is_published) == (True, False)
    changelist = client.get(admin_url("changelist") + "?is_published__exact=0&country=MA&q=Organisation")
    assert changelist.status_code == 200
    assert organisation.name in changelist.content.decode()
    assert client.get(admin_url("change", organisation.pk)).status_code == 200  # with the memberships inline


def test_the_csv_export_lists_only_published_organisations(admin_client_with_mfa, member):
    published = organisation_with_admin(member, name="=HYPERLINK(1)", founded_year=2001)
    published.sectors.set([Sector.objects.get(slug="agrifood")])
    unpublished = OrganisationFactory(name="Brouillon", is_published=False)

    response = admin_client_with_mfa.post(
        admin_url("changelist"), {"action": "export_csv", "_selected_action": [published.pk, unpublished.pk]}
    )

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][0] == "'=HYPERLINK(1)"  # not a formula in a spreadsheet
    assert "2001" in rows[1]
    assert rows[1][-1].endswith(f"/organisations/{published.slug}/")
    assert "Brouillon" not in response.content.decode("utf-8-sig")


def test_a_member_withdraws_a_pending_request(client, member, other_member):
    organisation = organisation_with_admin(member)
    MembershipFactory(organisation=organisation, member=other_member, status="pending")
    client.force_login(other_member)
    assert "Withdraw my request" in client.get(en("organisation_detail", organisation.slug)).content.decode()

    client.post(en("organisation_leave", organisation.slug))

    assert not Membership.objects.filter(member=other_member).exists()


@pytest.mark.django_db(transaction=True)
def test_two_admins_leaving_at_the_same_time_leave_one_admin_behind(member, other_member):
    organisation = organisation_with_admin(member)
    MembershipFactory(organisation=organisation, member=other_member, is_admin=True)
    start = threading.Barrier(2)
    outcomes = []

    def leave(user):
        try:
            start.wait()
            services.leave_organisation(organisation=organisation, member=user)
            outcomes.append("left")
        except services.LastAdmin:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=leave, args=(user,)) for user in (member, other_member)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["left", "refused"]
    assert Membership.objects.filter(organisation=organisation, is_admin=True).count() == 1


# Queries: a constant number, however many rows a page shows


@pytest.mark.parametrize("n", [2, 30])
def test_my_organisations_runs_the_same_queries_for_2_or_30_memberships(client, member, django_assert_num_queries, n):
    for index in range(n):
        status = ("accepted", "pending", "refused")[index % 3]
        organisation = OrganisationFactory(name=f"Organisation {index:02d}", is_published=bool(index % 2))
        MembershipFactory(organisation=organisation, member=member, status=status, is_admin=status == "accepted")
        MembershipFactory(organisation=organisation, status="pending")
    client.force_login(member)
    client.get(en("my_organisations"))  # warm the session and caches

    # session, member, unread badge, the memberships (with their organisation, its kind and the requests waiting)
    with django_assert_num_queries(4):
        response = client.get(en("my_organisations"))
    assert response.content.decode().count('id="membership-') == n


@pytest.mark.parametrize("n", [2, 30])
def test_the_members_page_runs_the_same_queries_for_2_or_30_members_and_requests(
    client, member, django_assert_num_queries, n
):
    organisation = organisation_with_admin(member)
    for _index in range(n):
        visible(MembershipFactory(organisation=organisation, role="Chargée d'affaires").member)
        visible(MembershipFactory(organisation=organisation, status="pending").member)
    client.force_login(member)
    client.get(en("organisation_members", organisation.slug))  # warm the session and caches

    # session, member, the organisation (if the member is its admin), the members, unread badge, the requests
    with django_assert_num_queries(6):
        response = client.get(en("organisation_members", organisation.slug))
    page = response.content.decode()
    assert (page.count('id="member-'), page.count('id="request-')) == (n + 1, n)


def test_each_members_page_action_has_its_own_post_only_address(client, member, other_member):
    organisation = organisation_with_admin(member)
    request = MembershipFactory(organisation=organisation, member=other_member, status="pending")
    client.force_login(member)

    for action in ("membership_accept", "membership_refuse", "membership_save", "membership_remove"):
        assert client.get(en(action, organisation.slug)).status_code == 405
    assert client.post(en("organisation_members", organisation.slug), {"membership": request.pk}).status_code == 405
    page = client.get(en("organisation_members", organisation.slug)).content.decode()
    assert f'action="{en("membership_accept", organisation.slug)}"' in page
    assert f'formaction="{en("membership_refuse", organisation.slug)}"' in page
    request.refresh_from_db()
    assert request.status == "pending"


def test_a_refused_demotion_keeps_what_the_admin_typed(client, member):
    organisation = organisation_with_admin(member)
    own = Membership.objects.get(member=member)
    client.force_login(member)

    response = client.post(
        en("membership_save", organisation.slug), {"membership": own.pk, f"m{own.pk}-role": "Cheffe"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "An organisation needs at least one admin" in page
    assert 'value="Cheffe"' in page


def test_staff_open_an_unpublished_organisation_only_with_two_factor_authentication(client, member):
    organisation = organisation_with_admin(member, is_published=False)
    published = organisation_with_admin(member, name="Publiée")
    client.force_login(UserFactory(is_staff=True))

    response = client.get(en("organisation_detail", organisation.slug))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    assert client.get(en("organisation_detail", published.slug)).status_code == 200  # as any member


def test_organisers_editing_an_organisation_in_the_admin_keep_the_search_in_step(admin_client_with_mfa, member):
    from network.selectors.search import search_organisations

    organisation = organisation_with_admin(member, name="Atlas Export")
    client = admin_client_with_mfa
    data = change_form_data(client.get(admin_url("change", organisation.pk)))

    response = client.post(admin_url("change", organisation.pk), {**data, "name": "Oriental Logistique"})

    assert response.status_code == 302
    found = search_organisations(Organisation.objects.all(), "logistique", public_fields_only=True)
    assert list(found) == [organisation]
    assert Membership.objects.get(organisation=organisation).member == member  # the inline kept its member


def test_organisers_create_an_organisation_in_the_admin_as_its_creator(admin_client_with_mfa):
    client = admin_client_with_mfa
    data = change_form_data(client.get(admin_url("add")))
    data.update({"name": "Incubateur Oujda", "slug": "incubateur-oujda", "kind": kind().pk, "countries": ["MA"]})
    del data["sectors"]

    response = client.post(admin_url("add"), data)

    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="incubateur-oujda")
    assert organisation.created_by.email == "root@example.org"
    assert organisation.search_vector is not None
