"""B2B meeting pages: opting in, the participants, requesting and answering meetings, the participant's schedule
and the organisers' overview. Reads come from events.b2b, writes from events.services.b2b."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dimobel import calendar
from events import b2b, permissions, times
from events.calendar_items import meeting_item
from events.forms.b2b import (
    CancelForm,
    MeetingFilterSet,
    MeetingRequestForm,
    OptInForm,
    OrganiserActionForm,
    ParticipantFilterSet,
    RespondForm,
    slot_choices,
)
from events.models import B2BParticipant, Meeting, Registration
from events.services import b2b as services
from events.services.errors import EventError
from network.models import Profile

PAGE_SIZE = 20
OVERVIEW_PAGE_SIZE = 50


def _schedule_url(event, meeting=None):
    url = reverse("events:b2b_schedule", args=[event.slug])
    return f"{url}#meeting-{meeting.pk}" if meeting else url


def _first_error(form):
    return next(iter(form.errors.values()))[0]


@login_required
def opt_in(request, slug):
    event = permissions.get_b2b_event_for_viewer(request.user, slug)
    registration = Registration.objects.filter(event=event, user=request.user).first()
    participant = B2BParticipant.objects.filter(registration=registration).first() if registration else None
    can_join = registration is not None and registration.status == Registration.Status.CONFIRMED
    form = OptInForm(request.POST or None, initial={"note": participant.note if participant else ""})
    if request.method == "POST" and can_join:
        if "opt_out" in request.POST and participant is not None:
            try:
                services.opt_out(participant=participant)
            except EventError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("You no longer take part in the B2B meetings."))
            return redirect("events:b2b_opt_in", slug=event.slug)
        if form.is_valid():
            joining = participant is None or not participant.is_active
            try:
                services.opt_in(registration=registration, note=form.cleaned_data["note"])
            except EventError as error:
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
        "profile": Profile.objects.filter(user=request.user).prefetch_related("offers", "needs", "sectors").first(),
        "accepted_count": b2b.meeting_counts(participant)["accepted"] if participant else 0,
        "is_organiser": permissions.is_organiser(request.user, event),
    }
    return render(request, "events/b2b/opt_in.html", context)


@login_required
def participants(request, slug):
    event = permissions.get_b2b_event_for_viewer(request.user, slug)
    me = b2b.participant_for(request.user, event)
    if me is None:
        registration = Registration.objects.filter(event=event, user=request.user).first()
        context = {
            "event": event,
            "registration": registration,
            "is_organiser": permissions.is_organiser(request.user, event),
        }
        return render(request, "events/b2b/join_first.html", context)
    others = b2b.active_participants(event).exclude(pk=me.pk)
    filterset = ParticipantFilterSet(request.GET, queryset=others)
    ordered = filterset.qs.order_by("registration__last_name", "registration__first_name", "pk")
    page = Paginator(b2b.with_profiles(ordered), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = b2b.attach_profiles(list(page.object_list))
    suggestions = b2b.suggestions(me) if page.number == 1 and not filterset.active else []
    relations = b2b.relations(me)
    for participant in [*page.object_list, *(s.participant for s in suggestions)]:
        participant.relation = relations.get(participant.pk)
    context = {
        "event": event,
        "me": me,
        "filterset": filterset,
        "page_obj": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "suggestions": suggestions,
        "filters_active": filterset.active,
        "is_organiser": permissions.is_organiser(request.user, event),
    }
    return render(request, "events/b2b/participants.html", context)


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
        except EventError as error:
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


def _side(meeting, user):
    return meeting.requester if meeting.requester.registration.user_id == user.pk else meeting.recipient


@login_required
@require_POST
def respond(request, meeting_id):
    meeting = permissions.get_meeting_for_participant(request.user, meeting_id)
    me = _side(meeting, request.user)
    form = RespondForm(request.POST)
    if not form.is_valid():
        messages.error(request, _first_error(form))
        return redirect(_schedule_url(meeting.event, meeting))
    action = form.cleaned_data["action"]
    try:
        if action == "accept":
            meeting = services.accept_meeting(meeting=meeting, participant=me)
            messages.success(request, _("Meeting accepted. Your table: %(table)s.") % {"table": meeting.table})
        elif action == "decline":
            services.decline_meeting(meeting=meeting, participant=me)
            messages.success(request, _("Request declined. The other person has been told."))
        else:
            services.propose_slot(meeting=meeting, participant=me, starts_at=form.cleaned_data["slot"])
            messages.success(request, _("Your proposal has been sent. The meeting is booked once it is accepted."))
    except EventError as error:
        messages.error(request, str(error))
    return redirect(_schedule_url(meeting.event, meeting))


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
    except EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The meeting is cancelled. The other person has been told."))
    return redirect(_schedule_url(meeting.event, meeting))


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


@login_required
def organiser_overview(request, slug):
    event = permissions.get_event_for_organiser(request.user, slug)
    if request.method == "POST":
        _organiser_action(request, event)
        return redirect(request.get_full_path())
    meetings = (
        Meeting.objects.filter(event=event)
        .select_related("requester__registration", "recipient__registration")
        .order_by("starts_at", "table", "pk")
    )
    filterset = MeetingFilterSet(request.GET, queryset=meetings)
    page = Paginator(filterset.qs, OVERVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    statuses = Meeting.Status
    counts = Meeting.objects.filter(event=event).aggregate(
        requested=Count("pk", filter=Q(status=statuses.REQUESTED)),
        accepted=Count("pk", filter=Q(status=statuses.ACCEPTED)),
        declined=Count("pk", filter=Q(status=statuses.DECLINED)),
        cancelled=Count("pk", filter=Q(status=statuses.CANCELLED)),
        was_held=Count("pk", filter=Q(status=statuses.ACCEPTED, held=True)),
        was_not_held=Count("pk", filter=Q(status=statuses.ACCEPTED, held=False)),
    )
    taken = b2b.table_occupancy(event)
    occupancy = [
        {
            "slot": slot,
            "taken": taken[slot],
            "width": min(100, round(taken[slot] * 20 / max(event.b2b_tables, 1)) * 5),
        }
        for slot in b2b.slots(event)
    ]
    context = {
        "event": event,
        "filterset": filterset,
        "page_obj": page,
        "counts": counts,
        "occupancy": occupancy,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "participant_count": b2b.active_participants(event).count(),
        "is_organiser": True,
    }
    return render(request, "events/b2b/overview.html", context)


def _organiser_action(request, event):
    form = OrganiserActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _first_error(form))
        return
    meeting = get_object_or_404(Meeting.objects.select_related("event"), pk=form.cleaned_data["meeting"], event=event)
    try:
        if form.cleaned_data["action"] == "cancel":
            services.cancel_as_organiser(meeting=meeting, organiser=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The meeting is cancelled. Both people have been emailed."))
        else:
            held = OrganiserActionForm.HELD.get(form.cleaned_data["held"])
            services.mark_held(meeting=meeting, organiser=request.user, held=held)
            messages.success(request, _("Saved."))
    except EventError as error:
        messages.error(request, str(error))
