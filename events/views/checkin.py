"""At the door: the page a ticket's QR code opens, the desk's search and check-in button, and walk-ins."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from dimobel.countries import country_names
from dimobel.errors import DomainError
from events.forms.checkin import DeskCheckInForm, DeskSearchForm, WalkInForm
from events.permissions import get_event_for_organiser, get_registration_for_checkin
from events.selectors import checkin as selectors
from events.services import checkin as services


def _desk_url(event, query=""):
    url = reverse("events:desk", args=[event.slug])
    return f"{url}?{urlencode({'q': query})}" if query else url


@never_cache
@login_required
def scan(request, token):
    registration = get_registration_for_checkin(request.user, token)
    context = {
        "event": registration.event,
        "registration": registration,
        "country_name": country_names([registration.country])[0] if registration.country else "",
    }
    try:
        result = services.check_in(registration=registration, by=request.user)
    except services.CannotCheckIn as error:
        context.update(error=str(error))
    else:
        context.update(checked_in=not result.already, already=result.already, registration=result.registration)
    return render(request, "events/checkin/scan.html", context)


@never_cache
@login_required
def desk(request, slug):
    event = get_event_for_organiser(request.user, slug)
    if request.method == "POST":
        form = DeskCheckInForm(request.POST)
        if not form.is_valid():
            raise Http404
        registration = selectors.registration_at_desk(event, form.cleaned_data["registration"])
        if registration is None:
            raise Http404
        try:
            result = services.check_in(registration=registration, by=request.user)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            name = result.registration.full_name
            if result.already:
                messages.warning(request, _("%(name)s was already checked in.") % {"name": name})
            else:
                messages.success(request, _("Checked in: %(name)s.") % {"name": name})
        return redirect(_desk_url(event, form.cleaned_data["q"]))

    search = DeskSearchForm(request.GET)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    context = {
        "event": event,
        "search": search,
        "query": query,
        "results": selectors.search_registrations(event, query),
        "counts": selectors.desk_counts(event),
    }
    template = "events/checkin/desk.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


@never_cache
@login_required
def walk_in(request, slug):
    event = get_event_for_organiser(request.user, slug)
    form = WalkInForm(request.POST or None, event=event)
    existing = None
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.register_walk_in(event=event, by=request.user, **form.cleaned_data)
        except services.AlreadyRegistered as error:
            existing = error.registration
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s is registered and checked in.") % {"name": registration.full_name})
            return redirect(_desk_url(event, registration.email))
    context = {"event": event, "form": form, "existing": existing, "counts": selectors.desk_counts(event)}
    return render(request, "events/checkin/walk_in.html", context)
