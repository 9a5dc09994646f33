"""What follows an organiser's edit of the catalogue: the search text kept in step, and seats added to a
module given to its waitlist."""

from django.db import transaction

from autumn_school.models import Enrolment, Module, Theme
from autumn_school.search import refresh_module_search
from autumn_school.services.enrolment import promote_from_waitlist


def save_theme(*, theme: Theme) -> Theme:
    """Save a theme. Its names are part of its modules' search text, so a renamed theme rebuilds theirs once
    the change is committed."""
    is_new = theme.pk is None
    with transaction.atomic():
        theme.save()
        if not is_new:
            module_ids = list(theme.modules.values_list("pk", flat=True))
            transaction.on_commit(lambda: refresh_module_search(module_ids))
    return theme


def module_saved(*, module: Module, capacity_before: int | None, created: bool) -> list[Enrolment]:
    """Once an organiser has saved a module with its instructors: rebuild its search text (titles and the
    instructors' names are indexed) and, when the edit added seats (or removed the limit), let the waitlist
    in, first come first served. Returns the enrolments promoted."""
    with transaction.atomic():
        refresh_module_search([module.pk])
        if created or not _seats_added(capacity_before, module.capacity):
            return []
        return promote_from_waitlist(module=module)


def _seats_added(before: int | None, after: int | None) -> bool:
    return before != after and (after is None or (before or 0) < after)
