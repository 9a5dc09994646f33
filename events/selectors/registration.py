"""Registrations, read side: what a member's registration is prefilled with, a member's or a guest's
registration, the waitlist position, what a registrant may still do, and the lists organisers export."""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from events import tickets
from events.models import Answer, Question, Registration
from network.models import Membership, Profile

Status = Registration.Status


def member_details(user) -> dict:
    """What a member's registration is prefilled with: their account, organisation and country."""
    membership = (
        Membership.objects.filter(member=user, status=Membership.Status.ACCEPTED)
        .select_related("organisation")
        .order_by("-is_admin", "requested_at")
        .first()
    )
    profile = Profile.objects.filter(user=user).only("country").first()
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "organisation_name": membership.organisation.name if membership else "",
        "job_title": membership.role if membership else "",
        "country": str(profile.country) if profile and profile.country else "",
        "language": user.preferred_language,
    }


def current_registration(*, event, user) -> Registration | None:
    """The member's registration for the event, unless they cancelled it."""
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(event=event, user=user)
        .exclude(status=Status.CANCELLED)
        .select_related("category")
        .first()
    )


def member_registration(event, user) -> Registration | None:
    """The member's registration for the event, whatever its status."""
    return Registration.objects.filter(event=event, user=user).first()


def registration_from_confirm_token(token) -> Registration | None:
    """The registration a guest's confirmation link names, or None for a forged, altered or expired link."""
    payload = tickets.read_confirm_token(token)
    if payload is None:
        return None
    pk, email = payload
    return Registration.objects.select_related("event", "category").filter(pk=pk, email__iexact=email).first()


def registration_from_checkin_token(token) -> Registration | None:
    """The registration a ticket's QR code names, or None for a forged, altered or outdated token."""
    payload = tickets.read_checkin_token(token)
    if payload is None:
        return None
    pk, secret_start = payload
    registration = Registration.objects.select_related("event", "category", "checked_in_by").filter(pk=pk).first()
    if registration is None or registration.secret[:10] != secret_start:
        return None
    return registration


def waitlist_position(registration) -> int | None:
    """1 for the first in the event's queue; None when not waiting."""
    if not registration.is_waitlisted:
        return None
    ahead = Registration.objects.filter(event_id=registration.event_id, status=Status.WAITLISTED).filter(
        Q(waitlisted_at__lt=registration.waitlisted_at)
        | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def can_edit_answers(registration, now=None) -> bool:
    """Answers may change until registration closes, while the registration still counts."""
    now = now or timezone.now()
    return not registration.is_closed and now < registration.event.registration_closes_at


def can_cancel(registration, now=None) -> bool:
    """A registration may be given up until the event starts, unless its holder was checked in."""
    now = now or timezone.now()
    return not registration.is_closed and not registration.is_checked_in and now < registration.event.starts_at


def answers_of(registration) -> QuerySet[Answer]:
    """The registration's answers with their questions, in the questions' order."""
    return registration.answers.select_related("question").order_by("question__position", "question__pk")


def current_answers(registration) -> dict:
    """{question id: answer}, to fill in the answers form."""
    return dict(registration.answers.values_list("question_id", "value"))


def questions_of(event) -> QuerySet[Question]:
    return Question.objects.filter(event=event)


def registrations_of_member(user) -> list[Registration]:
    """All the member's registrations, by the event's start."""
    return list(
        Registration.objects.filter(user=user).select_related("event", "category").order_by("event__starts_at", "pk")
    )


def upcoming_registrations(user, *, limit) -> list[Registration]:
    """The member's registrations still in the running for events not over yet, soonest first."""
    return list(
        Registration.objects.filter(user=user, event__ends_at__gte=timezone.now())
        .in_the_running()
        .select_related("event", "category")
        .order_by("event__starts_at", "pk")[:limit]
    )


# Exports


def registrations_for_export(queryset) -> list[Registration]:
    """The registrations with their event, category and answers, by event and name (two queries)."""
    return list(
        queryset.select_related("event", "category")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.only("registration_id", "question_id", "value")))
        .order_by("event__starts_at", "event_id", "last_name", "first_name", "pk")
    )


def questions_of_events(event_ids) -> list[Question]:
    """The questions of these events, by event and position: the export's extra columns."""
    return list(
        Question.objects.filter(event_id__in=event_ids)
        .select_related("event")
        .order_by("event__starts_at", "event_id", "position", "pk")
    )


def event_slugs(queryset) -> list[str]:
    """The slugs of the events the registrations belong to, for the export's file name."""
    return sorted(set(queryset.values_list("event__slug", flat=True)))
