"""The catalogue: its modules for a viewer, the search, and what a module page shows of its instructors and
prerequisites."""

from django.contrib.postgres.search import SearchRank
from django.db.models import Exists, F, OuterRef, QuerySet

from autumn_school.models import Enrolment, Module
from network.models import Profile
from network.selectors.search import clean_terms, search_query


def catalogue_modules(viewer) -> QuerySet:
    """Published modules of published editions, with the seats taken and where the viewer stands
    (``viewer_enrolled``, ``viewer_completed``, ``viewer_waitlisted``) annotated, so a page of cards costs
    one query."""
    modules = (
        Module.objects.published().select_related("edition", "theme").defer("search_vector", "description")
    ).with_seats_taken()
    if viewer.is_authenticated:
        mine = Enrolment.objects.filter(module=OuterRef("pk"), learner=viewer)
        modules = modules.annotate(
            viewer_enrolled=Exists(mine.active()),
            viewer_completed=Exists(mine.active().completed()),
            viewer_waitlisted=Exists(mine.waitlisted()),
        )
    return modules


def search_modules(queryset: QuerySet, text: str) -> QuerySet:
    """Modules of ``queryset`` matching the words (web-search syntax, prefixes as you type), annotated with
    ``rank``; order by ``-rank`` for the best match first. Empty words leave the queryset as it is. The
    vectors are built by ``autumn_school.search.refresh_module_search``."""
    terms = clean_terms(text)
    if not terms:
        return queryset
    query = search_query(terms)
    return queryset.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))


def instructors_of(module: Module, *, viewer) -> list:
    """The instructors, each with the directory profile the viewer may see (``listed_profile``, for the link
    and the photo)."""
    instructors = list(module.instructors.order_by("last_name", "first_name", "pk"))
    profiles = {
        profile.user_id: profile
        for profile in Profile.objects.visible_to(viewer)
        .filter(user__in=[instructor.pk for instructor in instructors])
        .only("user_id", "photo", "headline")
    }
    for instructor in instructors:
        instructor.listed_profile = profiles.get(instructor.pk)
    return instructors


def prerequisites_of(module: Module, *, viewer) -> list[Module]:
    """The prerequisite modules, each with ``completed_by_viewer``."""
    prerequisites = list(module.prerequisites.select_related("edition").order_by("starts_on", "title", "pk"))
    completed = set()
    if prerequisites and viewer.is_authenticated:
        completed = set(
            Enrolment.objects.completed()
            .filter(learner=viewer, module__in=prerequisites)
            .values_list("module_id", flat=True)
        )
    for prerequisite in prerequisites:
        prerequisite.completed_by_viewer = prerequisite.pk in completed
    return prerequisites
