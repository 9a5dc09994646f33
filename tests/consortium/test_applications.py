"""A project holder's application: start, save drafts without losing anything, submit once, follow it;
and the documents, served only to the people who may read them."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from consortium.dashboard_section import consortium_section
from consortium.forms.applications import ApplicationForm
from consortium.models import Mentorship, Project, ReviewAssignment, StatusChange, TeamMember
from consortium.services import applications
from consortium.services.errors import ApplicationIncomplete, ApplicationLocked, CallClosed
from network.models import Sector
from tests.consortium.helpers import PDF, en, flash, page
from tests.consortium.helpers import pdf_upload as pdf
from tests.factories import CallFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


def status(client, url):
    """The status of a GET, with any file response closed (an unread download would leak its handle)."""
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)  # reading to the end closes the file
    return response.status_code


@pytest.fixture
def call(db):
    return CallFactory(title="Maghrib Belgium Impulse 2025", slug="mbi-2025")


@pytest.fixture
def draft(call, member):
    return ProjectFactory(call=call, holder=member, title="Conserverie solidaire")


def complete(project, sectors):
    """Fill in what a submission needs besides the form's plain fields: a sector, a team, both PDFs."""
    project.sectors.set(sectors)
    TeamMember.objects.create(project=project, name="Amina El Idrissi", role="Fondatrice", is_shareholder=True)
    project.business_plan.save("plan.pdf", pdf(), save=False)
    project.pitch_deck.save("deck.pdf", pdf("deck.pdf"), save=False)
    project.save()
    return project


@pytest.fixture
def complete_draft(draft, taxonomies):
    return complete(draft, Sector.objects.all()[:1])


def form_data(**overrides):
    data = {
        "title": "Conserverie solidaire",
        "summary": "Des conserves de l'Oriental pour Anvers.",
        "description": "Une coopérative à Berkane.",
        "city": "Berkane",
        "country": "MA",
        "corridor": "ma_be",
        "stage": "prototype",
        "funding_needed": "45000",
        "funding_currency": "EUR",
        "jobs_expected": "6",
        "team-TOTAL_FORMS": "2",
        "team-INITIAL_FORMS": "0",
        "team-MIN_NUM_FORMS": "0",
        "team-MAX_NUM_FORMS": "20",
    }
    data.update(overrides)
    return data


# --- Starting an application ------------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_sign_in_before_applying(client, call):
    response = client.get(en("apply", call.slug))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Project.objects.exists()


def test_a_member_starts_a_draft_in_an_open_call_and_lands_on_the_form(client, call, member):
    client.force_login(member)

    response = client.post(en("apply", call.slug))

    project = Project.objects.get()
    assert (project.holder, project.call, project.status) == (member, call, "draft")
    assert response.url == en("project_edit", project.pk)


def test_starting_again_reopens_the_same_draft(client, call, member):
    client.force_login(member)
    client.post(en("apply", call.slug))

    response = client.post(en("apply", call.slug))

    assert Project.objects.count() == 1
    assert response.url == en("project_edit", Project.objects.get().pk)


def test_coming_back_from_sign_in_asks_to_confirm_or_reopens_the_draft(client, call, member):
    client.force_login(member)

    response = client.get(en("apply", call.slug))
    assert response.status_code == 200
    assert "Start my application" in page(response)
    assert not Project.objects.exists()

    project = ProjectFactory(call=call, holder=member)
    assert client.get(en("apply", call.slug)).url == en("project_edit", project.pk)


def test_no_draft_can_be_started_in_a_closed_call(client, member):
    call = CallFactory(opens_at=timezone.now() - timedelta(days=30), closes_at=timezone.now() - timedelta(minutes=1))
    client.force_login(member)

    response = client.post(en("apply", call.slug), follow=True)

    assert "This call for projects is closed." in page(response)
    assert not Project.objects.exists()
    with pytest.raises(CallClosed):
        applications.start_application(call=call, holder=member)


def test_an_unpublished_call_cannot_be_applied_to(client, member):
    call = CallFactory(is_published=False)
    client.force_login(member)

    assert client.post(en("apply", call.slug)).status_code == 404
    assert not Project.objects.exists()


# --- Editing the draft ------------------------------------------------------------------------------------


