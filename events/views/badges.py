"""Badges for the door: one person's badge, or sheets of badges for the whole event (organisers only)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from events.badges import badge_pdf, badge_sheet_pdf
from events.forms.checkin import BadgeSheetForm
from events.models import Registration
from events.permissions import get_event_for_organiser, get_registration_for_organiser


def _pdf_response(data, filename):
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def badge(request, registration_id):
    registration = get_registration_for_organiser(request.user, registration_id)
    return _pdf_response(badge_pdf(registration), f"badge-{registration.pk}.pdf")


@login_required
def badge_sheet(request, slug):
    event = get_event_for_organiser(request.user, slug)
    form = BadgeSheetForm(request.GET, event=event)
    registrations = (
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        .select_related("category", "b2b")
        .order_by("last_name", "first_name", "pk")
    )
    if form.is_valid() and form.cleaned_data["category"]:
        registrations = registrations.filter(category=form.cleaned_data["category"])
    return _pdf_response(badge_sheet_pdf(event, registrations), f"badges-{event.slug}.pdf")
