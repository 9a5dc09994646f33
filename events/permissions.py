"""Who may see or do what in events. Views call an access helper on their first line; it looks the object up
scoped to the member and answers 404 to everyone else. Where a helper lets someone in as an organiser, they need
two-factor authentication (``organiser_access``)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from dimobel import roles
from dimobel.mfa import require_mfa
from events.models import B2BParticipant, BadgeSheetJob, Event, Meeting, Registration
from events.selectors.registration import registration_from_checkin_token


def is_organiser(user, event=None) -> bool:
    """Staff, the Organisers group, and (for one event) the members named as its organisers."""
    if roles.is_organiser(user):
        return True
    return user.is_authenticated and event is not None and event.organisers.filter(pk=user.pk).exists()


def organiser_access(user, event) -> bool:
    """``is_organiser`` for the access helpers: an organiser opens the event's organiser pages (and sees it before
    it is published) only with two-factor authentication; ``dimobel.mfa.MFARequired`` sends them to set it up."""
    if not is_organiser(user, event):
        return False
    require_mfa(user)
    return True


# Events


def get_event_for_viewer(user, slug) -> Event:
    """A published event; an unpublished one only for its organisers."""
    event = get_object_or_404(Event, slug=slug)
    if not event.is_published and not organiser_access(user, event):
        raise Http404
    return event


def get_event_for_organiser(user, slug) -> Event:
    event = get_object_or_404(Event, slug=slug)
    if not organiser_access(user, event):
        raise Http404
    return event


def get_b2b_event_for_viewer(user, slug) -> Event:
    """An event the viewer may see, that has B2B meetings turned on."""
    event = get_event_for_viewer(user, slug)
    if not event.b2b_enabled:
        raise Http404
    return event


# Registrations


def get_registration_for_member(user, registration_id) -> Registration:
    """The member's own registration; anyone else's is a 404."""
    return get_object_or_404(Registration.objects.select_related("event", "category"), pk=registration_id, user=user)


def get_registration_by_secret(secret) -> Registration:
    """A guest's registration, reached through the secret link in their emails."""
    return get_object_or_404(Registration.objects.select_related("event", "category"), secret=secret)


def get_ticket_by_secret(secret) -> Registration:
    """A confirmed registration's ticket, through the guest's secret link: only a confirmed one has a ticket."""
    return get_object_or_404(Registration.objects.confirmed(), secret=secret)


def get_registration_for_organiser(user, registration_id) -> Registration:
    """Any registration of an event the user organises (badges, the desk)."""
    registration = get_object_or_404(
        Registration.objects.select_related("event", "category", "b2b"), pk=registration_id
    )
    if not organiser_access(user, registration.event):
        raise Http404
    return registration


def get_registration_for_checkin(user, token) -> Registration:
    """The registration a ticket's token names, for the event's organisers only; a forged token is a 404."""
    registration = registration_from_checkin_token(token)
    if registration is None or not organiser_access(user, registration.event):
        raise Http404
    return registration


# Badge sheets


def get_badge_sheet_job_for_organiser(user, slug, job_id) -> BadgeSheetJob:
    """A badge sheet of an event the user organises (whoever of its organisers asked for it); the PDF holds
    everyone's names, so it is a 404 for anyone else, including the organisers of other events."""
    job = get_object_or_404(BadgeSheetJob.objects.select_related("event", "category"), pk=job_id, event__slug=slug)
    if not organiser_access(user, job.event):
        raise Http404
    return job


# B2B meetings


def get_b2b_participant(user, event) -> B2BParticipant:
    """The member's own B2B profile for the event: opted in, with a registration that is still confirmed."""
    return get_object_or_404(
        B2BParticipant.objects.active().select_related("registration"), event=event, registration__user=user
    )


def get_meeting_for_participant(user, meeting_id) -> Meeting:
    """A meeting the member is one side of."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("event", "requester__registration", "recipient__registration"), pk=meeting_id
    )
    if user.is_authenticated and user.pk in (
        meeting.requester.registration.user_id,
        meeting.recipient.registration.user_id,
    ):
        return meeting
    raise Http404
