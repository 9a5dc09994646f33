"""The consortium demo's accompaniment: mentors, milestones, meeting logs, needs and monthly KPI reports for the
projects selected in the past call (see seed.py, which calls ``lifecycle`` then ``seed_accompaniment`` with its
context)."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from consortium.models import KpiReport, MentoringMeeting, Mentorship, Milestone, Need, Project, StatusChange
from consortium.selectors.kpis import add_months, month_start
from demo.consortium.texts import MEETINGS, MILESTONES, NEEDS

S = Project.Status


def status_change(ctx, project, from_status, to_status, when, by, note="") -> StatusChange:
    change = StatusChange(project=project, from_status=from_status, to_status=to_status, changed_by=by, note=note)
    change.when = when
    return change


def lifecycle(ctx, selected, history) -> list[Project]:
    """After the decision: most projects enter the accompaniment; some launch their company (one has since
    closed), two are abandoned, two have not started yet. Returns the projects with a workspace at work."""
    accompanied = []
    for index, project in enumerate(selected):
        if index in (28, 29):  # selected, still waiting for their first meeting
            continue
        history.append(status_change(ctx, project, S.SELECTED, S.ACCOMPANIED, ctx.ago(195), ctx.staff))
        project.status = S.ACCOMPANIED
        accompanied.append(project)
        if index in (5, 11, 17, 21, 24, 27):
            project.company_created_on = ctx.today - timedelta(days=150 - 20 * (index % 6))
            launched_at = datetime.combine(project.company_created_on, time(17), tzinfo=timezone.get_current_timezone())
            history.append(status_change(ctx, project, S.ACCOMPANIED, S.LAUNCHED, launched_at, ctx.staff))
            project.status = S.LAUNCHED
            if index == 27:
                history.append(status_change(ctx, project, S.LAUNCHED, S.CLOSED, ctx.ago(40), ctx.staff,
                                       "Accompagnement terminé : la société vole de ses propres ailes."))  # fmt: skip
                project.status = S.CLOSED
        elif index in (13, 23):
            project.abandoned_reason = "Le porteur a rejoint un emploi salarié et met le projet en pause."
            history.append(status_change(ctx, project, S.ACCOMPANIED, S.ABANDONED, ctx.ago(100), ctx.staff,
                                   project.abandoned_reason))  # fmt: skip
            project.status = S.ABANDONED
    return accompanied


def seed_accompaniment(ctx, projects) -> int:
    """Mentors, milestones, meetings, needs and monthly KPI reports for the accompanied projects."""
    mentorships, milestones, meetings, needs, reports = [], [], [], [], []
    for index, project in enumerate(projects):
        mentors = [ctx.experts[1 + index % (len(ctx.experts) - 1)]]
        if index < 4:  # the demo mentor follows the first four, the demo holder's included
            mentors.insert(0, ctx.experts[0])
        mentorships += [Mentorship(project=project, mentor=user, member=member) for user, member in mentors]
        for number, title in enumerate(ctx.rng.sample(MILESTONES, 4)):
            milestones.append(_milestone(ctx, project, title, due_in=-150 + 65 * number + ctx.rng.randint(-10, 10)))
        names = f"{project.holder.get_full_name()}, {', '.join(user.get_full_name() for user, _m in mentors)}"
        for number, (notes, next_steps) in enumerate(MEETINGS):
            meetings.append(MentoringMeeting(project=project, held_on=ctx.today - timedelta(days=185 - 65 * number),
                                             participants=names, notes=notes, next_steps=next_steps,
                                             author=mentors[0][0]))  # fmt: skip
        for number, (help_slug, description) in enumerate(ctx.rng.sample(NEEDS, 2)):
            met = number == 0 and index % 2 == 0
            needs.append(Need(project=project, help_type=ctx.help_types.get(help_slug), description=description,
                              is_open=not met, met_on=ctx.today - timedelta(days=60) if met else None))  # fmt: skip
        reports += _kpi_reports(ctx, project)
    Mentorship.objects.bulk_create(mentorships)
    Milestone.objects.bulk_create(milestones)
    MentoringMeeting.objects.bulk_create(meetings)
    Need.objects.bulk_create(needs)
    KpiReport.objects.bulk_create(reports, batch_size=500)
    return len(mentorships) + len(milestones) + len(meetings) + len(needs) + len(reports)


def _milestone(ctx, project, title, *, due_in) -> Milestone:
    due_on = ctx.today + timedelta(days=due_in)
    milestone = Milestone(project=project, title=title, due_on=due_on, created_by=project.holder,
                          description="Défini avec les mentors lors de la séance de lancement.")  # fmt: skip
    roll = ctx.rng.random()
    if due_on < ctx.today and (roll < 0.75 or project.status == S.CLOSED):
        # Done: most on time, about a third a little late.
        milestone.status = Milestone.Status.DONE
        milestone.completed_on = min(due_on + timedelta(days=ctx.rng.randint(-15, 8)), ctx.today)
        milestone.evidence = "Compte rendu partagé dans les documents du projet."
    elif due_on < ctx.today + timedelta(days=30) and roll < 0.9:
        milestone.status = Milestone.Status.IN_PROGRESS
    return milestone


def _kpi_reports(ctx, project) -> list[KpiReport]:
    """A report per month from the accompaniment's first month to last month (an abandoned project stops
    reporting; a few projects have not sent last month's report yet)."""
    first = month_start(ctx.today - timedelta(days=195))
    last = add_months(month_start(ctx.today), -1)
    if project.status in (S.ABANDONED, S.CLOSED):  # no reports after the project ended
        last = add_months(month_start(ctx.today - timedelta(days=100 if project.status == S.ABANDONED else 40)), -1)
    elif project.pk % 5 == 0:
        last = add_months(last, -1)
    reports, month, revenue = [], first, Decimal(ctx.rng.randint(0, 3000))
    while month <= last:
        created = project.company_created_on is not None and project.company_created_on < add_months(month, 1)
        if created:
            revenue = (revenue * Decimal("1.15") + ctx.rng.randint(1500, 6000)).quantize(Decimal("0.01"))
        reports.append(
            KpiReport(
                project=project, period=month, submitted_by=project.holder,
                investment_mobilised=Decimal(ctx.rng.choice([0] * 6 + [5000, 12000, 25000, 40000, 80000])),
                jobs_created=ctx.rng.choice([0, 0, 0, 1, 1, 2]) if created else ctx.rng.choice([0] * 5 + [1]),
                revenue=revenue if created else Decimal(0), partners_found=ctx.rng.choice([0, 0, 1, 1, 2]),
                company_created=created, company_created_on=project.company_created_on if created else None,
            )
        )  # fmt: skip
        month = add_months(month, 1)
    return reports