def test_the_form_is_for_the_holder_only(client, draft, other_member):
    assert client.get(en("project_edit", draft.pk)).url.startswith(reverse("account_login"))
    client.force_login(other_member)
    assert client.get(en("project_edit", draft.pk)).status_code == 404
    assert client.post(en("project_edit", draft.pk), form_data(title="Piraté")).status_code == 404
    draft.refresh_from_db()
    assert draft.title == "Conserverie solidaire"


def test_the_form_shows_its_sections_and_the_completeness_checklist(client, draft, member, taxonomies):
    client.force_login(member)

    response = client.get(en("project_edit", draft.pk))

    text = page(response)
    assert response.status_code == 200
    for section in ("1. The project", "2. Sectors and location", "4. The team", "6. Documents"):
        assert section in text
    assert "Ready to submit?" in text
    assert "Business plan (PDF)" in text
    assert 'enctype="multipart/form-data"' in text


def test_an_empty_draft_saves_without_asking_for_anything(client, call, member):
    project = ProjectFactory(call=call, holder=member, title="", summary="", city="", country="", corridor="")
    client.force_login(member)

    response = client.post(
        en("project_edit", project.pk),
        form_data(
            title="",
            summary="",
            description="",
            city="",
            country="",
            corridor="",
            stage="",
            funding_needed="",
            jobs_expected="",
        ),
    )

    assert response.status_code == 302
    assert "Your draft is saved." in flash(response)
    project.refresh_from_db()
    assert (project.title, project.funding_needed, project.jobs_expected, project.status) == ("", None, None, "draft")


def test_a_draft_saves_every_field_sectors_and_team(client, draft, member, other_member, taxonomies):
    sectors = list(Sector.objects.all()[:2])
    client.force_login(member)
    data = form_data(
        title="Conserverie de l'Oriental",
        sectors=[sector.pk for sector in sectors],
        **{
            "team-0-name": "Amina El Idrissi",
            "team-0-role": "Fondatrice",
            "team-0-is_shareholder": "on",
            "team-1-name": "Pieter Janssens",
            "team-1-role": "Logistique",
            "team-1-member_email": "PIETER@example.org",
        },
    )

    response = client.post(en("project_edit", draft.pk), data)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Conserverie de l'Oriental"
    assert (draft.city, draft.country, draft.corridor, draft.stage) == ("Berkane", "MA", "ma_be", "prototype")
    assert (int(draft.funding_needed), draft.funding_currency, draft.jobs_expected) == (45000, "EUR", 6)
    assert set(draft.sectors.all()) == set(sectors)
    assert list(draft.team.values_list("name", "is_shareholder", "user")) == [
        ("Amina El Idrissi", True, None),
        ("Pieter Janssens", False, other_member.pk),
    ]


def test_a_team_member_can_be_removed(client, draft, member):
    person = TeamMember.objects.create(project=draft, name="Ancien associé")
    client.force_login(member)
    data = form_data(
        **{
            "team-TOTAL_FORMS": "3",
            "team-INITIAL_FORMS": "1",
            "team-0-id": person.pk,
            "team-0-project": draft.pk,
            "team-0-name": "Ancien associé",
            "team-0-DELETE": "on",
        }
    )

    client.post(en("project_edit", draft.pk), data)

    assert not draft.team.exists()


def test_an_unknown_member_email_is_an_error_and_nothing_is_lost(client, draft, member):
    client.force_login(member)
    data = form_data(title="Nouveau titre", **{"team-0-name": "Quelqu'un", "team-0-member_email": "nobody@example.org"})

    response = client.post(en("project_edit", draft.pk), data)

    assert response.status_code == 200
    assert "No member has this address." in page(response)
    assert 'value="Nouveau titre"' in page(response)
    draft.refresh_from_db()
    assert draft.title == "Conserverie solidaire"


def test_a_file_that_is_not_a_pdf_is_refused_with_a_clear_error_and_the_other_input_stays(client, draft, member):
    client.force_login(member)
    fake = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")

    response = client.post(
        en("project_edit", draft.pk), form_data(title="Mon titre tapé", city="Oujda", business_plan=fake)
    )

    text = page(response)
    assert response.status_code == 200
    assert "Only PDF files are accepted." in text
    assert 'value="Mon titre tapé"' in text
    assert 'value="Oujda"' in text
    draft.refresh_from_db()
    assert (draft.title, draft.city, draft.business_plan.name) == ("Conserverie solidaire", "Berkane", "")


