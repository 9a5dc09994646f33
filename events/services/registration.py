"""Registration: the seat decision, the one waitlist per event, approval, cancelling, and guests' email confirmation.

Every write that may change who holds a seat locks the event's row first (``select_for_update``), so all capacity
decisions for one event happen one after the other, however many people register at once; the counts are read
after the lock, so they include everything committed before it. Emails go out after the commit
(events.services.registration_mail).
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dimobel.errors import DomainError, NotAllowed
from events.models import Answer, Event, Question, Registration
from events.permissions import is_organiser
from events.selectors.registration import member_details, waitlist_position
from events.selectors.seats import SeatCount
from events.services import b2b
from events.services import registration_mail as mail
from events.services.errors import RegistrationClosed, RegistrationNotYetOpen

Status = Registration.Status


# The seat decision (the event row is locked by the caller)


def _lock_event(event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _check_window(event, now) -> None:
    if now < event.registration_opens_at:
        raise RegistrationNotYetOpen
    if now >= event.registration_closes_at:
        raise RegistrationClosed


def _check_category(event, category) -> None:
    if category.event_id != event.pk:
        raise NotAllowed(_("This category belongs to another event."))


def _seat_status(event, category) -> str:
    return Status.PENDING if event.requires_approval or category.requires_approval else Status.CONFIRMED


def _give_seat(registration, event, seats, now) -> None:
    registration.status = _seat_status(event, registration.category)
    registration.confirmed_at = now if registration.is_confirmed else None
    seats.take(registration.category)


def _promote(event, seats, now) -> list[Registration]:
    """Everyone waiting who now fits, in the order they joined the one queue of the event; people whose
    category is still full keep their place."""
    if not seats.event_has_room() or event.ends_at <= now:
        return []
    promoted = []
    for registration in Registration.objects.filter(event=event).waitlisted().select_related("category", "user"):
        if not seats.event_has_room():
            break
        if not seats.fits(registration.category):
            continue
        _give_seat(registration, event, seats, now)
        registration.save(update_fields=["status", "confirmed_at"])
        registration.event = event
        mail.send_promoted(registration)
        promoted.append(registration)
    return promoted


def _place(registration, event, now) -> None:
    """Seat a newcomer, or put them at the end of the queue. Whoever waits and now fits goes first."""
    seats = SeatCount(event)
    _promote(event, seats, now)
    if seats.fits(registration.category):
        _give_seat(registration, event, seats, now)
        registration.waitlisted_at = None
    else:
        registration.status = Status.WAITLISTED
        registration.confirmed_at = None
        registration.waitlisted_at = now


def _save_answers(registration, answers) -> None:
    """Replace the registration's answers to its event's questions; empty answers are not stored."""
    if answers is None:
        return
    answers = {getattr(key, "pk", key): value for key, value in answers.items()}
    questions = Question.objects.filter(event_id=registration.event_id)
    registration.answers.filter(question__event_id=registration.event_id).delete()
    Answer.objects.bulk_create(
        Answer(registration=registration, question=question, value=answers[question.pk])
        for question in questions
        if answers.get(question.pk) not in (None, "", [])
    )


def _save_new(registration) -> None:
    """Two rows for one person and event are refused by the database; the lock makes that a rare race
    (an organiser's change of email, say), which gets a clear message rather than a 500."""
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:
        raise DomainError(_("This email address is already registered for this event.")) from error


def _reset_history(registration) -> None:
    """A cancelled registration registering again starts afresh in its old row."""
    registration.confirmed_at = registration.waitlisted_at = registration.cancelled_at = None
    registration.checked_in_at = registration.checked_in_by = None


def _notify_placed(registration) -> None:
    mail.send_status(registration, waitlist_position=waitlist_position(registration))


# Members


def _existing_for_member(event, user) -> Registration | None:
    """The member's row for the event, or a guest row made with their address; active rows first."""
    rows = list(
        Registration.objects.select_for_update().filter(
            Q(user=user) | Q(user__isnull=True, email__iexact=user.email), event=event
        )
    )
    rows.sort(key=lambda row: (row.is_cancelled, row.user_id != user.pk))
    if not rows:
        return None
    registration = rows[0]
    if registration.user_id is None and not any(row.user_id == user.pk for row in rows):
        # Their own guest registration, made with the address their account has since confirmed.
        registration.user = user
        registration.save(update_fields=["user"])
    return registration


def register_member(*, event, user, category, answers=None) -> Registration:
    """One step: the details come from the account. A second submit returns the existing registration
    (``is_new`` False); a cancelled one is reused."""
    with transaction.atomic():
        event = _lock_event(event)
        now = timezone.now()  # read after the lock: it orders the waitlist, so it must follow the lock's order
        _check_category(event, category)
        registration = _existing_for_member(event, user)
        if registration is not None and not registration.is_cancelled:
            registration.is_new = False
            return registration
        _check_window(event, now)
        registration = registration or Registration(event=event)
        for field, value in member_details(user).items():
            setattr(registration, field, value)
        registration.user = user
        registration.category = category
        registration.email_confirmed_at = now
        _reset_history(registration)
        _place(registration, event, now)
        _save_new(registration)
        _save_answers(registration, answers)
        registration.event = event
        _notify_placed(registration)
    registration.is_new = True
    return registration


# Guests


def register_guest(
    *, event, category, first_name, last_name, email, organisation_name="", country="", language, answers=None
) -> Registration:
    """A guest's registration waits for their email to be confirmed and holds nothing until then.

    An address already registered gets its link again by email, and the caller shows the same page as for a
    new registration (``is_new`` False), so the form reveals nothing about who registered."""
    with transaction.atomic():
        event = _lock_event(event)
        now = timezone.now()
        _check_category(event, category)
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .filter(event=event, email__iexact=email)
            .select_related("user")
            .first()
        )
        if registration is not None and (not registration.is_cancelled or registration.user_id):
            registration.event = event
            mail.send_existing_link(registration)
            registration.is_new = False
            return registration
        _check_window(event, now)
        registration = registration or Registration(event=event)
        registration.category = category
        registration.first_name = first_name
        registration.last_name = last_name
        registration.email = email
        registration.organisation_name = organisation_name
        registration.country = country
        registration.language = language
        registration.status = Status.AWAITING_EMAIL
        registration.email_confirmed_at = None
        _reset_history(registration)
        _save_new(registration)
        _save_answers(registration, answers)
        registration.event = event
        mail.send_confirm_email(registration)
    registration.is_new = True
    return registration


