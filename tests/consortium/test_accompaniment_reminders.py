"""The accompaniment's reminders, each sent once by the shared sweep: a milestone due in a week, a milestone
overdue (to the holder and each mentor), and the monthly KPI request (to the holder)."""

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from consortium import calendar_items
from consortium import reminders as consortium_reminders
from consortium.models import KpiReport, Mentorship, Project
from consortium.selectors import kpis as kpi_figures
from dimobel import calendar, reminders
from dimobel.models import SentReminder
from tests.delivery import sweep
from tests.factories import MilestoneFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

# Importing the module registers its providers, as consortium/reminders.py does for the real sweep.
assert consortium_reminders.monthly_kpi_requests in reminders.providers()

TODAY = timezone.localdate


@pytest.fixture
def project(member):
    project = ProjectFactory(holder=member, status=Project.Status.ACCOMPANIED, title="Conserverie de Berkane")
    mentor = UserFactory(email="youssef@example.org", preferred_language="en")
    Mentorship.objects.create(project=project, mentor=mentor)
    return project


def emails_about(text):
    return [email for email in mail.outbox if text in email.subject]


def recipients(emails):
    return sorted(address for email in emails for address in email.to)


def test_a_milestone_due_in_a_week_is_reminded_once_to_the_holder_and_each_mentor(project):
    MilestoneFactory(project=project, title="Statuts signés", due_on=TODAY() + timedelta(days=7))
    MilestoneFactory(project=project, title="Trop loin", due_on=TODAY() + timedelta(days=8))
    MilestoneFactory(project=project, title="Déjà fait", due_on=TODAY() + timedelta(days=3), status="done")

    sweep()
    sweep()

    emails = emails_about("Statuts signés")
    assert recipients(emails) == ["amina@example.org", "youssef@example.org"]
    assert emails_about("Trop loin") == []
    assert emails_about("Déjà fait") == []
    assert SentReminder.objects.filter(kind="consortium.milestone.due_7d").count() == 2
    english = next(email for email in emails if email.to == ["youssef@example.org"])
    assert "Milestone due on" in english.subject
    assert "/en/consortium/workspaces/" in english.body


def test_the_week_notice_still_goes_out_if_the_sweep_ran_late(project):
    milestone = MilestoneFactory(project=project, title="Bientôt", due_on=TODAY() + timedelta(days=2))
    sweep()
    assert len(emails_about("Bientôt")) == 2
    assert not [r for r in reminders.due() if r.obj == milestone and r.kind == "consortium.milestone.overdue"]


def test_an_overdue_milestone_is_reminded_once(project):
    MilestoneFactory(project=project, title="Compte bancaire", due_on=TODAY() - timedelta(days=1))
    MilestoneFactory(project=project, title="Fait à temps", due_on=TODAY() - timedelta(days=1), status="done")
    MilestoneFactory(project=project, title="Aujourd'hui", due_on=TODAY())

    sweep()
    sweep()

    assert recipients(emails_about("Compte bancaire")) == ["amina@example.org", "youssef@example.org"]
    assert emails_about("Fait à temps") == []
    assert emails_about("Aujourd'hui") == []
    assert SentReminder.objects.filter(kind="consortium.milestone.overdue").count() == 2


@pytest.mark.parametrize("status", [Project.Status.CLOSED, Project.Status.ABANDONED])
def test_closed_and_abandoned_projects_get_no_reminder(member, status):
    project = ProjectFactory(holder=member, status=status)
    MilestoneFactory(project=project, title="Oublié", due_on=TODAY() - timedelta(days=1))
    MilestoneFactory(project=project, title="Proche", due_on=TODAY() + timedelta(days=2))

    sweep()

    assert emails_about("Oublié") == []
    assert emails_about("Proche") == []
    assert not SentReminder.objects.filter(kind__startswith="consortium.").exists()


def test_the_kpi_request_goes_to_the_holder_once_a_month(member, project):
    member.preferred_language = "en"
    member.save(update_fields=["preferred_language"])
    launched = ProjectFactory(
        holder=UserFactory(email="safran@example.org", preferred_language="en"), status=Project.Status.LAUNCHED
    )
    ProjectFactory(status=Project.Status.SELECTED)  # not in accompaniment yet
    ProjectFactory(status=Project.Status.CLOSED)
    this_month = TODAY().replace(day=1)

    sweep()
    sweep()

    kind = f"consortium.kpi.{this_month:%Y-%m}"
    sent = SentReminder.objects.filter(kind=kind)
    assert sorted(sent.values_list("object_id", flat=True)) == sorted([project.pk, launched.pk])
    requests = emails_about("Your impact figures for")
    assert recipients(requests) == ["amina@example.org", "safran@example.org"]
    last_month = kpi_figures.add_months(this_month, -1)
    assert f"period={last_month.isoformat()}" in requests[0].body


def test_next_months_request_is_a_new_one(project):
    this_month = TODAY().replace(day=1)
    next_month = kpi_figures.add_months(this_month, 1)
    sweep()
    sweep(timezone.make_aware(datetime.combine(next_month, time(8))))
    kinds = set(SentReminder.objects.filter(kind__startswith="consortium.kpi.").values_list("kind", flat=True))
    assert kinds == {f"consortium.kpi.{this_month:%Y-%m}", f"consortium.kpi.{next_month:%Y-%m}"}


def test_no_kpi_request_when_the_month_is_already_reported(project):
    last_month = kpi_figures.add_months(TODAY().replace(day=1), -1)
    KpiReport.objects.create(project=project, period=last_month, jobs_created=1)
    sweep()
    assert not SentReminder.objects.filter(kind__startswith="consortium.kpi.").exists()


# The calendar feed


def test_the_members_calendar_shows_the_due_dates_of_their_workspaces(member, project):
    MilestoneFactory(project=project, title="Statuts", due_on=TODAY() + timedelta(days=10))
    MilestoneFactory(project=project, title="Fini", status="done")
    MilestoneFactory(project=ProjectFactory(status="accompanied"), title="Pas le mien")
    mentor = project.mentorships.get().mentor

    for person in (member, mentor):
        with translation.override("en"):
            items = [item for item in calendar.items_for(person) if item.uid.startswith("consortium-milestone")]
        assert [item.title for item in items] == ["Milestone due: Statuts – Conserverie de Berkane"]
        assert items[0].start.date() == TODAY() + timedelta(days=10)
        assert items[0].url.endswith(
            f"/workspaces/{project.pk}/#milestone-{project.milestones.get(title='Statuts').pk}"
        )


@pytest.mark.parametrize("n", [1, 5])
def test_the_calendar_source_runs_one_query(member, django_assert_num_queries, n):
    for _i in range(n):
        MilestoneFactory(project=ProjectFactory(holder=member, status="accompanied"))
    with django_assert_num_queries(1):
        items = calendar_items.milestones(member)
    assert len(items) == n