def test_a_pdf_larger_than_20_mb_is_refused():
    big = pdf()
    big.size = 20 * 1024 * 1024 + 1
    form = ApplicationForm(data=form_data(), files={"business_plan": big}, instance=Project())

    with translation.override("en"):
        assert not form.is_valid()
    assert "The file is too large" in form.errors["business_plan"][0]


def test_a_pdf_is_stored_privately_and_stays_when_the_draft_is_saved_without_it(client, draft, member):
    client.force_login(member)

    client.post(en("project_edit", draft.pk), form_data(business_plan=pdf()))
    draft.refresh_from_db()
    stored = Path(draft.business_plan.path)
    client.post(en("project_edit", draft.pk), form_data(title="Sans nouveau fichier"))

    draft.refresh_from_db()
    assert draft.title == "Sans nouveau fichier"
    assert Path(draft.business_plan.path) == stored
    assert stored.read_bytes() == PDF
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())


def test_a_new_upload_replaces_the_old_file(client, draft, member, django_capture_on_commit_callbacks):
    client.force_login(member)
    client.post(en("project_edit", draft.pk), form_data(pitch_deck=pdf("v1.pdf")))
    draft.refresh_from_db()
    old = Path(draft.pitch_deck.path)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(en("project_edit", draft.pk), form_data(pitch_deck=pdf("v2.pdf", PDF + b"v2")))

    draft.refresh_from_db()
    assert Path(draft.pitch_deck.path).read_bytes() == PDF + b"v2"
    assert not old.exists()


def test_a_submitted_application_is_read_only(client, complete_draft, member):
    complete_draft.status = "submitted"
    complete_draft.save()
    client.force_login(member)

    response = client.get(en("project_edit", complete_draft.pk))
    assert response.url == en("project", complete_draft.pk)
    assert "This application was submitted and can no longer be changed." in flash(response)

    client.post(en("project_edit", complete_draft.pk), form_data(title="Changé après coup"))
    complete_draft.refresh_from_db()
    assert complete_draft.title == "Conserverie solidaire"
    with pytest.raises(ApplicationLocked):
        applications.save_draft(project=complete_draft, by=member, changes={"title": "Changé"})


# --- Submitting -------------------------------------------------------------------------------------------


def test_a_complete_draft_is_submitted_locked_recorded_and_confirmed_by_email(
    client, complete_draft, member, mailoutbox, django_capture_on_commit_callbacks
):
    member.preferred_language = "en"
    member.save()
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(en("project_submit", complete_draft.pk))

    assert response.url == en("project", complete_draft.pk)
    complete_draft.refresh_from_db()
    assert complete_draft.status == "submitted"
    assert complete_draft.submitted_at is not None
    change = StatusChange.objects.get()
    assert (change.from_status, change.to_status, change.changed_by) == ("draft", "submitted", member)
    [email] = mailoutbox
    assert email.to == ["amina@example.org"]
    assert "Your application “Conserverie solidaire” is submitted" in email.subject
    assert f"{settings.SITE_URL}/en/consortium/projects/{complete_draft.pk}/" in email.body
    assert client.get(en("project_edit", complete_draft.pk)).status_code == 302


def test_an_incomplete_draft_is_refused_with_one_message_per_missing_item(client, call, member, mailoutbox):
    project = ProjectFactory(call=call, holder=member, summary="", city="")
    client.force_login(member)

    response = client.post(en("project_submit", project.pk))

    assert response.url == en("project_edit", project.pk)
    [message] = flash(response)
    for item in (
        "Summary",
        "City",
        "At least one sector",
        "At least one team member",
        "Business plan (PDF)",
        "Pitch deck (PDF)",
    ):
        assert item in message
    assert "Title" not in message
    with pytest.raises(ApplicationIncomplete) as error:
        applications.submit(project=project, by=member)
    assert error.value.missing == [
        "Summary",
        "At least one sector",
        "City",
        "At least one team member",
        "Business plan (PDF)",
        "Pitch deck (PDF)",
    ]
    project.refresh_from_db()
    assert project.status == "draft"
    assert not mailoutbox


