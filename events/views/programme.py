"""The programme: the public pages (by day and room, sessions, speakers) and the member's own agenda."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dimobel import calendar
from dimobel.errors import DomainError
from events.calendar_items import session_item
from events.models import Session, Speaker
from events.permissions import get_event_for_viewer, is_organiser
from events.selectors import programme as selectors
from events.services import programme as services


def _session_for(event, session_id):
    session = selectors.session_of(event, session_id)
    if session is None:
        raise Http404
    return session


def _next_url(request, default):
    candidate = request.POST.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return default


def programme(request, slug):
    event = get_event_for_viewer(request.user, slug)
    sessions = list(selectors.sessions_of(event))
    context = {
        "event": event,
        "days": selectors.programme_days(event, sessions),
        "starred_ids": selectors.starred_session_ids(request.user, event),
        "is_organiser": is_organiser(request.user, event),
    }
    return render(request, "events/programme/programme.html", context)


def session_detail(request, slug, session_id):
    event = get_event_for_viewer(request.user, slug)
    session = _session_for(event, session_id)
    speakers = selectors.present_speakers(request.user, session.speakers.all())
    signed_up = session.pk in selectors.signed_up_session_ids(request.user, event)
    context = {
        "event": event,
        "session": session,
        "speakers": speakers,
        "starred_ids": selectors.starred_session_ids(request.user, event),
        "seats_left": selectors.seats_left(session),
        "signed_up": signed_up,
        "can_sign_up": session.has_signup and selectors.confirmed_registration(request.user, event) is not None,
        "is_organiser": is_organiser(request.user, event),
    }
    return render(request, "events/programme/session_detail.html", context)


def speaker_list(request, slug):
    event = get_event_for_viewer(request.user, slug)
    speakers = selectors.present_speakers(request.user, selectors.speakers_of(event))
    context = {"event": event, "speakers": speakers, "is_organiser": is_organiser(request.user, event)}
    return render(request, "events/programme/speaker_list.html", context)


def speaker_detail(request, slug, speaker_slug):
    event = get_event_for_viewer(request.user, slug)
    speaker = get_object_or_404(Speaker, event=event, slug=speaker_slug)
    [speaker] = selectors.present_speakers(request.user, [speaker])
    context = {
        "event": event,
        "speaker": speaker,
        "sessions": selectors.sessions_of_speaker(speaker),
        "starred_ids": selectors.starred_session_ids(request.user, event),
        "is_organiser": is_organiser(request.user, event),
    }
    return render(request, "events/programme/speaker_detail.html", context)


# The personal agenda: starring and unstarring are two URLs, so a double submit cannot toggle the star back off.


def _starred(request, event, session, starred):
    """The star button again (htmx), or back where the member was, with a message."""
    default = reverse("events:session", args=[event.slug, session.pk])
    if request.htmx:
        context = {
            "event": event,
            "session": session,
            "starred_ids": {session.pk} if starred else set(),
            "next_url": _next_url(request, default),
        }
        return render(request, "events/programme/star_button.html", context)
    if starred:
        messages.success(request, _("The session is in your agenda."))
    else:
        messages.success(request, _("The session is no longer in your agenda."))
    return redirect(_next_url(request, default))


@login_required
@require_POST
def star(request, slug, session_id):
    event = get_event_for_viewer(request.user, slug)
    session = get_object_or_404(Session, pk=session_id, event=event)
    services.star(member=request.user, session=session)
    return _starred(request, event, session, starred=True)


@login_required
@require_POST
def unstar(request, slug, session_id):
    event = get_event_for_viewer(request.user, slug)
    session = get_object_or_404(Session, pk=session_id, event=event)
    services.unstar(member=request.user, session=session)
    return _starred(request, event, session, starred=False)


# Workshop seats


@login_required
@require_POST
def workshop_signup(request, slug, session_id):
    event = get_event_for_viewer(request.user, slug)
    session = get_object_or_404(Session.objects.select_related("event"), pk=session_id, event=event)
    try:
        services.sign_up(member=request.user, session=session)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You have a seat in this workshop."))
    return redirect("events:session", event.slug, session.pk)


@login_required
@require_POST
def workshop_signup_cancel(request, slug, session_id):
    event = get_event_for_viewer(request.user, slug)
    session = get_object_or_404(Session, pk=session_id, event=event)
    services.cancel_sign_up(member=request.user, session=session)
    messages.success(request, _("Your seat in this workshop is cancelled."))
    return redirect("events:session", event.slug, session.pk)


@login_required
def my_agenda(request, slug):
    event = get_event_for_viewer(request.user, slug)
    sessions = list(selectors.starred_sessions(request.user, event))
    context = {
        "event": event,
        "days": selectors.programme_days(event, sessions),
        "starred_ids": {session.pk for session in sessions},
        "signed_up_ids": selectors.signed_up_session_ids(request.user, event),
        "is_organiser": is_organiser(request.user, event),
    }
    return render(request, "events/programme/agenda.html", context)


@login_required
def agenda_ics(request, slug):
    event = get_event_for_viewer(request.user, slug)
    items = [session_item(session) for session in selectors.starred_sessions(request.user, event)]
    return calendar.ics_response(items, filename=f"{event.slug}-agenda.ics", name=event.title)
