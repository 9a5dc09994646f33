"""Impact KPIs: monthly reports (flows), their validation, and the totals across projects."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from consortium.models import KpiReport, Mentorship, Project
from consortium.selectors import kpis as kpi_figures
from consortium.services import kpis
from tests.consortium.helpers import en
from tests.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

THIS_MONTH = timezone.localdate().replace(day=1)
LAST_MONTH = kpi_figures.add_months(THIS_MONTH, -1)


@pytest.fixture
def project(member):
    return ProjectFactory(holder=member, status=Project.Status.ACCOMPANIED)


def figures(**overrides):
    values = {"investment_mobilised": "15000", "jobs_created": 2, "revenue": "3200.50", "partners_found": 1}
    return values | overrides


# Reporting


def test_a_month_is_reported_once_and_reporting_it_again_replaces_it(member, project):
    kpis.submit_kpi_report(project=project, period=LAST_MONTH, values=figures(), by=member)
    report = kpis.submit_kpi_report(project=project, period=LAST_MONTH, values=figures(jobs_created=3), by=member)

    assert KpiReport.objects.count() == 1
    report.refresh_from_db()
    assert (report.investment_mobilised, report.jobs_created, report.revenue, report.partners_found) == (
        Decimal("15000.00"),
        3,
        Decimal("3200.50"),
        1,
    )


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (figures(jobs_created=-1), "Figures cannot be negative."),
        (figures(revenue="-0.01"), "Figures cannot be negative."),
        (figures(investment_mobilised="beaucoup"), "Every figure must be a number."),
        (figures(revenue="NaN"), "Every figure must be a number."),
        (figures(investment_mobilised="1e15"), "This figure is too large."),
        (figures(company_created=True), "Give the date the company was created."),
        (
            # Two days ahead: the date is taken when pytest collects, and a run may cross midnight.
            figures(company_created=True, company_created_on=timezone.localdate() + timedelta(days=2)),
            "The company's creation date cannot be in the future.",
        ),
    ],
)
def test_invalid_figures_are_refused(member, project, values, message):
    with translation.override("en"), pytest.raises(kpis.InvalidKpiReport, match=message):
        kpis.submit_kpi_report(project=project, period=LAST_MONTH, values=values, by=member)
    assert not KpiReport.objects.exists()


def test_a_month_that_has_not_started_cannot_be_reported(member, project):
    with pytest.raises(kpis.InvalidKpiReport):
        kpis.submit_kpi_report(
            project=project, period=kpi_figures.add_months(THIS_MONTH, 1), values=figures(), by=member
        )
    with pytest.raises(kpis.InvalidKpiReport):
        kpis.submit_kpi_report(project=project, period=LAST_MONTH.replace(day=15), values=figures(), by=member)
    kpis.submit_kpi_report(project=project, period=THIS_MONTH, values=figures(), by=member)  # the current one is fine


def test_a_closed_project_no_longer_reports(member):
    closed = ProjectFactory(holder=member, status=Project.Status.CLOSED)
    with pytest.raises(kpis.ReportingClosed):
        kpis.submit_kpi_report(project=closed, period=LAST_MONTH, values=figures(), by=member)


@pytest.mark.parametrize("who", ["holder", "mentor", "staff"])
def test_the_holder_mentors_and_staff_report_from_the_workspace(client, member, staff, project, who):
    mentor = UserFactory()
    Mentorship.objects.create(project=project, mentor=mentor)
    person = {"holder": member, "mentor": mentor, "staff": staff}[who]
    client.force_login(person)

    response = client.post(
        en("kpi_report", project.pk),
        {**figures(), "period": LAST_MONTH.isoformat(), "company_created": "on", "company_created_on": "2025-03-04"},
    )

    assert response["Location"] == en("workspace", project.pk) + "#kpis"
    report = KpiReport.objects.get()
    assert (report.period, report.submitted_by, report.company_created_on) == (LAST_MONTH, person, date(2025, 3, 4))
    page = client.get(en("workspace", project.pk)).content.decode()
    assert "15,000" in page
    assert f'id="kpi-{LAST_MONTH:%Y-%m}"' in page


def test_an_outsider_cannot_report(client, other_member, project):
    client.force_login(other_member)
    response = client.post(en("kpi_report", project.pk), {**figures(), "period": LAST_MONTH.isoformat()})
    assert response.status_code == 404
    assert not KpiReport.objects.exists()


def test_the_form_explains_the_figures_and_keeps_the_input_on_error(client, member, project):
    client.force_login(member)
    page = client.get(en("kpi_report", project.pk)).content.decode()
    assert "not the total so far" in page

    response = client.post(
        en("kpi_report", project.pk), {**figures(jobs_created="-4", revenue="777"), "period": LAST_MONTH.isoformat()}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "greater than or equal to 0" in page
    assert 'value="777"' in page
    assert not KpiReport.objects.exists()


def test_editing_a_month_starts_from_its_figures(client, member, project):
    kpis.submit_kpi_report(project=project, period=LAST_MONTH, values=figures(partners_found=7), by=member)
    client.force_login(member)
    response = client.get(en("kpi_report", project.pk) + f"?period={LAST_MONTH.isoformat()}")
    form = response.context["form"]
    assert form.initial["partners_found"] == 7
    assert form.initial["period"] == LAST_MONTH.isoformat()


# Totals across projects


@pytest.fixture
def portfolio(member):
    """Two projects' reports, hand-written so every total below can be checked by hand."""
    a = ProjectFactory(status=Project.Status.ACCOMPANIED)
    b = ProjectFactory(status=Project.Status.LAUNCHED, company_created_on=date(2026, 3, 20))
    outside = ProjectFactory(status=Project.Status.ACCOMPANIED)
    rows = [
        (a, date(2026, 1, 1), "1000", 1, "200", 0, False, None),
        (a, date(2026, 3, 1), "500", 0, "300", 2, True, date(2026, 2, 10)),
        (b, date(2026, 3, 1), "2000", 3, "1000", 1, True, date(2026, 3, 20)),
        (outside, date(2026, 1, 1), "99999", 9, "9999", 9, True, date(2026, 1, 5)),
    ]
    for project, period, investment, jobs, revenue, partners, created, created_on in rows:
        KpiReport.objects.create(
            project=project,
            period=period,
            investment_mobilised=Decimal(investment),
            jobs_created=jobs,
            revenue=Decimal(revenue),
            partners_found=partners,
            company_created=created,
            company_created_on=created_on,
        )
    return Project.objects.filter(pk__in=[a.pk, b.pk])