def test_a_draft_opened_before_closing_time_cannot_be_submitted_after_it(client, complete_draft, member):
    client.force_login(member)
    complete_draft.call.closes_at = timezone.now() - timedelta(seconds=1)
    complete_draft.call.opens_at = timezone.now() - timedelta(days=30)
    complete_draft.call.save()

    response = client.post(en("project_submit", complete_draft.pk))

    assert "This call for projects is closed." in flash(response)
    complete_draft.refresh_from_db()
    assert complete_draft.status == "draft"
    with pytest.raises(CallClosed):
        applications.submit(project=complete_draft, by=member)


def test_save_and_submit_saves_the_changes_first_then_submits(client, complete_draft, member, taxonomies):
    client.force_login(member)
    team = complete_draft.team.get()
    data = form_data(
        title="Titre final",
        sectors=[sector.pk for sector in complete_draft.sectors.all()],
        **{
            "team-TOTAL_FORMS": "3",
            "team-INITIAL_FORMS": "1",
            "team-0-id": team.pk,
            "team-0-project": complete_draft.pk,
            "team-0-name": team.name,
        },
    )

    response = client.post(en("project_save_and_submit", complete_draft.pk), data)

    complete_draft.refresh_from_db()
    assert (complete_draft.title, complete_draft.status) == ("Titre final", "submitted")
    assert response.url == en("project", complete_draft.pk)


def test_save_and_submit_keeps_the_draft_when_something_is_missing(client, draft, member):
    client.force_login(member)

    response = client.post(en("project_save_and_submit", draft.pk), form_data(title="Gardé"))

    assert response.url == en("project_edit", draft.pk)
    messages = flash(response)
    assert "Your draft is saved." in messages
    assert any("Still missing" in message for message in messages)
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Gardé", "draft")


def test_only_the_holder_submits_and_only_once(client, complete_draft, member, other_member):
    client.force_login(other_member)
    assert client.post(en("project_submit", complete_draft.pk)).status_code == 404
    with pytest.raises(applications.NotTheHolder):
        applications.submit(project=complete_draft, by=other_member)

    applications.submit(project=complete_draft, by=member)
    with pytest.raises(ApplicationLocked):
        applications.submit(project=complete_draft, by=member)
    assert StatusChange.objects.count() == 1


def test_submitting_needs_a_post(client, complete_draft, member):
    client.force_login(member)

    assert client.get(en("project_submit", complete_draft.pk)).status_code == 405


# --- Following the project --------------------------------------------------------------------------------


def test_the_holder_sees_their_application_read_only_with_its_documents(client, complete_draft, member):
    complete_draft.status = "submitted"
    complete_draft.save()
    client.force_login(member)

    response = client.get(en("project", complete_draft.pk))

    text = page(response)
    assert "Conserverie solidaire" in text
    assert "Amina El Idrissi" in text
    assert en("application_document", complete_draft.pk, "business_plan") in text
    assert en("project_edit", complete_draft.pk) not in text
    assert "/media/" not in text


def test_a_project_page_is_the_holders_only(client, draft, other_member):
    assert client.get(en("project", draft.pk)).url.startswith(reverse("account_login"))
    client.force_login(other_member)
    assert client.get(en("project", draft.pk)).status_code == 404


def test_an_ineligible_holder_sees_the_reason_and_a_selected_one_the_workspace_link(client, call, member):
    ineligible = ProjectFactory(call=call, holder=member, status="ineligible", screening_reason="Hors corridor")
    selected = ProjectFactory(call=call, holder=member, status="selected")
    client.force_login(member)

    assert "Hors corridor" in page(client.get(en("project", ineligible.pk)))
    assert en("workspace", selected.pk) in page(client.get(en("project", selected.pk)))
    assert en("workspace", ineligible.pk) not in page(client.get(en("project", ineligible.pk)))


def test_my_projects_lists_only_my_own(client, call, member, other_member):
    ProjectFactory(call=call, holder=member, title="Le mien")
    ProjectFactory(call=call, holder=other_member, title="Celui d'un autre")
    client.force_login(member)

    text = page(client.get(en("my_projects")))

    assert "Le mien" in text
    assert "Celui d&#x27;un autre" not in text
    assert client.logout() is None
    assert client.get(en("my_projects")).url.startswith(reverse("account_login"))


