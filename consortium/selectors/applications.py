"""Reads of a holder's application: how complete the draft is, and the holder's draft in a call."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from consortium.models import Project


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    done: bool


# What a complete application has, in the order of the form. Each check reads a project whose sectors
# and team were counted beforehand (see ``checklist``).
COMPLETENESS = [
    (gettext_lazy("Title"), lambda p: bool(p.title.strip())),
    (gettext_lazy("Summary"), lambda p: bool(p.summary.strip())),
    (gettext_lazy("Description"), lambda p: bool(p.description.strip())),
    (gettext_lazy("At least one sector"), lambda p: p.sector_count > 0),
    (gettext_lazy("City"), lambda p: bool(p.city.strip())),
    (gettext_lazy("Country"), lambda p: bool(p.country)),
    (gettext_lazy("Corridor direction"), lambda p: bool(p.corridor)),
    (gettext_lazy("Stage"), lambda p: bool(p.stage)),
    (gettext_lazy("Funding needed"), lambda p: p.funding_needed is not None and p.funding_needed > 0),
    (gettext_lazy("Jobs expected"), lambda p: p.jobs_expected is not None),
    (gettext_lazy("At least one team member"), lambda p: p.team_count > 0),
    (gettext_lazy("Business plan (PDF)"), lambda p: bool(p.business_plan)),
    (gettext_lazy("Pitch deck (PDF)"), lambda p: bool(p.pitch_deck)),
]


def checklist(project) -> list[ChecklistItem]:
    project.sector_count = project.sectors.count()
    project.team_count = project.team.count()
    return [ChecklistItem(label=str(label), done=check(project)) for label, check in COMPLETENESS]


def missing_items(project) -> list[str]:
    return [item.label for item in checklist(project) if not item.done]


def draft_of(*, call, holder) -> Project | None:
    return Project.objects.filter(call=call, holder=holder, status=Project.Status.DRAFT).order_by("created_at").first()
