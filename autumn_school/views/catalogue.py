"""The catalogue, a module's page, enrolling and leaving, and "My courses"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from autumn_school import permissions
from autumn_school.filters import CatalogueFilterSet, catalogue_modules
from autumn_school.models import Enrolment, Quiz
from autumn_school.services import enrolment as services
from autumn_school.services import live
from autumn_school.services.errors import NotEnrolled, SchoolError
from autumn_school.services.learning import syllabus
from autumn_school.services.progress import progress_for
from network.models import Profile

PAGE_SIZE = 12


def catalogue(request):
    filterset = CatalogueFilterSet(request.GET, queryset=catalogue_modules(request.user), request=request)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    for module in page:
        module.seats_left = services.seats_left(module.capacity, module.seats_taken)
        module.window = services.enrolment_window(module, now)
    context = {"filter": filterset, "page_obj": page, "filters_active": filterset.active}
    template = "autumn_school/catalogue.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


def module_detail(request, slug):
    module = permissions.get_module_for_viewer(request.user, slug)
    return render(request, "autumn_school/module_detail.html", _module_page(request.user, module))


@login_required
@require_POST
def enrol(request, slug):
    module = permissions.get_module_for_viewer(request.user, slug)
    try:
        enrolment = services.enrol(learner=request.user, module=module)
    except SchoolError as error:
        messages.error(request, str(error))
    else:
        if enrolment.status == Enrolment.Status.ENROLLED:
            messages.success(request, _("You are enrolled. A confirmation email is on its way."))
        else:
            messages.info(
                request,
                _(
                    "This module is full: you are number %(position)s on the waitlist. "
                    "We will email you if a seat frees up."
                )
                % {"position": services.waitlist_position(enrolment)},
            )
    return redirect("autumn_school:module_detail", slug=module.slug)


@login_required
@require_POST
def unenrol(request, slug):
    module = permissions.get_module_for_viewer(request.user, slug)
    enrolment = (
        Enrolment.objects.filter(module=module, learner=request.user).exclude(status=Enrolment.Status.CANCELLED).first()
    )
    try:
        if enrolment is None:
            raise NotEnrolled
        was_waitlisted = enrolment.status == Enrolment.Status.WAITLISTED
        services.unenrol(enrolment=enrolment)
    except SchoolError as error:
        messages.error(request, str(error))
    else:
        if was_waitlisted:
            messages.success(request, _("You have left the waitlist."))
        else:
            messages.success(request, _("You are no longer enrolled in this module."))
    return redirect("autumn_school:module_detail", slug=module.slug)


@login_required
def my_courses(request):
    enrolments = services.listed(services.my_enrolments(request.user))
    context = {
        "learning": [e for e in enrolments if e.status == Enrolment.Status.ENROLLED and not e.is_completed],
        "waitlisted": [e for e in enrolments if e.status == Enrolment.Status.WAITLISTED],
        "completed": [e for e in enrolments if e.status == Enrolment.Status.ENROLLED and e.is_completed],
    }
    return render(request, "autumn_school/my_courses.html", context)


# --- The module page ---------------------------------------------------------------------------------


def _module_page(viewer, module) -> dict:
    """Everything the module page shows to this viewer. Lessons' links, meeting links and progress only
    for those who follow the module (enrolled learners, its instructors, staff)."""
    now = timezone.now()
    enrolment = Enrolment.objects.filter(module=module, learner=viewer).first() if viewer.is_authenticated else None
    enrolled = enrolment is not None and enrolment.status == Enrolment.Status.ENROLLED
    teaching = permissions.can_teach(viewer, module)
    follows = enrolled or teaching
    taken = services.seats_taken(module)
    context = {
        "module": module,
        "enrolment": enrolment if enrolled else None,
        "teaching": teaching,
        "follows": follows,
        "option": services.enrol_option(viewer=viewer, module=module, enrolment=enrolment, taken=taken, now=now),
        "seats_left": services.seats_left(module.capacity, taken),
        "window": services.enrolment_window(module, now),
        "lessons": syllabus(module=module, enrolment=enrolment if enrolled else None),
        "sessions": _sessions(module, follows, now),
        "instructors": _instructors(viewer, module),
        "prerequisites": _prerequisites(viewer, module),
    }
    if enrolled:
        context["progress"] = progress = progress_for(enrolment)
        context["has_quiz"] = progress.has_quiz
        if enrolment.is_completed:
            context["certificate"] = enrolment.certificates.filter(revoked_at__isnull=True).first()
    elif teaching:
        context["has_quiz"] = Quiz.objects.filter(module=module).exists()
    return context


def _sessions(module, follows, now) -> list:
    # The meeting link is never read here: it is handed out by the join view, from 15 minutes before.
    sessions = list(module.live_sessions.defer("meeting_url"))
    for session in sessions:
        state = live.join_state(session, now)
        session.has_ended = state == live.ENDED
        session.can_join = follows and state == live.OPEN
        session.is_live = session.starts_at <= now < session.ends_at
    return sessions


def _instructors(viewer, module) -> list:
    """The instructors, each with the directory profile the viewer may see (for the link and the photo)."""
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


def _prerequisites(viewer, module) -> list:
    prerequisites = list(module.prerequisites.select_related("edition").order_by("starts_on", "title", "pk"))
    completed = set()
    if prerequisites and viewer.is_authenticated:
        completed = set(
            Enrolment.objects.filter(learner=viewer, completed_at__isnull=False, module__in=prerequisites).values_list(
                "module_id", flat=True
            )
        )
    for prerequisite in prerequisites:
        prerequisite.is_listed = prerequisite.is_published and prerequisite.edition.is_published
        prerequisite.completed_by_viewer = prerequisite.pk in completed
    return prerequisites
