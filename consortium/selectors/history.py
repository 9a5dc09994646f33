"""A project's history as each reader sees it (``consortium.services.history.change_status`` writes it)."""

from consortium.models import StatusChange


def history_for_holder(project) -> list[StatusChange]:
    """The project's status changes as its holder sees them: when, and from what to what. The staff
    member's identity and internal notes stay out (reasons meant for the holder reach them by email and on
    the project page)."""
    return list(
        project.history.only("project_id", "from_status", "to_status", "changed_at").order_by("changed_at", "pk")
    )


def history_for_staff(project) -> list[StatusChange]:
    """The full history for staff: who made each change, and the notes (screening reasons, abandon reasons…)."""
    return list(project.history.select_related("changed_by").order_by("changed_at", "pk"))
