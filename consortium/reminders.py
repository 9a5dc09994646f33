"""What the consortium reminds people of; the shared sweep (dimobel.reminders) sends each reminder once.

- jurors with reviews still pending, three days before the jury deadline;
- a milestone not done, due within seven days: to the holder and each mentor;
- a milestone not done whose due date has passed: the same people, once;
- each month, from its first day, a request to the holder of each project in accompaniment or launched to
  report the KPIs of the month just ended (skipped when that month is already reported).

Closed and abandoned projects get nothing.
"""

from collections import Counter
from collections.abc import Iterator
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.utils import timezone

from consortium.models import Call, Mentorship, Milestone, Project, ReviewAssignment
from consortium.selectors.kpis import add_months, month_start
from dimobel import reminders
from dimobel.notify import in_language_of, link

JURY_NOTICE = timedelta(days=3)
DUE_NOTICE = timedelta(days=7)
REPORTING = (Project.Status.ACCOMPANIED, Project.Status.LAUNCHED)


def _start_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _url(person, name, *args, query="") -> str:
    # Links in the recipient's language, like the email itself.
    with in_language_of(person):
        return link(f"consortium:{name}", *args, query=query)


# The jury


@reminders.provider
def jury_deadline(now) -> Iterator[reminders.Reminder]:
    """Jurors with reviews still pending hear, once per call, three days before the jury deadline."""
    calls = {
        call.pk: call
        for call in Call.objects.filter(
            review_opens_at__lte=now,
            review_closes_at__gt=now,
            review_closes_at__lte=now + JURY_NOTICE,
            decisions_published_at__isnull=True,
        )
    }
    if not calls:
        return
    pending = Counter(
        ReviewAssignment.objects.filter(
            project__call_id__in=calls, status=ReviewAssignment.Status.PENDING, juror__is_active=True
        ).values_list("project__call_id", "juror_id")
    )
    jurors = get_user_model().objects.in_bulk({juror_id for _call_id, juror_id in pending})
    for (call_id, juror_id), count in sorted(pending.items()):
        call, juror = calls[call_id], jurors[juror_id]
        yield reminders.Reminder(
            kind="consortium.jury.deadline_3d",
            obj=call,
            recipient=juror,
            due_at=call.review_closes_at - JURY_NOTICE,
            template_prefix="emails/consortium/jury_deadline",
            context={
                "call": call,
                "pending": count,
                "url": _url(juror, "jury"),
                "juror_name": juror.get_full_name() or juror.email,
            },
        )


# The accompaniment


def _with_people(milestones):
    mentors = Mentorship.objects.filter(mentor__is_active=True).select_related("mentor").order_by("pk")
    return (
        milestones.select_related("project__holder")
        .prefetch_related(Prefetch("project__mentorships", queryset=mentors))
        .order_by("due_on", "pk")
    )


def _people(project) -> list:
    people = [project.holder] if project.holder.is_active else []
    return people + [mentorship.mentor for mentorship in project.mentorships.all()]


def _milestone_reminders(milestones, *, kind, template, due_at) -> Iterator[reminders.Reminder]:
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
                    "workspace_url": _url(
                        person, "workspace", milestone.project.pk, query=f"#milestone-{milestone.pk}"
                    ),
                },
            )


@reminders.provider
def milestones_due_soon(now) -> Iterator[reminders.Reminder]:
    today = timezone.localdate(now)
    due_soon = Milestone.objects.in_open_workspaces().pending().filter(due_on__gt=today, due_on__lte=today + DUE_NOTICE)
    yield from _milestone_reminders(
        _with_people(due_soon),
        kind="consortium.milestone.due_7d",
        template="milestone_due_soon",
        due_at=lambda milestone: _start_of(milestone.due_on - DUE_NOTICE),
    )


@reminders.provider
def milestones_overdue(now) -> Iterator[reminders.Reminder]:
    today = timezone.localdate(now)
    yield from _milestone_reminders(
        _with_people(Milestone.objects.in_open_workspaces().overdue(today)),
        kind="consortium.milestone.overdue",
        template="milestone_overdue",
        due_at=lambda milestone: _start_of(milestone.due_on + timedelta(days=1)),
    )


@reminders.provider
def monthly_kpi_requests(now) -> Iterator[reminders.Reminder]:
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
                "kpi_url": _url(
                    project.holder, "kpi_report", project.pk, query=f"?period={reported_month.isoformat()}"
                ),
            },
        )