def confirm_guest_email(*, registration) -> Registration:
    """The guest proved the address is theirs: now they get a seat, or a place on the waitlist."""
    with transaction.atomic():
        event = _lock_event(registration.event)
        now = timezone.now()  # after the lock: it orders the waitlist
        registration = (
            Registration.objects.select_for_update(of=("self",)).select_related("category").get(pk=registration.pk)
        )
        registration.event = event
        if not registration.is_awaiting_email:
            return registration
        _check_window(event, now)
        registration.email_confirmed_at = now
        _link_account(registration)
        _place(registration, event, now)
        registration.save()
        _notify_placed(registration)
    return registration


def _link_account(registration) -> None:
    """The address just proved is a member's login: the registration becomes theirs, unless they already
    have one for this event."""
    user = get_user_model().objects.filter(email__iexact=registration.email).first()
    if user and not Registration.objects.filter(event_id=registration.event_id, user=user).exists():
        registration.user = user


def link_guest_registrations(*, user, email=None) -> int:
    """A member confirmed an address: guest registrations made with it become theirs (one per event)."""
    email = email or user.email
    already = Registration.objects.filter(user=user).values("event_id")
    return (
        Registration.objects.filter(user__isnull=True, email__iexact=email)
        .exclude(event_id__in=already)
        .update(user=user)
    )


