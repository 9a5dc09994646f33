"""The consortium in the organisers' console: every page opens, statuses are read-only, private files are only
linked through the permission-checking views, a new call gets the default grid, and the lists stay cheap."""

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from consortium.models import (
    AssistanceService,
    Call,
    KpiReport,
    MentoringMeeting,
    Milestone,
    Need,
    Project,
    ProjectDocument,
    ReviewAssignment,
    Score,
    StatusChange,
)
from tests.consortium.helpers import PDF, csv_rows
from tests.factories import (
    CallFactory,
    ConsortiumMemberFactory,
    CriterionFactory,
    MilestoneFactory,
    ProjectFactory,
    UserFactory,
)
from tests.helpers import english_url

pytestmark = pytest.mark.django_db

S = Project.Status


@pytest.fixture
def project():
    project = ProjectFactory(status=S.ACCOMPANIED, title="Conserverie de Berkane")
    project.business_plan.save("plan.pdf", ContentFile(PDF))
    StatusChange.objects.create(project=project, from_status=S.SELECTED, to_status=S.ACCOMPANIED, note="Lancement")
    juror = UserFactory(email="juror@example.org")
    assignment = ReviewAssignment.objects.create(project=project, juror=juror, status="submitted")
    Score.objects.create(assignment=assignment, criterion=CriterionFactory(call=project.call), value=7)
    project.team.create(name="Amina El Idrissi", role="Fondatrice", is_shareholder=True)
    MilestoneFactory(project=project, title="Immatriculation")
    MentoringMeeting.objects.create(project=project, held_on=date(2026, 5, 4), participants="Amina, Pieter", notes="…")
    Need.objects.create(project=project, description="Trouver un distributeur")
    KpiReport.objects.create(project=project, period=date(2026, 5, 1), jobs_created=2, investment_mobilised=5000)
    ProjectDocument.objects.create(project=project, title="Statuts", file=ContentFile(PDF, name="statuts.pdf"))
    return project


def test_every_consortium_admin_list_and_page_opens(admin_client_with_mfa, project):
    ConsortiumMemberFactory().services.set(AssistanceService.objects.all()[:2])
    objects = [
        project,
        project.call,
        project.milestones.first(),
        project.meetings.first(),
        project.needs.first(),
        project.kpi_reports.first(),
        project.documents.first(),
        project.assignments.first(),
        Score.objects.first(),
        AssistanceService.objects.first(),
    ]
    for obj in objects:
        opts = obj._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert admin_client_with_mfa.get(changelist).status_code == 200, changelist
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        assert admin_client_with_mfa.get(change).status_code == 200, change
    member_list = admin_client_with_mfa.get(reverse("admin:consortium_consortiummember_changelist"))
    assert member_list.status_code == 200
    for name in ("call", "consortiummember", "milestone", "assistanceservice"):
        assert admin_client_with_mfa.get(reverse(f"admin:consortium_{name}_add")).status_code == 200


def test_a_project_status_is_read_only_and_its_history_team_and_reviews_are_shown(admin_client_with_mfa, project):
    page = admin_client_with_mfa.get(reverse("admin:consortium_project_change", args=[project.pk])).content.decode()
    assert 'name="status"' not in page
    assert "In accompaniment" in page or "En accompagnement" in page
    assert "Lancement" in page  # the history's note
    assert "Amina El Idrissi" in page  # the team
    assert "juror@example.org" in page or str(project.assignments.first().juror) in page
    assert reverse("consortium:workspace", args=[project.pk]) in page
    assert reverse("consortium:application_document", args=[project.pk, "business_plan"]) in page
    assert project.business_plan.name not in page  # no storage path, let alone a file URL
    assert reverse("admin:consortium_project_add") not in page


def test_saving_a_project_in_the_admin_keeps_its_status(admin_client_with_mfa, project, taxonomies):
    url = reverse("admin:consortium_project_change", args=[project.pk])
    data = {
        "title": "Conserverie solidaire de Berkane",
        "summary": project.summary,
        "description": project.description,
        "city": "Berkane",
        "country": "MA",
        "corridor": "ma_be",
        "stage": "prototype",
        "funding_needed": "45000",
        "funding_currency": "EUR",
        "jobs_expected": "6",
        "status": S.CLOSED,  # ignored: the field is read-only
    }
    for prefix in ("team", "history", "assignments", "mentorships"):
        count = {"team": 1, "history": 1, "assignments": 1, "mentorships": 0}[prefix]
        data |= {f"{prefix}-TOTAL_FORMS": count, f"{prefix}-INITIAL_FORMS": count, f"{prefix}-MAX_NUM_FORMS": 1000}
    response = admin_client_with_mfa.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    project.refresh_from_db()
    assert project.title == "Conserverie solidaire de Berkane"
    assert project.status == S.ACCOMPANIED
    assert project.history.count() == 1


