"""The catalogue, a module's page, enrolling and leaving, and "My courses"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from autumn_school import permissions
from autumn_school.filters import CatalogueFilterSet
from autumn_school.selectors import enrolment as enrolments
from autumn_school.selectors.catalogue import catalogue_modules, instructors_of, prerequisites_of
from autumn_school.selectors.certificates import valid_certificate
from autumn_school.selectors.learning import syllabus
from autumn_school.selectors.live import sessions_of
from autumn_school.selectors.progress import progress_for
from autumn_school.selectors.quizzes import has_quiz
from autumn_school.services import enrolment as services
from autumn_school.services.errors import NotEnrolled
from dimobel.errors import DomainError

PAGE_SIZE = 12


def catalogue(request):
    filterset = CatalogueFilterSet(request.GET, queryset=catalogue_modules(request.user), request=request)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for module in page:
        module.seats_left = enrolments.seats_left(module.capacity, module.seats_taken)
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
    except DomainError as error:
        messages.error(request, str(error))
    else:
        if enrolment.is_enrolled:
            messages.success(request, _("You are enrolled. A confirmation email is on its way."))
        else:
            messages.info(
                request,
                _(
                    "This module is full: you are number %(position)s on the waitlist. "
                    "We will email you if a seat frees up."
                )
                % {"position": enrolments.waitlist_position(enrolment)},
            )
    return redirect("autumn_school:module_detail", slug=module.slug)


@login_required
@require_POST
def unenrol(request, slug):
    module = permissions.get_module_for_viewer(request.user, slug)
    enrolment = enrolments.current_enrolment(request.user, module)
    try:
        if enrolment is None:
            raise NotEnrolled
        was_waitlisted = enrolment.is_waitlisted
        services.unenrol(enrolment=enrolment)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        if was_waitlisted:
            messages.success(request, _("You have left the waitlist."))
        else:
            messages.success(request, _("You are no longer enrolled in this module."))
    return redirect("autumn_school:module_detail", slug=module.slug)


@login_required
def my_courses(request):
    return render(request, "autumn_school/my_courses.html", enrolments.my_courses(request.user))


def _module_page(viewer, module) -> dict:
    """Everything the module page shows to this viewer. Lessons' links, meeting links and progress only
    for those who follow the module (enrolled learners, its instructors, staff)."""
    now = timezone.now()
    enrolment = enrolments.enrolment_of(viewer, module)
    enrolled = enrolment is not None and enrolment.is_enrolled
    teaching = permissions.can_teach(viewer, module)
    follows = enrolled or teaching
    taken = enrolments.seats_taken(module)
    context = {
        "module": module,
        "enrolment": enrolment if enrolled else None,
        "teaching": teaching,
        "follows": follows,
        "option": enrolments.enrol_option(viewer=viewer, module=module, enrolment=enrolment, taken=taken, now=now),
        "seats_left": enrolments.seats_left(module.capacity, taken),
        "lessons": syllabus(module=module, enrolment=enrolment if enrolled else None),
        "sessions": sessions_of(module, follows=follows, now=now),
        "instructors": instructors_of(module, viewer=viewer),
        "prerequisites": prerequisites_of(module, viewer=viewer),
    }
    if enrolled:
        context["progress"] = progress = progress_for(enrolment)
        context["has_quiz"] = progress.has_quiz
        if enrolment.is_completed:
            context["certificate"] = valid_certificate(enrolment)
    elif teaching:
        context["has_quiz"] = has_quiz(module)
    return context
