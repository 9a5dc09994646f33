"""Registering (members in one step, guests with an emailed confirmation), tickets, and "My registrations"."""

from io import BytesIO

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from dimobel.calendar import ics_response
from dimobel.qr import ERROR_LEVEL, qr_svg
from events.calendar_items import event_item
from events.exports import answer_text
from events.forms.registration import AnswersForm, GuestRegistrationForm, MemberRegistrationForm
from events.models import Question, Registration
from events.permissions import (
    get_event_for_viewer,
    get_registration_by_secret,
    get_registration_for_member,
    get_ticket_by_secret,
)
from events.services import registration as services
from events.services import seats
from events.services.errors import EventError
from events.tickets import checkin_url

Status = Registration.Status


# Registering


def _categories_for(event, invitation):
    """Public categories, or the one category an invitation link opens (a wrong link is a 404)."""
    if invitation is None:
        return seats.public_categories(event)
    categories = seats.categories_with_seats(event.categories.filter(invitation_token=invitation))
    if not categories.exists():
        raise Http404
    return categories


def _placed_message(request, registration):
    if registration.status == Status.CONFIRMED:
        messages.success(request, _("You are registered. Your ticket is below, and on its way to your inbox."))
    elif registration.status == Status.PENDING:
        messages.success(request, _("Thank you. The organisers will review your registration and email you."))
    elif registration.status == Status.WAITLISTED:
        messages.warning(
            request,
            _("The event is full: you are number %(position)s on the waitlist. We will email you if a seat frees up.")
            % {"position": services.waitlist_position(registration)},
        )


def register(request, slug, invitation=None):
    event = get_event_for_viewer(request.user, slug)
    existing = services.current_registration(event=event, user=request.user)
    if existing is not None:
        messages.info(request, _("You are already registered for this event."))
        return redirect("events:registration", existing.pk)
    event.seats_taken = seats.event_seats_taken(event)
    categories = _categories_for(event, invitation)
    state = seats.registration_state(event, list(categories))
    questions = Question.objects.filter(event=event)
    form_class = MemberRegistrationForm if request.user.is_authenticated else GuestRegistrationForm
    form = form_class(
        request.POST or None,
        event=event,
        categories=categories,
        event_seats_left=seats.seats_left(event.capacity, event.seats_taken),
        questions=questions,
    )
    if request.method == "POST" and form.is_valid():
        try:
            registration = _register(request, event, form)
        except EventError as error:
            messages.error(request, str(error))
        else:
            if request.user.is_authenticated:
                if registration.is_new:
                    _placed_message(request, registration)
                else:
                    messages.info(request, _("You are already registered for this event."))
                return redirect("events:registration", registration.pk)
            return render(
                request, "events/register_check_email.html", {"event": event, "email": form.cleaned_data["email"]}
            )
    context = {
        "event": event,
        "form": form,
        "registration_state": state,
        "invitation": invitation,
        "member_details": services.member_details(request.user) if request.user.is_authenticated else None,
    }
    return render(request, "events/register.html", context)


def _register(request, event, form):
    category, answers = form.cleaned_data["category"], form.answers()
    if request.user.is_authenticated:
        return services.register_member(event=event, user=request.user, category=category, answers=answers)
    return services.register_guest(event=event, category=category, answers=answers, **form.guest_details())


@never_cache
def confirm_email(request, token):
    """A guest's double opt-in. The link shows a button rather than confirming on GET, so mail scanners that
    open links do not confirm on the guest's behalf."""
    registration = services.registration_from_confirm_token(token)
    if registration is None:
        return render(request, "events/registration_confirm_invalid.html", status=400)
    if registration.status != Status.AWAITING_EMAIL:
        return redirect("events:guest_ticket", registration.secret)
    if request.method == "POST":
        try:
            registration = services.confirm_guest_email(registration=registration)
        except EventError as error:
            messages.error(request, str(error))
        else:
            _placed_message(request, registration)
            return redirect("events:guest_ticket", registration.secret)
    return render(
        request, "events/registration_confirm.html", {"registration": registration, "event": registration.event}
    )


