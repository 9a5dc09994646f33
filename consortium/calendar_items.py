"""Milestones in calendars: each member's private feed shows the due dates of the milestones of the
workspaces they belong to (as the project's holder or one of its mentors), until they are done. One query."""

from datetime import datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.models import Milestone, Project
from dimobel import calendar

# A due date is a day, but feed items are timed: a short slot in the morning reads as "due that day" in
# calendar apps without blocking the whole day.
DUE_AT = time(9, 0)
DURATION = timedelta(minutes=30)


def milestone_item(milestone: Milestone) -> calendar.CalendarItem:
    """The milestone as a calendar event; needs ``project`` loaded."""
    start = timezone.make_aware(datetime.combine(milestone.due_on, DUE_AT))
    title = _("Milestone due: %(title)s") % {"title": milestone.title}
    return calendar.CalendarItem(
        uid=f"consortium-milestone-{milestone.pk}",
        title=f"{title} – {milestone.project.title}",
        start=start,
        end=start + DURATION,
        description=milestone.description,
        url=reverse("consortium:workspace", args=[milestone.project_id]) + f"#milestone-{milestone.pk}",
    )


def milestones_for_member(user) -> QuerySet[Milestone]:
    member_of = Project.objects.filter(Q(holder_id=user.pk) | Q(mentorships__mentor_id=user.pk)).values("pk")
    return (
        Milestone.objects.in_open_workspaces()
        .pending()
        .filter(project__in=member_of)
        .select_related("project")
        .order_by("due_on", "pk")
    )


@calendar.source
def milestones(user) -> list[calendar.CalendarItem]:
    if not user.is_authenticated:
        return []
    return [milestone_item(milestone) for milestone in milestones_for_member(user)]