@pytest.mark.parametrize("n", [1, 5])
def test_my_projects_runs_the_same_queries_whatever_the_number(client, member, n, django_assert_num_queries):
    for _ in range(n):
        ProjectFactory(holder=member)
    client.force_login(member)

    with django_assert_num_queries(7):
        response = client.get(en("my_projects"))

    assert len(response.context["page_obj"]) == n


# --- Documents --------------------------------------------------------------------------------------------


def test_the_holder_downloads_their_document(client, complete_draft, member):
    client.force_login(member)

    response = client.get(en("application_document", complete_draft.pk, "business_plan"))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    assert "business-plan-conserverie-solidaire.pdf" in response["Content-Disposition"]


def test_documents_are_never_at_a_public_url(client, complete_draft):
    name = complete_draft.business_plan.name

    assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 404
    with pytest.raises(ValueError, match="Private files have no URL"):
        complete_draft.business_plan.url  # noqa: B018


def test_outsiders_anonymous_and_unknown_kinds_get_no_document(client, complete_draft, other_member):
    url = en("application_document", complete_draft.pk, "business_plan")
    assert client.get(url).url.startswith(reverse("account_login"))
    client.force_login(other_member)
    assert status(client, url) == 404
    client.force_login(complete_draft.holder)
    assert status(client, en("application_document", complete_draft.pk, "title")) == 404
    empty = ProjectFactory(holder=complete_draft.holder)
    assert status(client, en("application_document", empty.pk, "pitch_deck")) == 404


def test_staff_and_the_projects_mentors_may_download(client, complete_draft, staff, organiser):
    mentor = UserFactory()
    Mentorship.objects.create(project=complete_draft, mentor=mentor)
    url = en("application_document", complete_draft.pk, "pitch_deck")

    for person in (staff, organiser, mentor):
        client.force_login(person)
        assert status(client, url) == 200


def test_an_assigned_juror_may_download_only_during_the_review_and_not_after_a_conflict(client, complete_draft):
    juror, conflicted = UserFactory(), UserFactory()
    ReviewAssignment.objects.create(project=complete_draft, juror=juror)
    ReviewAssignment.objects.create(project=complete_draft, juror=conflicted, status="conflict")
    url = en("application_document", complete_draft.pk, "business_plan")
    client.force_login(juror)
    assert status(client, url) == 404  # the call is still open: no review yet

    call = complete_draft.call
    now = timezone.now()
    call.opens_at, call.closes_at = now - timedelta(days=30), now - timedelta(days=10)
    call.review_opens_at, call.review_closes_at = now - timedelta(days=1), now + timedelta(days=10)
    call.save()

    assert status(client, url) == 200
    client.force_login(conflicted)
    assert status(client, url) == 404
    client.force_login(UserFactory())
    assert status(client, url) == 404


# --- Dashboard --------------------------------------------------------------------------------------------


def test_the_dashboard_section_lists_my_projects_and_is_hidden_when_there_is_nothing(call, member, other_member):
    ProjectFactory(call=call, holder=member, title="Conserverie")
    request = RequestFactory().get("/")

    request.user = member
    section = consortium_section(request)
    assert [project.title for project in section["projects"]] == ["Conserverie"]
    assert (section["pending_reviews"], section["has_workspaces"]) == (0, False)

    request.user = other_member
    assert consortium_section(request) is None


def test_the_dashboard_shows_pending_reviews_and_workspaces(client, call, member):
    now = timezone.now()
    review_call = CallFactory(
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=10),
        review_opens_at=now - timedelta(days=1),
        review_closes_at=now + timedelta(days=10),
    )
    ReviewAssignment.objects.create(project=ProjectFactory(call=review_call, status="eligible"), juror=member)
    Mentorship.objects.create(project=ProjectFactory(status="accompanied"), mentor=member)
    client.force_login(member)

    with translation.override("en"):
        text = page(client.get(reverse("dashboard")))

    assert "1 application to review" in text
    assert en("jury") in text
    assert en("my_workspaces") in text
