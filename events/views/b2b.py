"""B2B meeting pages: opting in, the participants, requesting and answering meetings, the participant's schedule
and the organisers' overview. Reads come from events.selectors.b2b, writes from events.services.b2b; each action
has its own URL."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dimobel import calendar
from dimobel.errors import DomainError
from events import permissions, times
from events.calendar_items import meeting_item
from events.filters import MeetingFilterSet, ParticipantFilterSet
from events.forms.b2b import (
    CancelForm,
    HeldForm,
    MeetingRequestForm,
    OptInForm,
    OrganiserCancelForm,
    ProposeForm,
    slot_choices,
)
from events.selectors import b2b
from events.selectors.registration import member_registration
from events.selectors.stats import meetings_by_status
from events.services import b2b as services

PAGE_SIZE = 20
OVERVIEW_PAGE_SIZE = 50


def _schedule_url(event, meeting=None):
    url = reverse("events:b2b_schedule", args=[event.slug])
    return f"{url}#meeting-{meeting.pk}" if meeting else url


def _first_error(form):
    return next(iter(form.errors.values()))[0]


def _side(meeting, user):
    """The member's own side of a meeting they are part of (get_meeting_for_participant checked it)."""
    return meeting.requester if meeting.requester.registration.user_id == user.pk else meeting.recipient


# Taking part


@login_required
def opt_in(request, slug):
    """The page to join the B2B meetings (or save one's note), and to leave them."""
    event = permissions.get_b2b_event_for_viewer(request.user, slug)
    registration = member_registration(event, request.user)
    participant = b2b.participant_of(registration)
    can_join = registration is not None and registration.is_confirmed
    form = OptInForm(request.POST or None, initial={"note": participant.note if participant else ""})
    if request.method == "POST" and can_join and form.is_valid():
        joining = participant is None or not participant.is_active
        try:
            services.opt_in(registration=registration, note=form.cleaned_data["note"])
        except DomainError as error:
            messages.error(request, str(error))
        else:
            if joining:
                messages.success(request, _("You take part in the B2B meetings. Find people to meet."))
                return redirect("events:b2b_participants", slug=event.slug)
            messages.success(request, _("Your note has been saved."))
            return redirect("events:b2b_opt_in", slug=event.slug)
    context = {
        "event": event,
        "registration": registration,
        "participant": participant if participant and participant.is_active else None,
        "can_join": can_join,
        "form": form,
        "profile": b2b.own_profile(request.user),
        "accepted_count": b2b.meeting_counts(participant)["accepted"] if participant else 0,
        "is_organiser": permissions.is_organiser(request.user, event),
    }
    return render(request, "events/b2b/opt_in.html", context)


@login_required
@require_POST
def opt_out(request, slug):
    event = permissions.get_b2b_event_for_viewer(request.user, slug)
    participant = b2b.participant_of(member_registration(event, request.user))
    if participant is not None and participant.registration.is_confirmed:
        try:
            services.opt_out(participant=participant)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("You no longer take part in the B2B meetings."))
    return redirect("events:b2b_opt_in", slug=event.slug)


@login_required
def participants(request, slug):
    event = permissions.get_b2b_event_for_viewer(request.user, slug)
    me = b2b.participant_for(request.user, event)
    if me is None:
        context = {
            "event": event,
            "registration": member_registration(event, request.user),
            "is_organiser": permissions.is_organiser(request.user, event),
        }
        return render(request, "events/b2b/join_first.html", context)
    others = b2b.active_participants(event).exclude(pk=me.pk)
    filterset = ParticipantFilterSet(request.GET, queryset=others)
    ordered = filterset.qs.order_by("registration__last_name", "registration__first_name", "pk")
    page = Paginator(b2b.with_profiles(ordered), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = b2b.attach_profiles(list(page.object_list))
    suggestions = b2b.suggestions(me) if page.number == 1 and not filterset.active else []
    b2b.mark_relations([*page.object_list, *(s.participant for s in suggestions)], me)
    context = {
        "event": event,
        "me": me,
        "filterset": filterset,
        "page_obj": page,
        "suggestions": suggestions,
        "filters_active": filterset.active,
        "is_organiser": permissions.is_organiser(request.user, event),
    }
    return render(request, "events/b2b/participants.html", context)


# Meetings


@login_required
def request_meeting(request, slug, participant_id):
    event = permissions.get_b2b_event_for_viewer(request.user, slug)
    me = b2b.participant_for(request.user, event)
    if me is None:
        messages.info(request, _("Join the B2B meetings first."))
        return redirect("events:b2b_opt_in", slug=event.slug)
    other = get_object_or_404(
        b2b.with_profiles(b2b.active_participants(event).exclude(pk=me.pk)).select_related("registration"),
        pk=participant_id,
    )
    b2b.attach_profiles([other])
    free = b2b.free_slots(me, other)
    form = MeetingRequestForm(request.POST or None, event=event, slots=free)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.request_meeting(
                requester=me, recipient=other, starts_at=form.cleaned_data["slot"], message=form.cleaned_data["message"]
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Your request has been sent to %(name)s.") % {"name": other.registration.full_name}
            )
            return redirect(_schedule_url(event, meeting))
    context = {
        "event": event,
        "other": other,
        "form": form,
        "free": free,
        "counts": b2b.meeting_counts(me),
        "is_organiser": permissions.is_organiser(request.user, event),
    }
    return render(request, "events/b2b/request.html", context)


def _answer(request, meeting_id, answer, done_message):
    """Run ``answer(meeting, me)`` for the member's side of the meeting, then back to their schedule."""
    meeting = permissions.get_meeting_for_participant(request.user, meeting_id)
    me = _side(meeting, request.user)
    try:
        message = done_message(answer(meeting, me))
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, message)
    return redirect(_schedule_url(meeting.event, meeting))


