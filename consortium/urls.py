from django.urls import path

from consortium.views import applications, dashboard, jury, lifecycle, public, staff, workspace

app_name = "consortium"

urlpatterns = [
    # Public pages
    path("", public.home, name="home"),
    path("members/", public.member_list, name="members"),
    path("calls/", public.call_list, name="calls"),
    path("calls/<slug:slug>/", public.call_detail, name="call"),
    path("impact/", public.impact, name="impact"),
    # Project holders
    path("calls/<slug:slug>/apply/", applications.start, name="apply"),
    path("projects/", applications.my_projects, name="my_projects"),
    path("projects/<int:project_id>/", applications.project_detail, name="project"),
    path("projects/<int:project_id>/edit/", applications.edit, name="project_edit"),
    path("projects/<int:project_id>/edit/submit/", applications.save_and_submit, name="project_save_and_submit"),
    path("projects/<int:project_id>/submit/", applications.submit, name="project_submit"),
    path(
        "projects/<int:project_id>/documents/<slug:kind>/",
        applications.application_document,
        name="application_document",
    ),
    # Jury
    path("jury/", jury.assignments, name="jury"),
    path("jury/<int:assignment_id>/", jury.review, name="review"),
    path("jury/<int:assignment_id>/submit/", jury.submit_review, name="review_submit"),
    path("jury/<int:assignment_id>/conflict/", jury.declare_conflict, name="review_conflict"),
    # Staff: screening, jury follow-up, ranking and selection
    path("staff/calls/<slug:slug>/", staff.call_board, name="call_board"),
    path("staff/calls/<slug:slug>/assign/", staff.assign_jurors, name="assign_jurors"),
    path("staff/calls/<slug:slug>/ranking/", staff.ranking, name="ranking"),
    path("staff/calls/<slug:slug>/select/", staff.select, name="select"),
    path("staff/calls/<slug:slug>/promote/", staff.promote, name="promote_reserve"),
    path("staff/projects/<int:project_id>/screen/", staff.screen, name="screen"),
    # Accompaniment workspaces
    path("workspaces/", workspace.my_workspaces, name="my_workspaces"),
    path("workspaces/<int:project_id>/", workspace.workspace, name="workspace"),
    path("workspaces/<int:project_id>/milestones/new/", workspace.milestone_create, name="milestone_create"),
    path("workspaces/milestones/<int:milestone_id>/", workspace.milestone_update, name="milestone_update"),
    path("workspaces/milestones/<int:milestone_id>/evidence/", workspace.milestone_evidence, name="milestone_evidence"),
    path("workspaces/<int:project_id>/meetings/new/", workspace.meeting_create, name="meeting_create"),
    path("workspaces/<int:project_id>/documents/", workspace.document_upload, name="document_upload"),
    path("workspaces/documents/<int:document_id>/", workspace.document_download, name="document_download"),
    path("workspaces/<int:project_id>/needs/", workspace.needs, name="needs"),
    path("workspaces/<int:project_id>/needs/met/", workspace.need_met, name="need_met"),
    path("workspaces/<int:project_id>/kpis/", workspace.kpi_report, name="kpi_report"),
    path("workspaces/<int:project_id>/status/", lifecycle.change_status, name="project_status"),
    path("workspaces/<int:project_id>/mentors/", lifecycle.mentors, name="mentors"),
    path("workspaces/<int:project_id>/mentors/assign/", lifecycle.assign_mentor, name="mentor_assign"),
    path("workspaces/<int:project_id>/mentors/unassign/", lifecycle.unassign_mentor, name="mentor_unassign"),
    # Staff dashboard
    path("staff/dashboard/", dashboard.staff_dashboard, name="dashboard"),
    path("staff/dashboard.csv", dashboard.export_csv, name="dashboard_csv"),
]
