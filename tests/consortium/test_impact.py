"""The public impact page: totals only, no project, no person, no group small enough to single a project out."""

from datetime import date

import pytest

from consortium.models import KpiReport, Project
from network.models import Sector
from tests.consortium.helpers import en
from tests.factories import CallFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

S = Project.Status


def projects_in(sector_slug, count, **fields):
    sector = Sector.objects.get(slug=sector_slug)
    projects = []
    for index in range(count):
        project = ProjectFactory(title=f"Projet {sector_slug} {index}", **fields)
        project.sectors.set([sector])
        projects.append(project)
    return projects


@pytest.fixture
def call():
    return CallFactory()


def test_anyone_can_read_the_impact_page(client, member):
    assert client.get(en("impact")).status_code == 200
    client.force_login(member)
    assert client.get(en("impact")).status_code == 200


def test_the_page_shows_totals_and_never_a_project_or_a_person(client, call, taxonomies):
    holder = UserFactory(first_name="Salma", last_name="Bennani")
    selected = projects_in("agrifood", 3, call=call, status=S.ACCOMPANIED, holder=holder)
    projects_in("digital", 3, call=call, status=S.NOT_SELECTED)
    ProjectFactory(call=call, status=S.DRAFT, title="Brouillon secret")
    for index, project in enumerate(selected):
        KpiReport.objects.create(
            project=project, period=date(2026, 5, 1), jobs_created=index + 1, investment_mobilised=1000 * (index + 1)
        )
    page = client.get(en("impact")).content.decode()
    assert "applications submitted" in page
    assert ">6<" in page  # submitted
    assert ">3<" in page  # selected
    assert "6,000 €" in page  # investment mobilised: 1,000 + 2,000 + 3,000
    assert "Agri-food" in page
    for project in Project.objects.all():
        assert project.title not in page
    assert "Bennani" not in page
    assert " style=" not in page


def test_sectors_with_fewer_than_three_applications_are_shown_as_other(client, call, taxonomies):
    projects_in("agrifood", 4, call=call, status=S.SUBMITTED)
    projects_in("digital", 3, call=call, status=S.SUBMITTED)
    projects_in("tourism", 2, call=call, status=S.SUBMITTED)
    projects_in("health", 1, call=call, status=S.SUBMITTED)
    page = client.get(en("impact")).content.decode()
    assert "Agri-food" in page
    assert "Digital and ICT" in page
    assert "Tourism and hospitality" not in page
    assert "Health and pharma" not in page
    assert '<th scope="row" class="fw-normal">Other</th><td class="text-end">3</td>' in page


def test_the_results_wait_until_three_projects_report(client, call):
    project = ProjectFactory(call=call, status=S.ACCOMPANIED)
    KpiReport.objects.create(project=project, period=date(2026, 5, 1), jobs_created=4, investment_mobilised=98765)
    page = client.get(en("impact")).content.decode()
    assert "98,765" not in page
    assert "once at least 3 projects report" in page


def test_the_figures_are_cached_for_a_while(client, call, django_assert_max_num_queries):
    ProjectFactory(call=call, status=S.SUBMITTED)
    assert '<dd class="display-6 fw-semibold mb-0 text-primary">1</dd>' in client.get(en("impact")).content.decode()
    ProjectFactory(call=call, status=S.SUBMITTED)
    with django_assert_max_num_queries(1):  # the messages count of the navbar at most: no figure is recomputed
        page = client.get(en("impact")).content.decode()
    assert '<dd class="display-6 fw-semibold mb-0 text-primary">1</dd>' in page
