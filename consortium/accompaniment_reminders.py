"""What the accompaniment reminds people of; the shared sweep (dimobel.reminders) sends each reminder once.

- a milestone not done, due within seven days: to the holder and each mentor;
- a milestone not done whose due date has passed: the same people, once;
- each month, from its first day, a request to the holder of each project in accompaniment or launched to
  report the KPIs of the month just ended (skipped when that month is already reported).

Closed and abandoned projects get nothing.
"""

from datetime import datetime, time, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from consortium.models import Mentorship, Milestone, Project
from consortium.notifications import in_language_of, link
from consortium.services.accompaniment import OPEN_STATUSES
from consortium.services.kpis import add_months, month_start
from dimobel import reminders

DUE_NOTICE = timedelta(days=7)
REPORTING = (Project.Status.ACCOMPANIED, Project.Status.LAUNCHED)


def _start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def _url(person, name, project, query=""):
    # Links in the recipient's language, like the email itself.
    with in_language_of(person):
        return link(name, project.pk, query=query)


def _pending_milestones():
    mentors = Mentorship.objects.filter(mentor__is_active=True).select_related("mentor").order_by("pk")
    return (
        Milestone.objects.exclude(status=Milestone.Status.DONE)
        .filter(project__status__in=OPEN_STATUSES)
        .select_related("project__holder")
        .prefetch_related(Prefetch("project__mentorships", queryset=mentors))
        .order_by("due_on", "pk")
    )


def _people(project):
    people = [project.holder] if project.holder.is_active else []
    return people + [mentorship.mentor for mentorship in project.mentorships.all()]


def _milestone_reminders(milestones, *, kind, template, due_at):
    for milestone in milestones:
        for person in _people(milestone.project):
            yield reminders.Reminder(
                kind=kind,
                obj=milestone,
                recipient=person,
                due_at=due_at(milestone),
                template_prefix=f"emails/consortium/{template}",
                context={
                    "milestone": milestone,
                    "workspace_url": _url(person, "workspace", milestone.project, f"#milestone-{milestone.pk}"),
                },
            )


@reminders.provider
def milestones_due_soon(now):
    today = timezone.localdate(now)
    due_soon = _pending_milestones().filter(due_on__gt=today, due_on__lte=today + DUE_NOTICE)
    yield from _milestone_reminders(
        due_soon,
        kind="consortium.milestone.due_7d",
        template="milestone_due_soon",
        due_at=lambda milestone: _start_of(milestone.due_on - DUE_NOTICE),
    )


@reminders.provider
def milestones_overdue(now):
    today = timezone.localdate(now)
    yield from _milestone_reminders(
        _pending_milestones().filter(due_on__lt=today),
        kind="consortium.milestone.overdue",
        template="milestone_overdue",
        due_at=lambda milestone: _start_of(milestone.due_on + timedelta(days=1)),
    )


@reminders.provider
def monthly_kpi_requests(now):
    """From the first of each month, the holder is asked for the month just ended. The kind names the month
    the request is sent in ("consortium.kpi.2026-11"), so each project gets one request a month."""
    this_month = month_start(timezone.localdate(now))
    reported_month = add_months(this_month, -1)
    projects = (
        Project.objects.filter(status__in=REPORTING, holder__is_active=True)
        .exclude(kpi_reports__period=reported_month)
        .select_related("holder")
        .order_by("pk")
    )
    for project in projects:
        yield reminders.Reminder(
            kind=f"consortium.kpi.{this_month:%Y-%m}",
            obj=project,
            recipient=project.holder,
            due_at=_start_of(this_month),
            template_prefix="emails/consortium/kpi_request",
            context={
                "project": project,
                "month": reported_month,
                "kpi_url": _url(project.holder, "kpi_report", project, f"?period={reported_month.isoformat()}"),
            },
        )
