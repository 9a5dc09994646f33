"""Registering (members in one step, guests with an emailed confirmation), tickets, and "My registrations"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from dimobel.calendar import ics_response
from dimobel.errors import DomainError
from dimobel.qr import qr_svg, qr_svg_file
from events.calendar_items import event_item
from events.exports import answer_text
from events.forms.registration import AnswersForm, GuestRegistrationForm, MemberRegistrationForm
from events.permissions import (
    get_event_for_viewer,
    get_registration_by_secret,
    get_registration_for_member,
    get_ticket_by_secret,
)
from events.selectors import registration as selectors
from events.selectors import seats
from events.services import registration as services
from events.tickets import checkin_url

# Registering


def _categories_for(event, invitation):
    """Public categories, or the one category an invitation link opens (a wrong link is a 404)."""
    if invitation is None:
        return seats.public_categories(event)
    categories = seats.invited_categories(event, invitation)
    if not categories.exists():
        raise Http404
    return categories


def _placed_message(request, registration):
    if registration.is_confirmed:
        messages.success(request, _("You are registered. Your ticket is below, and on its way to your inbox."))
    elif registration.is_pending:
        messages.success(request, _("Thank you. The organisers will review your registration and email you."))
    elif registration.is_waitlisted:
        messages.warning(
            request,
            _("The event is full: you are number %(position)s on the waitlist. We will email you if a seat frees up.")
            % {"position": selectors.waitlist_position(registration)},
        )


def register(request, slug, invitation=None):
    event = get_event_for_viewer(request.user, slug)
    existing = selectors.current_registration(event=event, user=request.user)
    if existing is not None:
        messages.info(request, _("You are already registered for this event."))
        return redirect("events:registration", existing.pk)
    event.seats_taken = seats.event_seats_taken(event)
    categories = _categories_for(event, invitation)
    state = seats.registration_state(event, list(categories))
    questions = selectors.questions_of(event)
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
        except DomainError as error:
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
        "member_details": selectors.member_details(request.user) if request.user.is_authenticated else None,
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
    registration = selectors.registration_from_confirm_token(token)
    if registration is None:
        return render(request, "events/registration_confirm_invalid.html", status=400)
    if not registration.is_awaiting_email:
        return redirect("events:guest_ticket", registration.secret)
    if request.method == "POST":
        try:
            registration = services.confirm_guest_email(registration=registration)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            _placed_message(request, registration)
            return redirect("events:guest_ticket", registration.secret)
    return render(
        request, "events/registration_confirm.html", {"registration": registration, "event": registration.event}
    )


# Tickets


def _answers_shown(registration):
    return [(answer.question.label, answer_text(answer.value)) for answer in selectors.answers_of(registration)]


def _ticket_context(registration, *, answers_form=None):
    now = timezone.now()
    can_edit = selectors.can_edit_answers(registration, now) and registration.event.questions.exists()
    if can_edit and answers_form is None:
        answers_form = _answers_form(registration)
    return {
        "registration": registration,
        "event": registration.event,
        "answers": _answers_shown(registration),
        "qr_code": qr_svg(checkin_url(registration), scale=5, title=_("Ticket QR code"))
        if registration.is_confirmed
        else None,
        "waitlist_position": selectors.waitlist_position(registration),
        "can_edit_answers": can_edit,
        "can_cancel": selectors.can_cancel(registration, now),
        "answers_form": answers_form if can_edit else None,
    }


def _answers_form(registration, data=None):
    current = selectors.current_answers(registration)
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
        except DomainError as error:
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
    except DomainError as error:
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
    return render(request, "events/guest_ticket.html", _ticket_context(registration))


@never_cache
@require_POST
def guest_answers(request, secret):
    registration = get_registration_by_secret(secret)
    answers_form = _answers_form(registration, request.POST)
    if answers_form.is_valid():
        try:
            services.update_answers(registration=registration, answers=answers_form.answers())
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your answers have been saved."))
            return redirect("events:guest_ticket", secret)
    registration.refresh_from_db()
    return render(request, "events/guest_ticket.html", _ticket_context(registration, answers_form=answers_form))


@never_cache
@require_POST
def guest_cancel(request, secret):
    registration = get_registration_by_secret(secret)
    try:
        services.cancel(registration=registration)
    except DomainError as error:
        messages.error(request, str(error))
        registration.refresh_from_db()
        return render(request, "events/guest_ticket.html", _ticket_context(registration))
    messages.success(request, _("Your registration has been cancelled."))
    return redirect("events:guest_ticket", secret)


@never_cache
def ticket_qr(request, secret):
    """The ticket's QR code as an SVG file; only a confirmed registration has one."""
    registration = get_ticket_by_secret(secret)
    return HttpResponse(qr_svg_file(checkin_url(registration)), content_type="image/svg+xml")


# My registrations


@login_required
def my_registrations(request):
    now = timezone.now()
    registrations = selectors.registrations_of_member(request.user)
    context = {
        "upcoming": [r for r in registrations if r.event.ends_at >= now],
        "past": [r for r in registrations if r.event.ends_at < now][::-1],
    }
    return render(request, "events/my_registrations.html", context)
