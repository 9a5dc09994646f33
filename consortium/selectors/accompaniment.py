"""Reads of the accompaniment: the workspaces a member may open, the lifecycle's steps, the consortium's team,
who can be written to, and the mentors the matchmaking suggests."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.models import ConsortiumMember, Mentorship, Milestone, Project
from consortium.permissions import workspace_projects
from dimobel import roles
from network.models import Profile
from network.selectors import matchmaking


def workspace_list(user) -> QuerySet[Project]:
    """The workspaces the member may open, each with its next milestone and how many are late."""
    today = timezone.localdate()
    of_project = {"project": OuterRef("pk")}
    next_milestone = Milestone.objects.upcoming(today).filter(**of_project).order_by("due_on", "pk")
    late = Milestone.objects.overdue(today).filter(**of_project).order_by().values("project")
    return (
        workspace_projects(user)
        .select_related("call", "holder")
        .annotate(
            next_milestone_title=Subquery(next_milestone.values("title")[:1]),
            next_milestone_due_on=Subquery(next_milestone.values("due_on")[:1]),
            late_count=Subquery(late.annotate(n=Count("pk")).values("n")),
            is_mentor=Exists(Mentorship.objects.filter(project=OuterRef("pk"), mentor_id=user.pk)),
        )
        .order_by("-call__opens_at", "title", "pk")
    )


def consortium_team() -> QuerySet:
    """Staff and organisers: they can open every workspace, so each workspace names them."""
    return roles.organisers().order_by("last_name", "first_name", "pk")


def writable_people(user, user_ids) -> set[int]:
    """Who of these people the member can write to through the network's messaging (not themselves)."""
    return set(
        Profile.objects.accepting_messages()
        .filter(user_id__in=user_ids)
        .exclude(user_id=user.pk)
        .values_list("user_id", flat=True)
    )


@dataclass(frozen=True)
class LifecycleStep:
    label: str
    state: str  # "done", "current" or "todo" (also the step's CSS class)

    @property
    def is_done(self) -> bool:
        return self.state == "done"

    @property
    def is_current(self) -> bool:
        return self.state == "current"


def lifecycle_steps(project) -> list[LifecycleStep]:
    """The lifecycle's steps, each done, current or to come. An abandoned project has none current: the page
    says it was abandoned, and why."""
    lifecycle = Project.LIFECYCLE
    position = lifecycle.index(project.status) if project.status in lifecycle else -1
    return [
        LifecycleStep(
            label=Project.Status(status).label,
            state="done" if index < position else "current" if index == position else "todo",
        )
        for index, status in enumerate(lifecycle)
    ]


# Mentors


@dataclass(frozen=True)
class MentorCandidate:
    expert: object  # the member who could mentor
    member: ConsortiumMember  # the consortium member they are an expert of
    score: int
    reasons: list[str]


def expert_links() -> QuerySet:
    """Who may mentor, for which consortium member: the active experts of the active members."""
    through = ConsortiumMember.experts.through
    return through.objects.filter(consortiummember__is_active=True, user__is_active=True).select_related(
        "user", "consortiummember__organisation"
    )


def is_expert_of(*, user, member) -> bool:
    return expert_links().filter(user=user, consortiummember=member).exists()


def mentor_candidates(project) -> list[MentorCandidate]:
    """The experts of active consortium members who do not mentor the project yet, best match first: the
    network's matchmaking scores their profile's offers against the project's open needs, and their sectors
    against the project's. Five queries, whatever the number of experts."""
    assigned = project.mentorships.values("mentor_id")
    links = list(expert_links().exclude(user_id__in=assigned))
    need_ids = {
        help_type_id
        for help_type_id in project.needs.filter(is_open=True).values_list("help_type_id", flat=True)
        if help_type_id
    }
    sector_ids = set(project.sectors.values_list("pk", flat=True))
    matches = matchmaking.answers_to_needs(
        need_ids=need_ids, sector_ids=sector_ids, user_ids={link.user_id for link in links}
    )
    candidates = [_candidate(link, matches.get(link.user_id)) for link in links]
    candidates.sort(key=lambda c: (-c.score, c.expert.last_name.lower(), c.expert.first_name.lower()))
    return candidates


def _candidate(link, match) -> MentorCandidate:
    reasons = []
    if match:
        reasons += [_("offers: %(help)s") % {"help": term.name.lower()} for term in match.offers]
        reasons += [_("sector: %(sector)s") % {"sector": term.name.lower()} for term in match.sectors]
    return MentorCandidate(
        expert=link.user, member=link.consortiummember, score=match.score if match else 0, reasons=reasons
    )