def test_shared_documents_link_to_the_checked_download_view(admin_client_with_mfa, project):
    document = project.documents.get()
    page = admin_client_with_mfa.get(reverse("admin:consortium_projectdocument_changelist")).content.decode()
    assert reverse("consortium:document_download", args=[document.pk]) in page
    assert document.file.name not in page


def test_milestone_evidence_links_to_the_checked_download_view(admin_client_with_mfa, project):
    milestone = project.milestones.get()
    milestone.evidence_file.save("preuve.pdf", ContentFile(PDF))
    page = admin_client_with_mfa.get(reverse("admin:consortium_milestone_change", args=[milestone.pk])).content.decode()
    assert reverse("consortium:milestone_evidence", args=[milestone.pk]) in page
    assert milestone.evidence_file.name not in page


def test_a_new_call_without_criteria_gets_the_default_grid(admin_client_with_mfa):
    now = timezone.now()
    fmt = "%Y-%m-%d"
    data = {
        "title": "Appel 2027",
        "slug": "appel-2027",
        "summary": "Trente projets accompagnés.",
        "languages": ["fr", "ar"],
        "opens_at_0": (now + timedelta(days=1)).strftime(fmt),
        "opens_at_1": "09:00:00",
        "closes_at_0": (now + timedelta(days=30)).strftime(fmt),
        "closes_at_1": "18:00:00",
        "review_opens_at_0": (now + timedelta(days=35)).strftime(fmt),
        "review_opens_at_1": "09:00:00",
        "review_closes_at_0": (now + timedelta(days=50)).strftime(fmt),
        "review_closes_at_1": "18:00:00",
        "places": "30",
        "disagreement_threshold": "15",
        "criteria-TOTAL_FORMS": "0",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    response = admin_client_with_mfa.post(reverse("admin:consortium_call_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    call = Call.objects.get(slug="appel-2027")
    assert call.languages == ["fr", "ar"]
    assert call.criteria.count() == 4
    assert sorted(call.criteria.values_list("weight", flat=True)) == [20, 20, 20, 40]


def test_the_grid_is_frozen_once_a_juror_has_scored(admin_client_with_mfa, project):
    page = admin_client_with_mfa.get(reverse("admin:consortium_call_change", args=[project.call.pk])).content.decode()
    assert 'name="criteria-0-weight"' not in page
    fresh = CallFactory()
    CriterionFactory(call=fresh)
    page = admin_client_with_mfa.get(reverse("admin:consortium_call_change", args=[fresh.pk])).content.decode()
    assert 'name="criteria-0-weight"' in page


def test_reviews_are_read_only_and_only_pending_ones_can_be_removed(admin_client_with_mfa, project):
    assignment = project.assignments.get()
    page = admin_client_with_mfa.get(reverse("admin:consortium_reviewassignment_change", args=[assignment.pk]))
    assert 'name="status"' not in page.content.decode()
    delete = reverse("admin:consortium_reviewassignment_delete", args=[assignment.pk])
    assert admin_client_with_mfa.get(delete).status_code == 403
    pending = ReviewAssignment.objects.create(project=project, juror=UserFactory())
    assert (
        admin_client_with_mfa.get(reverse("admin:consortium_reviewassignment_delete", args=[pending.pk])).status_code
        == 200
    )


def test_kpi_reports_export_as_csv(admin_client_with_mfa, project):
    report = project.kpi_reports.get()
    response = admin_client_with_mfa.post(
        reverse("admin:consortium_kpireport_changelist"), {"action": "export_csv", "_selected_action": [report.pk]}
    )
    rows = csv_rows(response)
    assert len(rows) == 2
    assert rows[1][0] == "Conserverie de Berkane"
    assert rows[1][2] == "2026-05"
    assert rows[1][4] == "2"


def test_milestone_status_is_read_only_in_the_admin(admin_client_with_mfa, project):
    milestone = project.milestones.get()
    page = admin_client_with_mfa.get(reverse("admin:consortium_milestone_change", args=[milestone.pk])).content.decode()
    assert 'name="status"' not in page
    assert 'name="due_on"' in page
    assert str(Milestone.Status.PLANNED.label) in page


@pytest.mark.parametrize("n", [1, 5])
def test_the_project_list_runs_a_constant_number_of_queries(admin_client_with_mfa, n, django_assert_num_queries):
    call = CallFactory()
    for _index in range(n):
        ProjectFactory(call=call, status=S.SUBMITTED, submitted_at=timezone.now())
    with django_assert_num_queries(11):
        assert admin_client_with_mfa.get(reverse("admin:consortium_project_changelist")).status_code == 200


# Writes with a rule go through the workspace's services


@pytest.fixture
def root(admin_client_with_mfa):
    """The superuser signed in by ``admin_client_with_mfa``."""
    return admin_client_with_mfa.get(reverse("admin:index")).wsgi_request.user


def test_a_milestone_added_in_the_admin_is_refused_for_a_closed_project(admin_client_with_mfa, root):
    open_project = ProjectFactory(status=S.ACCOMPANIED)
    closed = ProjectFactory(status=S.CLOSED)
    due_on = (timezone.localdate() + timedelta(days=10)).isoformat()
    add = english_url("admin:consortium_milestone_add")

    refused = admin_client_with_mfa.post(add, {"project": closed.pk, "title": "Trop tard", "due_on": due_on})
    assert refused.status_code == 200
    assert "no longer changed" in refused.content.decode()
    assert not Milestone.objects.exists()

    response = admin_client_with_mfa.post(add, {"project": open_project.pk, "title": " Export ", "due_on": due_on})
    assert response.status_code == 302
    milestone = Milestone.objects.get()
    assert (milestone.project, milestone.title, milestone.created_by) == (open_project, "Export", root)


def test_a_meeting_logged_in_the_admin_cannot_be_in_the_future(admin_client_with_mfa, root, project):
    add = english_url("admin:consortium_mentoringmeeting_add")
    data = {"project": project.pk, "participants": "Amina, Pieter", "notes": "Plan de financement"}
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    refused = admin_client_with_mfa.post(add, data | {"held_on": tomorrow})
    assert refused.status_code == 200
    assert "cannot be in the future" in refused.content.decode()

    response = admin_client_with_mfa.post(add, data | {"held_on": timezone.localdate().isoformat()})
    assert response.status_code == 302
    meeting = project.meetings.get(notes="Plan de financement")
    assert meeting.author == root


def test_a_need_is_met_in_the_admin_with_its_date(admin_client_with_mfa, project):
    need = project.needs.get()
    page = admin_client_with_mfa.get(reverse("admin:consortium_need_change", args=[need.pk])).content.decode()
    assert 'name="is_open"' not in page

    admin_client_with_mfa.post(
        reverse("admin:consortium_need_changelist"), {"action": "mark_met", "_selected_action": [need.pk]}
    )

    need.refresh_from_db()
    assert (need.is_open, need.met_on) == (False, timezone.localdate())


def test_a_kpi_report_saved_in_the_admin_is_checked_like_the_workspaces(admin_client_with_mfa, root, project):
    add = english_url("admin:consortium_kpireport_add")
    figures = {"investment_mobilised": "1000", "jobs_created": "1", "revenue": "0", "partners_found": "0"}
    next_month = (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(day=1)

    refused = admin_client_with_mfa.post(add, figures | {"project": project.pk, "period": next_month.isoformat()})
    assert refused.status_code == 200
    assert "has not started yet" in refused.content.decode()
    closed = ProjectFactory(status=S.CLOSED)
    this_month = timezone.localdate().replace(day=1).isoformat()
    refused = admin_client_with_mfa.post(add, figures | {"project": closed.pk, "period": this_month})
    assert "no longer reports KPIs" in refused.content.decode()

    response = admin_client_with_mfa.post(add, figures | {"project": project.pk, "period": this_month})
    assert response.status_code == 302
    report = project.kpi_reports.get(period=this_month)
    assert (report.investment_mobilised, report.jobs_created, report.submitted_by) == (1000, 1, root)