@login_required
@require_POST
def accept(request, meeting_id):
    return _answer(
        request,
        meeting_id,
        lambda meeting, me: services.accept_meeting(meeting=meeting, participant=me),
        lambda meeting: _("Meeting accepted. Your table: %(table)s.") % {"table": meeting.table},
    )


@login_required
@require_POST
def decline(request, meeting_id):
    return _answer(
        request,
        meeting_id,
        lambda meeting, me: services.decline_meeting(meeting=meeting, participant=me),
        lambda meeting: _("Request declined. The other person has been told."),
    )


@login_required
@require_POST
def propose(request, meeting_id):
    form = ProposeForm(request.POST)
    if not form.is_valid():
        meeting = permissions.get_meeting_for_participant(request.user, meeting_id)
        messages.error(request, _first_error(form))
        return redirect(_schedule_url(meeting.event, meeting))
    return _answer(
        request,
        meeting_id,
        lambda meeting, me: services.propose_slot(meeting=meeting, participant=me, starts_at=form.cleaned_data["slot"]),
        lambda meeting: _("Your proposal has been sent. The meeting is booked once it is accepted."),
    )


@login_required
@require_POST
def cancel(request, meeting_id):
    meeting = permissions.get_meeting_for_participant(request.user, meeting_id)
    me = _side(meeting, request.user)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for cancelling: the other person receives it."))
        return redirect(_schedule_url(meeting.event, meeting))
    try:
        services.cancel_meeting(meeting=meeting, participant=me, reason=form.cleaned_data["reason"])
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The meeting is cancelled. The other person has been told."))
    return redirect(_schedule_url(meeting.event, meeting))


# The participant's schedule


@login_required
def schedule(request, slug):
    event = permissions.get_b2b_event_for_viewer(request.user, slug)
    me = permissions.get_b2b_participant(request.user, event)
    me.event = event
    data = b2b.schedule_for(me)
    for meeting in data.to_answer:
        meeting.slot_groups = slot_choices(event, meeting.other_slots)
    context = {
        "event": event,
        "me": me,
        "schedule": data,
        "free_days": times.by_day(event, data.free, start=lambda slot: slot[0]),
        "is_organiser": permissions.is_organiser(request.user, event),
    }
    return render(request, "events/b2b/schedule.html", context)


@login_required
def schedule_ics(request, slug):
    event = permissions.get_b2b_event_for_viewer(request.user, slug)
    me = permissions.get_b2b_participant(request.user, event)
    items = [meeting_item(meeting, me) for meeting in b2b.agenda_for(me)]
    name = _("%(event)s: my B2B meetings") % {"event": event.title}
    return calendar.ics_response(items, filename=f"{event.slug}-b2b-meetings.ics", name=name)


# The organisers' overview


@login_required
def organiser_overview(request, slug):
    event = permissions.get_event_for_organiser(request.user, slug)
    filterset = MeetingFilterSet(request.GET, queryset=b2b.overview_meetings(event))
    page = Paginator(filterset.qs, OVERVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "event": event,
        "filterset": filterset,
        "page_obj": page,
        "counts": meetings_by_status(event),
        "occupancy": b2b.occupancy(event),
        "participant_count": b2b.active_participants(event).count(),
        "is_organiser": True,
    }
    return render(request, "events/b2b/overview.html", context)


def _back_to_overview(request, event):
    """The overview as the organiser left it: same filter, same page."""
    url = reverse("events:b2b_overview", args=[event.slug])
    return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)


def _overview_meeting(request, slug, meeting_id):
    event = permissions.get_event_for_organiser(request.user, slug)
    meeting = b2b.meeting_of_event(event, meeting_id)
    if meeting is None:
        raise Http404
    return event, meeting


@login_required
@require_POST
def organiser_cancel(request, slug, meeting_id):
    event, meeting = _overview_meeting(request, slug, meeting_id)
    form = OrganiserCancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _first_error(form))
        return _back_to_overview(request, event)
    try:
        services.cancel_as_organiser(meeting=meeting, organiser=request.user, reason=form.cleaned_data["reason"])
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The meeting is cancelled. Both people have been emailed."))
    return _back_to_overview(request, event)


@login_required
@require_POST
def organiser_mark_held(request, slug, meeting_id):
    event, meeting = _overview_meeting(request, slug, meeting_id)
    form = HeldForm(request.POST)
    if not form.is_valid():
        messages.error(request, _first_error(form))
        return _back_to_overview(request, event)
    try:
        services.mark_held(meeting=meeting, organiser=request.user, held=form.held_value())
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Saved."))
    return _back_to_overview(request, event)