def test_totals_sum_the_monthly_flows_and_count_each_company_once(portfolio, django_assert_num_queries):
    with django_assert_num_queries(2):
        totals = kpi_figures.kpi_totals(portfolio)
    assert totals == kpi_figures.KpiTotals(
        investment_mobilised=Decimal("3500.00"),
        jobs_created=4,
        revenue=Decimal("1500.00"),
        partners_found=3,
        companies_created=2,
        projects_reporting=2,
        reports=3,
    )


def test_the_series_gives_each_month_with_running_totals(portfolio):
    series = kpi_figures.kpi_series(portfolio)

    assert [month.period for month in series] == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    january, february, march = series
    assert (january.investment_mobilised, january.jobs_created, january.reports) == (Decimal("1000"), 1, 1)
    # February has no report: zeros, but project a's company was created that month (reported in March).
    assert (february.investment_mobilised, february.reports, february.companies_created) == (Decimal("0"), 0, 1)
    assert (march.investment_mobilised, march.jobs_created, march.revenue, march.partners_found) == (
        Decimal("2500"),
        3,
        Decimal("1300"),
        3,
    )
    assert march.companies_created == 1
    assert (march.total_investment_mobilised, march.total_jobs_created, march.total_revenue) == (
        Decimal("3500"),
        4,
        Decimal("1500"),
    )
    assert (march.total_partners_found, march.total_companies_created) == (3, 2)


def test_a_company_date_from_the_launch_counts_without_any_report(member):
    ProjectFactory(status=Project.Status.LAUNCHED, company_created_on=date(2026, 5, 2))
    projects = Project.objects.selected()
    assert kpi_figures.kpi_totals(projects).companies_created == 1
    (may,) = kpi_figures.kpi_series(projects)
    assert (may.period, may.companies_created, may.reports) == (date(2026, 5, 1), 1, 0)


def test_no_reports_mean_zero_totals_and_an_empty_series():
    projects = Project.objects.none()
    assert kpi_figures.kpi_totals(projects).investment_mobilised == Decimal(0)
    assert kpi_figures.kpi_series(projects) == []