# After registering


def promote_from_waitlist(*, event) -> list[Registration]:
    """Give freed seats to the people waiting, in order; each promoted person is emailed."""
    with transaction.atomic():
        event = _lock_event(event)
        return _promote(event, SeatCount(event), timezone.now())


def _locked(registration) -> Registration:
    event = _lock_event(registration.event)
    registration = (
        Registration.objects.select_for_update(of=("self",)).select_related("category", "user").get(pk=registration.pk)
    )
    registration.event = event
    return registration


def approve(*, registration, by) -> Registration:
    if not is_organiser(by, registration.event):
        raise NotAllowed
    with transaction.atomic():
        registration = _locked(registration)
        if not registration.is_pending:
            raise NotAllowed(_("Only registrations pending approval can be approved."))
        registration.status = Status.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at"])
        mail.send_ticket(registration)
    return registration


def decline(*, registration, by) -> Registration:
    if not is_organiser(by, registration.event):
        raise NotAllowed
    with transaction.atomic():
        registration = _locked(registration)
        if not (registration.is_pending or registration.is_waitlisted):
            raise NotAllowed(_("Only registrations pending approval or on the waitlist can be declined."))
        held_seat = registration.holds_seat
        registration.status = Status.DECLINED
        registration.save(update_fields=["status"])
        mail.send_declined(registration)
        _withdraw_from_b2b(registration)
        if held_seat:
            _promote(registration.event, SeatCount(registration.event), timezone.now())
    return registration


def cancel(*, registration) -> Registration:
    """The person gives up their place; a seat they held goes to the waitlist at once."""
    with transaction.atomic():
        registration = _locked(registration)
        now = timezone.now()
        if registration.is_closed:
            raise NotAllowed(_("This registration is no longer active."))
        if registration.is_checked_in:
            raise NotAllowed(_("You have already been checked in."))
        if now >= registration.event.starts_at:
            raise NotAllowed(_("The event has started: registrations can no longer be cancelled."))
        held_seat = registration.holds_seat
        email_confirmed = not registration.is_awaiting_email
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if email_confirmed:
            mail.send_cancelled(registration)
        _withdraw_from_b2b(registration)
        if held_seat:
            _promote(registration.event, SeatCount(registration.event), now)
    return registration


def _withdraw_from_b2b(registration) -> None:
    """A registration that no longer holds a seat leaves no ghost meetings: its B2B meetings, booked or asked
    for, are cancelled and the people on the other side are emailed."""
    reason = _("%(name)s no longer attends the event.") % {"name": registration.full_name}
    b2b.withdraw(registration=registration, reason=str(reason))


def update_answers(*, registration, answers) -> Registration:
    """Answers may change until registration closes."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",)).select_related("event").get(pk=registration.pk)
        )
        if timezone.now() >= registration.event.registration_closes_at:
            raise RegistrationClosed(_("Registration has closed: answers can no longer be changed."))
        if registration.is_closed:
            raise NotAllowed(_("This registration is no longer active."))
        _save_answers(registration, answers)
    return registration


def resend_ticket(*, registration) -> None:
    """Organisers resend a ticket (or, to a guest who never confirmed, the confirmation link)."""
    registration = Registration.objects.select_related("event", "category", "user").get(pk=registration.pk)
    if registration.is_confirmed:
        with transaction.atomic():
            mail.send_ticket(registration)
    elif registration.is_awaiting_email:
        with transaction.atomic():
            mail.send_confirm_email(registration)
    else:
        raise NotAllowed(_("Only confirmed registrations have a ticket."))


def email_registrants(*, registrations, subject, message) -> int:
    """Organisers write to the selected people: one email each, in their language, queued in one transaction.
    Returns how many were queued."""
    with transaction.atomic():
        count = 0
        for registration in registrations:
            mail.send_organisers_message(registration, subject=subject, message=message)
            count += 1
    return count
