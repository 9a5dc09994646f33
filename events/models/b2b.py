from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeOperators
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models.ranges import TsTzRange
from events.models.registration import Registration


class MeetingBlock(models.Model):
    """A period when B2B meetings take place (e.g. 10:00–12:30), cut into slots of the event's meeting length."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="meeting_blocks", verbose_name=_("event")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        verbose_name = _("B2B meeting session")
        verbose_name_plural = _("B2B meeting sessions")
        ordering = ["event", "starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="events_block_times_in_order"),
            ExclusionConstraint(
                name="events_blocks_do_not_overlap",
                expressions=[
                    ("event", RangeOperators.EQUAL),
                    (TsTzRange("starts_at", "ends_at"), RangeOperators.OVERLAPS),
                ],
            ),
        ]

    def __str__(self):
        return f"{self.event}: {self.starts_at:%Y-%m-%d %H:%M}"


class B2BParticipantQuerySet(models.QuerySet):
    def active(self):
        """Who takes part in the meetings: opted in, with a registration that still holds a confirmed seat."""
        return self.filter(B2BParticipant.TAKING_PART)


class B2BParticipant(models.Model):
    """A registrant who opted in to B2B meetings. Offers and needs come from their network profile."""

    registration = models.OneToOneField(
        "events.Registration", on_delete=models.CASCADE, related_name="b2b", verbose_name=_("registration")
    )
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="b2b_participants", verbose_name=_("event")
    )
    note = models.TextField(
        _("note for this event"), blank=True, max_length=1000, help_text=_("What you are looking for at this event.")
    )
    opted_in_at = models.DateTimeField(_("opted in at"), auto_now_add=True)
    is_active = models.BooleanField(_("active"), default=True)

    TAKING_PART = Q(is_active=True, registration__status=Registration.Status.CONFIRMED)

    objects = B2BParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("B2B participant")
        verbose_name_plural = _("B2B participants")
        ordering = ["event", "registration__last_name"]

    def __str__(self):
        return str(self.registration)


class MeetingQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=Meeting.Status.ACCEPTED)

    def open(self):
        """Requests waiting for an answer and booked meetings: what a cancellation still concerns."""
        return self.filter(status__in=Meeting.OPEN)

    def involving(self, *participant_ids):
        """Meetings where any of these participants is one side, whichever side of the request."""
        return self.filter(Q(requester_id__in=participant_ids) | Q(recipient_id__in=participant_ids))


class Meeting(models.Model):
    """A one-to-one meeting request in a slot; accepted ones get a table and block both people's time."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    OPEN = (Status.REQUESTED, Status.ACCEPTED)

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="meetings", verbose_name=_("event")
    )
    requester = models.ForeignKey(
        B2BParticipant, on_delete=models.CASCADE, related_name="meetings_requested", verbose_name=_("requested by")
    )
    recipient = models.ForeignKey(
        B2BParticipant, on_delete=models.CASCADE, related_name="meetings_received", verbose_name=_("with")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    table = models.PositiveSmallIntegerField(_("table"), null=True, blank=True)
    # The other side may answer with another slot; the request then waits for the requester.
    proposed_by = models.ForeignKey(
        B2BParticipant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last slot proposed by"),
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    cancelled_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    held = models.BooleanField(_("held"), null=True, blank=True, help_text=_("Whether the meeting took place."))

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("B2B meeting")
        verbose_name_plural = _("B2B meetings")
        ordering = ["event", "starts_at", "table"]
        indexes = [models.Index(fields=["event", "status", "starts_at"], name="events_meeting_schedule")]
        constraints = [
            models.CheckConstraint(condition=~Q(requester=models.F("recipient")), name="events_meeting_two_people"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="events_meeting_times_in_order"
            ),
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(table__isnull=False), name="events_accepted_meeting_has_table"
            ),
            # No table is used twice in a slot.
            ExclusionConstraint(
                name="events_meeting_table_not_double_booked",
                expressions=[
                    ("event", RangeOperators.EQUAL),
                    ("table", RangeOperators.EQUAL),
                    (TsTzRange("starts_at", "ends_at"), RangeOperators.OVERLAPS),
                ],
                condition=Q(status="accepted"),
            ),
        ]

    def __str__(self):
        return f"{self.requester} ↔ {self.recipient}"

    @property
    def is_requested(self) -> bool:
        return self.status == self.Status.REQUESTED

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def is_declined(self) -> bool:
        return self.status == self.Status.DECLINED

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def is_counter_proposal(self) -> bool:
        """The recipient answered the request with another slot."""
        return self.proposed_by_id == self.recipient_id

    @property
    def awaited_participant_id(self) -> int:
        """Who must answer a pending request: the recipient, or the requester once the recipient proposed
        another slot."""
        return self.requester_id if self.is_counter_proposal else self.recipient_id

    def side_of(self, participant_id):
        """This participant's side of the meeting."""
        return self.requester if self.requester_id == participant_id else self.recipient

    def other_side(self, participant_id):
        """The other person, seen from this participant's side."""
        return self.recipient if self.requester_id == participant_id else self.requester


class MeetingSeat(models.Model):
    """One participant's time in an accepted meeting (two rows per meeting), so the database can refuse a
    participant in two meetings at once, whichever side of the request they were on."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seats", verbose_name=_("meeting"))
    participant = models.ForeignKey(
        B2BParticipant, on_delete=models.CASCADE, related_name="seats", verbose_name=_("participant")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        verbose_name = _("meeting seat")
        verbose_name_plural = _("meeting seats")
        constraints = [
            ExclusionConstraint(
                name="events_participant_not_double_booked",
                expressions=[
                    ("participant", RangeOperators.EQUAL),
                    (TsTzRange("starts_at", "ends_at"), RangeOperators.OVERLAPS),
                ],
            ),
        ]

    def __str__(self):
        return f"{self.participant} – {self.meeting}"
