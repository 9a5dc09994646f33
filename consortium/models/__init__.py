"""The consortium's tables, one module per topic."""

from consortium.models.accompaniment import MentoringMeeting, Mentorship, Milestone, Need, ProjectDocument
from consortium.models.calls import Call, Criterion
from consortium.models.impact import KpiReport
from consortium.models.members import AssistanceService, ConsortiumMember
from consortium.models.projects import Project, StatusChange, TeamMember
from consortium.models.reviews import ReviewAssignment, Score

__all__ = [
    "AssistanceService",
    "Call",
    "ConsortiumMember",
    "Criterion",
    "KpiReport",
    "MentoringMeeting",
    "Mentorship",
    "Milestone",
    "Need",
    "Project",
    "ProjectDocument",
    "ReviewAssignment",
    "Score",
    "StatusChange",
    "TeamMember",
]
