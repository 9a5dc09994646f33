"""The accompaniment workspace: who may open it, and what its people do there (milestones, meetings,
shared documents, needs)."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consortium.models import MentoringMeeting, Mentorship, Milestone, Need, Project, ProjectDocument
from consortium.services import accompaniment
from network.models import HelpType
from tests.consortium.helpers import PDF, en
from tests.factories import ConsortiumMemberFactory, MilestoneFactory, ProjectFactory, UserFactory
from tests.helpers import image_bytes

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def project(member):
    return ProjectFactory(holder=member, status=Project.Status.ACCOMPANIED, title="Conserverie de Berkane")


@pytest.fixture
def mentor(project):
    expert = UserFactory(first_name="Youssef", last_name="Alaoui", email="youssef@example.org")
    Mentorship.objects.create(project=project, mentor=expert, member=ConsortiumMemberFactory())
    return expert


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


# Who may open a workspace


def test_anonymous_visitors_are_sent_to_log_in(client, project):
    for url in (en("my_workspaces"), en("workspace", project.pk)):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_holder_opens_their_workspace(client, member, project):
    MilestoneFactory(project=project, title="Immatriculer la société")
    client.force_login(member)

    response = client.get(en("workspace", project.pk))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Conserverie de Berkane" in page
    assert "Immatriculer la société" in page
    assert "In accompaniment" in page


def test_an_outsider_gets_a_404_for_a_workspace(client, other_member, project):
    client.force_login(other_member)
    assert client.get(en("workspace", project.pk)).status_code == 404


def test_a_holder_sees_only_their_own_workspaces(client, member, other_member, project):
    theirs = ProjectFactory(holder=other_member, status=Project.Status.ACCOMPANIED, title="Le projet de Pieter")
    client.force_login(member)

    page = client.get(en("my_workspaces")).content.decode()

    assert "Conserverie de Berkane" in page
    assert "Le projet de Pieter" not in page
    assert client.get(en("workspace", theirs.pk)).status_code == 404


def test_a_project_not_selected_has_no_workspace(client, member):
    draft = ProjectFactory(holder=member, status=Project.Status.SUBMITTED)
    client.force_login(member)
    assert client.get(en("workspace", draft.pk)).status_code == 404


def test_a_mentor_sees_only_the_workspaces_assigned_to_them(client, project, mentor):
    other = ProjectFactory(status=Project.Status.ACCOMPANIED, title="Un autre projet accompagné")
    client.force_login(mentor)

    listing = client.get(en("my_workspaces")).content.decode()
    assert "Conserverie de Berkane" in listing
    assert "You mentor Amina El Idrissi" in listing
    assert "Un autre projet accompagné" not in listing
    assert client.get(en("workspace", project.pk)).status_code == 200
    assert client.get(en("workspace", other.pk)).status_code == 404


def test_an_unassigned_mentor_loses_access(client, project, mentor, staff):
    accompaniment.unassign_mentor(project=project, mentor=mentor, by=staff)
    client.force_login(mentor)
    assert client.get(en("workspace", project.pk)).status_code == 404


def test_staff_see_every_workspace_and_filter_them_by_status(client, staff, project):
    launched = ProjectFactory(status=Project.Status.LAUNCHED, title="Export de safran")
    ProjectFactory(status=Project.Status.SUBMITTED, title="Candidature en cours")
    client.force_login(staff)

    page = client.get(en("my_workspaces")).content.decode()
    assert "Conserverie de Berkane" in page
    assert "Export de safran" in page
    assert "Candidature en cours" not in page

    filtered = client.get(en("my_workspaces"), {"status": "launched"}).content.decode()
    assert "Export de safran" in filtered
    assert "Conserverie de Berkane" not in filtered
    assert client.get(en("workspace", launched.pk)).status_code == 200


def test_the_list_shows_the_next_milestone_and_how_many_are_late(client, member, project):
    MilestoneFactory(project=project, title="Étude de marché", due_on=TODAY() - timedelta(days=3))
    MilestoneFactory(project=project, title="Statuts", due_on=TODAY() - timedelta(days=1))
    MilestoneFactory(project=project, title="Fait", due_on=TODAY() - timedelta(days=9), status="done")
    MilestoneFactory(project=project, title="Premier client", due_on=TODAY() + timedelta(days=4))
    MilestoneFactory(project=project, title="Levée de fonds", due_on=TODAY() + timedelta(days=40))
    client.force_login(member)

    page = client.get(en("my_workspaces")).content.decode()

    assert "Next milestone: Premier client" in page
    assert "2 late milestones" in page


# Milestones


def test_a_mentor_adds_a_milestone_and_the_holder_marks_it_done(client, member, project, mentor):
    client.force_login(mentor)
    due = TODAY() + timedelta(days=14)
    response = client.post(
        en("milestone_create", project.pk), {"title": "Ouvrir un compte bancaire", "due_on": due.isoformat()}
    )
    milestone = Milestone.objects.get()
    assert response["Location"] == en("workspace", project.pk) + "#milestones"
    assert (milestone.title, milestone.due_on, milestone.created_by) == ("Ouvrir un compte bancaire", due, mentor)

    client.force_login(member)
    response = client.post(
        en("milestone_update", milestone.pk),
        {"status": "done", "evidence": "Attestation de la banque", "evidence_file": SimpleUploadedFile("a.pdf", PDF)},
    )

    milestone.refresh_from_db()
    assert response.status_code == 302
    assert milestone.status == Milestone.Status.DONE
    assert milestone.completed_on == TODAY()
    assert milestone.evidence == "Attestation de la banque"
    assert milestone.evidence_file.name.endswith(".pdf")
    page = client.get(en("workspace", project.pk)).content.decode()
    assert "Attestation de la banque" in page
    assert "/media/" not in page


def test_a_milestone_cannot_be_due_in_the_past_and_the_form_keeps_the_input(client, member, project):
    client.force_login(member)
    response = client.post(
        en("milestone_create", project.pk),
        {"title": "Trouver un local", "due_on": (TODAY() - timedelta(days=1)).isoformat()},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The due date must be today or later." in page
    assert 'value="Trouver un local"' in page
    assert not Milestone.objects.exists()


def test_late_milestones_are_highlighted(client, member, project):
    MilestoneFactory(project=project, title="En retard", due_on=TODAY() - timedelta(days=2))
    MilestoneFactory(project=project, title="Fait en retard", due_on=TODAY() - timedelta(days=2), status="done")
    client.force_login(member)

    response = client.get(en("workspace", project.pk))

    assert response.context["late_count"] == 1
    late = [milestone.title for milestone in response.context["milestones"] if milestone.is_overdue]
    assert late == ["En retard"]
    assert "milestone-late" in response.content.decode()


def test_overdue_is_one_rule_for_a_milestone_and_for_a_query(project):
    yesterday, tomorrow = TODAY() - timedelta(days=1), TODAY() + timedelta(days=1)
    late = MilestoneFactory(project=project, due_on=yesterday, status="in_progress")
    due_today = MilestoneFactory(project=project, due_on=TODAY())
    done_late = MilestoneFactory(project=project, due_on=yesterday, status="done", completed_on=TODAY())
    done_early = MilestoneFactory(project=project, due_on=tomorrow, status="done", completed_on=TODAY())
    milestones = [late, due_today, done_late, done_early]

    assert [m for m in milestones if m.is_overdue] == list(Milestone.objects.overdue()) == [late]
    assert set(Milestone.objects.upcoming()) == {due_today}
    assert set(Milestone.objects.done_late()) == {done_late}
    assert set(Milestone.objects.pending()) == {late, due_today}


def test_reopening_a_done_milestone_clears_its_completion_date(member, project):
    milestone = MilestoneFactory(project=project)
    accompaniment.mark_milestone_done(milestone=milestone, by=member)
    milestone = accompaniment.update_milestone(milestone=milestone, status="in_progress", by=member)
    assert (milestone.status, milestone.completed_on) == ("in_progress", None)


def test_the_evidence_file_is_served_only_to_the_workspace(client, member, other_member, project):
    milestone = MilestoneFactory(project=project)
    accompaniment.mark_milestone_done(
        milestone=milestone, by=member, evidence_file=SimpleUploadedFile("preuve.pdf", PDF)
    )
    url = en("milestone_evidence", milestone.pk)

    client.force_login(other_member)
    assert client.get(url).status_code == 404
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    response.close()


def test_outsiders_cannot_touch_a_milestone(client, other_member, project):
    milestone = MilestoneFactory(project=project)
    client.force_login(other_member)
    assert client.post(en("milestone_update", milestone.pk), {"status": "done"}).status_code == 404
    assert client.post(en("milestone_create", project.pk), {"title": "x", "due_on": "2099-01-01"}).status_code == 404
    milestone.refresh_from_db()
    assert milestone.status == Milestone.Status.PLANNED


# Meetings


def test_meetings_are_logged_and_listed_newest_first(client, member, project, mentor):
    client.force_login(mentor)
    for days_ago, notes in ((10, "Premier rendez-vous"), (2, "Revue du **plan financier**")):
        client.post(
            en("meeting_create", project.pk),
            {
                "held_on": (TODAY() - timedelta(days=days_ago)).isoformat(),
                "participants": "Amina, Youssef",
                "notes": notes,
                "next_steps": "Envoyer le prévisionnel",
            },
        )
    assert MentoringMeeting.objects.count() == 2

    client.force_login(member)
    page = client.get(en("workspace", project.pk)).content.decode()
    assert page.index("plan financier") < page.index("Premier rendez-vous")
    assert "<strong>plan financier</strong>" in page
    assert "Envoyer le prévisionnel" in page


def test_a_meeting_cannot_be_logged_in_the_future(client, mentor, project):
    client.force_login(mentor)
    response = client.post(
        en("meeting_create", project.pk),
        {"held_on": (TODAY() + timedelta(days=1)).isoformat(), "participants": "Amina", "notes": "Prévu"},
    )
    assert response.status_code == 200
    assert "Log a meeting once it has taken place." in response.content.decode()
    assert not MentoringMeeting.objects.exists()


# Shared documents


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("plan.pdf", PDF, ".pdf"),
        ("budget.docx", docx_bytes(), ".docx"),
        ("photo.png", image_bytes(size=(40, 30)), ".png"),
    ],
)
def test_documents_are_shared_privately_by_their_content(client, member, project, name, content, extension):
    client.force_login(member)
    response = client.post(
        en("document_upload", project.pk), {"title": "Prévisionnel", "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 302
    document = ProjectDocument.objects.get()
    assert document.file.name.endswith(extension)
    assert document.uploaded_by == member

    page = client.get(en("workspace", project.pk)).content.decode()
    assert en("document_download", document.pk) in page
    assert "/media/" not in page
    download = client.get(en("document_download", document.pk))
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    download.close()


def test_a_document_is_checked_by_its_content_not_its_name(client, member, project):
    client.force_login(member)
    response = client.post(
        en("document_upload", project.pk),
        {"title": "Faux PDF", "file": SimpleUploadedFile("plan.pdf", b"<html><script>alert(1)</script></html>")},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Upload a PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG" in page
    assert 'value="Faux PDF"' in page
    assert not ProjectDocument.objects.exists()


def test_a_document_is_never_served_to_an_outsider_nor_anonymously(client, member, other_member, project):
    document = accompaniment.share_document(
        project=project, title="Statuts", file=SimpleUploadedFile("statuts.pdf", PDF), by=member
    )
    url = en("document_download", document.pk)
    assert client.get(url).status_code == 302
    client.force_login(other_member)
    assert client.get(url).status_code == 404
    with pytest.raises(ValueError, match="Private files have no URL"):
        document.file.url  # noqa: B018 (the storage refuses to give one)


# Needs


def test_needs_are_added_then_marked_met(client, member, project, taxonomies):
    financing = HelpType.objects.get(slug="financing")
    client.force_login(member)
    client.post(en("needs", project.pk), {"description": "Un prêt d’honneur", "help_type": financing.pk})
    need = Need.objects.get()
    assert (need.description, need.help_type, need.is_open) == ("Un prêt d’honneur", financing, True)
    assert "Un prêt d’honneur" in client.get(en("workspace", project.pk)).content.decode()

    client.post(en("need_met", project.pk), {"need": need.pk})
    need.refresh_from_db()
    assert (need.is_open, need.met_on) == (False, TODAY())


def test_a_need_of_another_project_cannot_be_marked_met(client, member, project):
    elsewhere = Need.objects.create(project=ProjectFactory(status="accompanied"), description="Ailleurs")
    client.force_login(member)
    assert client.post(en("need_met", project.pk), {"need": elsewhere.pk}).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.is_open


# An archived workspace


def test_a_closed_project_keeps_a_read_only_workspace(client, member):
    closed = ProjectFactory(holder=member, status=Project.Status.CLOSED)
    client.force_login(member)

    page = client.get(en("workspace", closed.pk)).content.decode()
    assert "This workspace is archived" in page
    assert en("milestone_create", closed.pk) not in page

    response = client.post(
        en("milestone_create", closed.pk), {"title": "Trop tard", "due_on": (TODAY() + timedelta(days=3)).isoformat()}
    )
    assert response.status_code == 200
    assert "no longer changed" in response.content.decode()
    assert not Milestone.objects.exists()


# Query budgets


@pytest.mark.parametrize("n", [1, 5])
def test_the_workspace_page_runs_the_same_queries_for_1_or_5_of_everything(
    client, member, project, taxonomies, django_assert_num_queries, n
):
    for i in range(n):
        MilestoneFactory(project=project, due_on=TODAY() + timedelta(days=i - 2), evidence=f"preuve {i}")
        MentoringMeeting.objects.create(project=project, held_on=TODAY(), participants="A, B", notes=f"n {i}")
        ProjectDocument.objects.create(project=project, title=f"Doc {i}", file=f"consortium/documents/d{i}.pdf")
        Need.objects.create(project=project, description=f"Besoin {i}", help_type=HelpType.objects.first())
        Mentorship.objects.create(project=project, mentor=UserFactory(), member=ConsortiumMemberFactory())
        month = TODAY().replace(day=1)
        for _step in range(i):
            month = (month - timedelta(days=1)).replace(day=1)
        project.kpi_reports.create(period=month, jobs_created=i)
    UserFactory.create_batch(n, is_staff=True)
    client.force_login(member)
    client.get(en("workspace", project.pk))

    with django_assert_num_queries(17):
        response = client.get(en("workspace", project.pk))
    assert len(response.context["milestones"]) == n
    assert len(response.context["kpi_reports"]) == n


@pytest.mark.parametrize("n", [1, 5])
def test_my_workspaces_runs_the_same_queries_for_1_or_5_workspaces(client, django_assert_num_queries, n):
    mentor = UserFactory()
    for _i in range(n):
        project = ProjectFactory(status=Project.Status.ACCOMPANIED)
        Mentorship.objects.create(project=project, mentor=mentor)
        MilestoneFactory(project=project, due_on=TODAY() - timedelta(days=1))
        MilestoneFactory(project=project, due_on=TODAY() + timedelta(days=5))
    client.force_login(mentor)
    client.get(en("my_workspaces"))

    # session, member, staff check (once per request), count, the page (annotated), unread badge, subnav permissions ×2
    with django_assert_num_queries(8):
        response = client.get(en("my_workspaces"))
    assert len(response.context["page_obj"]) == n


@pytest.mark.parametrize("n", [1, 5])
def test_staffs_list_of_workspaces_runs_the_same_queries_for_1_or_5(client, staff, django_assert_num_queries, n):
    for _i in range(n):
        MilestoneFactory(project=ProjectFactory(status=Project.Status.LAUNCHED), due_on=TODAY() + timedelta(days=5))
    client.force_login(staff)
    client.get(en("my_workspaces"))

    with django_assert_num_queries(7):  # + the staff's two-factor check
        response = client.get(en("my_workspaces"))
    assert len(response.context["page_obj"]) == n