# Tickets


def _answers_shown(registration):
    answers = registration.answers.select_related("question").order_by("question__position", "question__pk")
    return [(answer.question.label, answer_text(answer.value)) for answer in answers]


def _ticket_context(registration, *, answers_form=None):
    now = timezone.now()
    confirmed = registration.status == Status.CONFIRMED
    can_edit = services.can_edit_answers(registration, now) and registration.event.questions.exists()
    if can_edit and answers_form is None:
        answers_form = _answers_form(registration)
    return {
        "registration": registration,
        "event": registration.event,
        "answers": _answers_shown(registration),
        "qr_code": qr_svg(checkin_url(registration), scale=5, title=_("Ticket QR code")) if confirmed else None,
        "waitlist_position": services.waitlist_position(registration),
        "can_edit_answers": can_edit,
        "can_cancel": services.can_cancel(registration, now),
        "answers_form": answers_form if can_edit else None,
    }


def _answers_form(registration, data=None):
    current = dict(registration.answers.values_list("question_id", "value"))
    return AnswersForm(data, questions=registration.event.questions.all(), answers=current)


@login_required
def registration_detail(request, registration_id):
    registration = get_registration_for_member(request.user, registration_id)
    return render(request, "events/registration_detail.html", _ticket_context(registration))


@login_required
def edit_answers(request, registration_id):
    registration = get_registration_for_member(request.user, registration_id)
    form = _answers_form(registration, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_answers(registration=registration, answers=form.answers())
        except EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your answers have been saved."))
            return redirect("events:registration", registration.pk)
    context = {"registration": registration, "event": registration.event, "form": form}
    return render(request, "events/registration_edit.html", context)


@login_required
@require_POST
def cancel(request, registration_id):
    registration = get_registration_for_member(request.user, registration_id)
    try:
        services.cancel(registration=registration)
    except EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your registration has been cancelled."))
    return redirect("events:registration", registration.pk)


@login_required
def registration_ics(request, registration_id):
    registration = get_registration_for_member(request.user, registration_id)
    event = registration.event
    return ics_response([event_item(registration)], filename=f"{event.slug}.ics", name=event.title)


@never_cache
def guest_ticket(request, secret):
    """A guest's ticket, reached through the secret link in their emails; also where they edit answers or cancel."""
    registration = get_registration_by_secret(secret)
    answers_form = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "cancel":
                services.cancel(registration=registration)
                messages.success(request, _("Your registration has been cancelled."))
                return redirect("events:guest_ticket", secret)
            if action == "answers":
                answers_form = _answers_form(registration, request.POST)
                if answers_form.is_valid():
                    services.update_answers(registration=registration, answers=answers_form.answers())
                    messages.success(request, _("Your answers have been saved."))
                    return redirect("events:guest_ticket", secret)
        except EventError as error:
            messages.error(request, str(error))
        registration.refresh_from_db()
    return render(request, "events/guest_ticket.html", _ticket_context(registration, answers_form=answers_form))


@never_cache
def ticket_qr(request, secret):
    """The ticket's QR code as an SVG file; only a confirmed registration has one."""
    registration = get_ticket_by_secret(secret)
    buffer = BytesIO()
    segno.make(checkin_url(registration), error=ERROR_LEVEL, boost_error=False).save(
        buffer, kind="svg", scale=8, border=2
    )
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


# My registrations


@login_required
def my_registrations(request):
    now = timezone.now()
    registrations = list(
        Registration.objects.filter(user=request.user)
        .select_related("event", "category")
        .order_by("event__starts_at", "pk")
    )
    context = {
        "upcoming": [r for r in registrations if r.event.ends_at >= now],
        "past": [r for r in registrations if r.event.ends_at < now][::-1],
    }
    return render(request, "events/my_registrations.html", context)
