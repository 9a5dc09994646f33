"""Dashboard section "Consortium": the member's projects with their status, and links to their pending jury
reviews and to the workspaces they take part in. Hidden when there is nothing to show; three queries."""

from django.db.models import Q

from consortium.models import Project, ReviewAssignment
from consortium.permissions import assignments_in_review
from dimobel import dashboard

SHOWN = 5


def consortium_section(request):
    user = request.user
    if not user.is_authenticated:
        return None
    projects = list(Project.objects.of_holder(user).select_related("call").order_by("-created_at", "-pk")[: SHOWN + 1])
    pending_reviews = assignments_in_review(user).filter(status=ReviewAssignment.Status.PENDING).count()
    has_workspaces = Project.objects.selected().filter(Q(holder=user) | Q(mentorships__mentor=user)).exists()
    if not projects and not pending_reviews and not has_workspaces:
        return None
    return {
        "projects": projects[:SHOWN],
        "more_projects": len(projects) > SHOWN,
        "pending_reviews": pending_reviews,
        "has_workspaces": has_workspaces,
    }


dashboard.register(
    dashboard.Section("consortium", "consortium/projects/dashboard_section.html", consortium_section, order=30)
)
