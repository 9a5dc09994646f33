"""Badges for the door: one person's badge, and sheets of badges for the whole event (organisers only), made
in the background (events.services.badges) while a page follows their progress."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from dimobel.files import private_file_response
from events.badges import badge_pdf
from events.forms.checkin import BadgeSheetForm
from events.permissions import (
    get_badge_sheet_job_for_organiser,
    get_event_for_organiser,
    get_registration_for_organiser,
)
from events.selectors.badges import recent_badge_sheets
from events.services import badges as services

RECENT_SHEETS = 5


@login_required
def badge(request, registration_id):
    registration = get_registration_for_organiser(request.user, registration_id)
    response = HttpResponse(badge_pdf(registration), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="badge-{registration.pk}.pdf"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def badge_sheets(request, slug):
    """The form that asks for the sheets (every category, or one), and the organiser's recent ones."""
    event = get_event_for_organiser(request.user, slug)
    form = BadgeSheetForm(request.POST if request.method == "POST" else None, event=event)
    if request.method == "POST" and form.is_valid():
        job = services.request_badge_sheet(
            event=event, user=request.user, category=form.cleaned_data["category"], language=get_language()
        )
        return redirect("events:badge_sheet_job", event.slug, job.pk)
    recent = recent_badge_sheets(event, request.user, limit=RECENT_SHEETS)
    context = {"event": event, "form": form, "recent": recent, "is_organiser": True}
    return render(request, "events/organisers/badge_sheets.html", context)


@never_cache
@login_required
def badge_sheet_job(request, slug, job_id):
    """The sheet's progress; htmx asks for the progress block again every two seconds until it is finished."""
    job = get_badge_sheet_job_for_organiser(request.user, slug, job_id)
    template = "events/organisers/badge_sheet_job.html"
    if request.htmx and not request.htmx.boosted:
        template += "#progress"
    return render(request, template, {"event": job.event, "job": job, "is_organiser": True})


@never_cache
@login_required
def badge_sheet_download(request, slug, job_id):
    job = get_badge_sheet_job_for_organiser(request.user, slug, job_id)
    if not job.is_done:
        raise Http404
    return private_file_response(job.file, download_name=f"badges-{job.event.slug}-{job.pk}.pdf")
