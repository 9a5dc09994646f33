"""The staff dashboard: who may see it, the figures it shows (counted by hand on small datasets), its charts,
the table of projects, the CSV export and its query budget."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from consortium.models import KpiReport, Milestone, Project, StatusChange
from consortium.selectors import stats
from network.models import Sector
from tests.consortium.helpers import csv_rows, en
from tests.factories import CallFactory, MilestoneFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

S = Project.Status
TODAY = timezone.localdate


@pytest.fixture
def call():
    return CallFactory(title="Appel 2026", slug="appel-2026")


@pytest.fixture
def pipeline(call):
    """One project at every step of the pipeline, including two that closed or were abandoned after launching."""
    projects = {status: ProjectFactory(call=call, status=status, title=f"Projet {status}") for status in S.values}
    projects["closed_without_company"] = ProjectFactory(call=call, status=S.CLOSED, title="Projet fermé")
    projects[S.CLOSED].company_created_on = TODAY() - timedelta(days=40)
    projects[S.CLOSED].save()
    abandoned_after_launch = projects[S.ABANDONED]
    StatusChange.objects.create(project=abandoned_after_launch, from_status=S.ACCOMPANIED, to_status=S.LAUNCHED)
    StatusChange.objects.create(project=abandoned_after_launch, from_status=S.LAUNCHED, to_status=S.ABANDONED)
    projects["abandoned_early"] = ProjectFactory(call=call, status=S.ABANDONED, title="Projet abandonné tôt")
    return projects


# Who may see it


def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in (en("dashboard"), en("dashboard_csv")):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response.url


def test_members_who_are_not_staff_get_a_404(client, member):
    client.force_login(member)
    assert client.get(en("dashboard")).status_code == 404
    assert client.get(en("dashboard_csv")).status_code == 404


@pytest.mark.parametrize("persona", ["staff", "organiser"])
def test_staff_and_organisers_see_the_dashboard(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(en("dashboard"))
    assert response.status_code == 200
    assert "Consortium dashboard" in response.content.decode()


# The figures


def test_the_funnel_counts_each_project_at_every_step_it_reached(pipeline):
    figures = stats.funnel(Project.objects.all())
    # 13 projects, 12 not drafts. Eligible: eligible, reserve, not selected and the 7 selected ones (selected,
    # accompanied, launched, both closed, both abandoned). Launched: the launched one, the closed one with a
    # company, and the one abandoned after launching (its history says so).
    assert figures == {"submitted": 12, "eligible": 10, "selected": 7, "launched": 3}


def test_the_funnel_narrows_to_one_call(pipeline):
    ProjectFactory(call=CallFactory(), status=S.SELECTED)
    assert stats.funnel(Project.objects.filter(call=pipeline[S.DRAFT].call))["selected"] == 7
    assert stats.funnel(Project.objects.all())["selected"] == 8


def test_projects_are_counted_by_sector_country_and_corridor(call, taxonomies):
    agrifood, digital = Sector.objects.get(slug="agrifood"), Sector.objects.get(slug="digital")
    first = ProjectFactory(call=call, status=S.SELECTED, country="MA", corridor="ma_be")
    first.sectors.set([agrifood, digital])
    second = ProjectFactory(call=call, status=S.SUBMITTED, country="MA", corridor="both")
    second.sectors.set([agrifood])
    ProjectFactory(call=call, status=S.NOT_SELECTED, country="BE", corridor="be_ma")
    submitted = Project.objects.submitted()
    with translation.override("en"):
        sectors = {group.label: (group.total, group.selected) for group in stats.by_sector(submitted)}
        countries = {group.label: (group.total, group.selected) for group in stats.by_country(submitted)}
        corridors = {group.key: (group.total, group.selected) for group in stats.by_corridor(submitted)}
    assert sectors == {"Agri-food": (2, 1), "Digital and ICT": (1, 1), "Not given": (1, 0)}
    assert countries == {"Morocco": (2, 1), "Belgium": (1, 0)}
    assert corridors == {"be_ma": (1, 0), "ma_be": (1, 1), "both": (1, 0)}


def test_milestones_are_split_into_on_time_late_and_overdue():
    project = ProjectFactory(status=S.ACCOMPANIED)
    today = TODAY()
    done = Milestone.Status.DONE
    MilestoneFactory(
        project=project, status=done, due_on=today - timedelta(days=10), completed_on=today - timedelta(days=12)
    )
    MilestoneFactory(
        project=project, status=done, due_on=today - timedelta(days=10), completed_on=today - timedelta(days=10)
    )
    MilestoneFactory(
        project=project, status=done, due_on=today - timedelta(days=10), completed_on=today - timedelta(days=2)
    )
    MilestoneFactory(project=project, status=Milestone.Status.IN_PROGRESS, due_on=today - timedelta(days=1))
    MilestoneFactory(project=project, due_on=today)
    MilestoneFactory(project=project, due_on=today + timedelta(days=30))
    MilestoneFactory(status=done, due_on=today - timedelta(days=10), completed_on=today)  # another call's project
    timeliness = stats.milestone_timeliness(Project.objects.filter(pk=project.pk))
    assert timeliness == stats.Timeliness(done_on_time=2, done_late=1, overdue=1, open_on_time=2)  # fmt: skip


def test_small_groups_are_merged_under_other_until_other_is_big_enough():
    groups = [stats.Group("a", "A", 5), stats.Group("b", "B", 3), stats.Group("c", "C", 1), stats.Group("", "?", 1)]
    with translation.override("en"):
        merged = stats.suppress_small_groups(groups)
    assert [(g.label, g.total) for g in merged] == [("A", 5), ("Other", 5)]
    groups = [stats.Group("a", "A", 5), stats.Group("b", "B", 4), stats.Group("c", "C", 3)]
    assert [(g.label, g.total) for g in stats.suppress_small_groups(groups)] == [("A", 5), ("B", 4), ("C", 3)]


# The page


def test_the_dashboard_shows_the_funnel_charts_and_the_projects(client, staff, pipeline):
    client.force_login(staff)
    page = client.get(en("dashboard")).content.decode()
    assert "Projet selected" in page
    assert "Projet draft" not in page  # drafts are the holders' work in progress
    assert page.count("<svg") >= 4
    assert "Show the data" in page
    funnel = re.search(r'id="funnel-svg-title".*?</svg>', page, re.DOTALL).group(0)
    assert re.findall(r">\d+<", funnel) == [">12<", ">10<", ">7<", ">3<"]
    assert " style=" not in page  # the CSP forbids inline styles


def test_each_call_links_to_its_board_and_its_ranking(client, staff, call):
    ProjectFactory(call=call, status=S.SUBMITTED)
    ProjectFactory(call=call, status=S.ELIGIBLE)
    other = CallFactory(title="Appel 2025", slug="appel-2025")
    client.force_login(staff)

    text = client.get(en("dashboard")).content.decode()

    for listed in (call, other):
        assert en("call_board", listed.slug) in text
        assert en("ranking", listed.slug) in text
    assert "2 applications · 1 to screen" in " ".join(text.split())


def test_a_project_before_selection_links_to_its_application_page(client, staff, call):
    project = ProjectFactory(call=call, status=S.ELIGIBLE, submitted_at=timezone.now())
    client.force_login(staff)
    assert en("project", project.pk) in client.get(en("dashboard")).content.decode()


def test_the_call_filter_narrows_every_figure_and_the_status_filter_the_table(client, staff, pipeline, call):
    ProjectFactory(call=CallFactory(title="Autre appel"), status=S.SELECTED, title="Projet d'un autre appel")
    client.force_login(staff)
    page = client.get(en("dashboard"), {"call": call.slug}).content.decode()
    assert "Projet d&#x27;un autre appel" not in page
    assert "12 applications" in page
    page = client.get(en("dashboard"), {"call": call.slug, "status": S.LAUNCHED}).content.decode()
    assert "1 application" in page
    assert "Projet launched" in page
    assert "Projet selected" not in page
    # The status does not change the figures: the funnel still counts the whole call.
    assert ">12<" in re.search(r'id="funnel-svg-title".*?</svg>', page, re.DOTALL).group(0)
    unknown = client.get(en("dashboard"), {"call": "no-such-call"})
    assert unknown.status_code == 200
    assert "Select a valid choice" in unknown.content.decode()
    assert "Projet d&#x27;un autre appel" in unknown.content.decode()  # an unknown call narrows nothing


def test_kpi_totals_and_months_appear_on_the_dashboard(client, staff):
    project = ProjectFactory(status=S.ACCOMPANIED)
    KpiReport.objects.create(project=project, period=date(2026, 5, 1), jobs_created=2, investment_mobilised=10000)
    KpiReport.objects.create(project=project, period=date(2026, 6, 1), jobs_created=3, revenue=Decimal("1500.50"))
    client.force_login(staff)
    page = client.get(en("dashboard")).content.decode()
    assert "Jobs created per month" in page
    assert "May 2026" in page
    assert "June 2026" in page
    assert "10,000 €" in page  # investment mobilised, in the KPI cards


# The CSV export


def test_the_csv_has_one_row_per_application_with_its_kpi_totals(client, staff, call):
    holder = UserFactory(first_name="Amina", last_name="Tazi", email="amina.tazi@example.org")
    project = ProjectFactory(call=call, holder=holder, status=S.ACCOMPANIED, title="Conserverie", city="Berkane")
    KpiReport.objects.create(project=project, period=date(2026, 5, 1), jobs_created=2, investment_mobilised=10000)
    KpiReport.objects.create(project=project, period=date(2026, 6, 1), jobs_created=3, partners_found=1)
    MilestoneFactory(project=project, status=Milestone.Status.DONE, completed_on=TODAY())
    MilestoneFactory(project=project, due_on=TODAY() - timedelta(days=3))
    ProjectFactory(call=call, status=S.DRAFT, title="Brouillon")
    ProjectFactory(call=CallFactory(), status=S.SUBMITTED, title="=HYPERLINK(evil)")
    client.force_login(staff)
    with translation.override("en"):
        response = client.get(en("dashboard_csv"), {"call": call.slug})
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    header, lines = rows[0], rows[1:]
    assert len(lines) == 1
    row = dict(zip(header, lines[0], strict=True))
    assert row["Project"] == "Conserverie"
    assert row["Project holder"] == "Amina Tazi"
    assert row["Status"] == "In accompaniment"
    assert (row["Milestones"], row["Milestones done"], row["Milestones overdue"]) == ("2", "1", "1")
    assert row["Last KPI report"] == "2026-06"
    assert row["Jobs created"] == "5"
    assert Decimal(row["Investment mobilised (EUR)"]) == Decimal(10000)
    assert row["Partners found"] == "1"
    assert row["Link"].endswith(en("workspace", project.pk))
    everything = csv_rows(client.get(en("dashboard_csv")))
    assert {line[0] for line in everything[1:]} == {"Conserverie", "'=HYPERLINK(evil)"}


# Query budget


@pytest.mark.parametrize("n", [1, 5])
def test_the_dashboard_runs_a_constant_number_of_queries(client, staff, call, taxonomies, n, django_assert_num_queries):
    sector = Sector.objects.get(slug="agrifood")
    for index in range(n):
        project = ProjectFactory(call=call, status=S.ACCOMPANIED, submitted_at=timezone.now())
        project.sectors.set([sector])
        MilestoneFactory(project=project)
        KpiReport.objects.create(project=project, period=date(2026, 5, 1), jobs_created=index)
        ProjectFactory(call=CallFactory(), status=S.SUBMITTED, submitted_at=timezone.now())  # another call listed
    client.force_login(staff)
    with django_assert_num_queries(19):  # + the staff's two-factor check
        assert client.get(en("dashboard"), {"call": call.slug}).status_code == 200


@pytest.mark.parametrize("n", [1, 5])
def test_the_csv_runs_a_constant_number_of_queries(client, staff, call, taxonomies, n, django_assert_num_queries):
    sector = Sector.objects.get(slug="agrifood")
    for _index in range(n):
        ProjectFactory(call=call, status=S.SUBMITTED, submitted_at=timezone.now()).sectors.set([sector])
    client.force_login(staff)
    with django_assert_num_queries(5):  # + the staff's two-factor check
        assert client.get(en("dashboard_csv")).status_code == 200
