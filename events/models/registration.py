import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from dimobel.countries import validate_country_code


def new_secret():
    return secrets.token_urlsafe(24)


class Category(models.Model):
    """A kind of registration (participant, speaker, student, press, partner…) with its own seats and rules."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        INVITATION = "invitation", _("Invitation only (secret link)")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="categories", verbose_name=_("event")
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty for no limit."))
    requires_approval = models.BooleanField(_("requires approval"), default=False)
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    invitation_token = models.CharField(_("invitation token"), max_length=40, unique=True, default=new_secret)

    class Meta:
        verbose_name = _("registration category")
        verbose_name_plural = _("registration categories")
        ordering = ["event", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="events_category_name_unique"),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0), name="events_category_capacity_positive"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_by_invitation(self) -> bool:
        return self.visibility == self.Visibility.INVITATION


class Question(models.Model):
    """A custom question organisers ask at registration (dietary needs, accessibility, which workshops…)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        YES_NO = "yes_no", _("Yes / no")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="questions", verbose_name=_("event")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = ArrayField(
        models.CharField(max_length=200),
        verbose_name=_("choices"),
        default=list,
        blank=True,
        help_text=_("For single and multiple choice: the options, separated by commas."),
    )
    required = models.BooleanField(_("required"), default=False)

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["event", "position", "pk"]

    def __str__(self):
        return self.label


class RegistrationQuerySet(models.QuerySet):
    def holding_seat(self):
        """Registrations that take a seat: confirmed (checked in or not) and pending approval."""
        return self.filter(status__in=Registration.HOLDING_SEAT)

    def in_the_running(self):
        """Registrations holding a seat or waiting for one."""
        return self.filter(status__in=Registration.IN_THE_RUNNING)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        """The event's one queue, first come first served."""
        return self.filter(status=Registration.Status.WAITLISTED).order_by("waitlisted_at", "pk")


class Registration(models.Model):
    """One person's registration for an event: a member, or a guest who confirmed their email."""

    class Status(models.TextChoices):
        AWAITING_EMAIL = "unconfirmed", _("Email not confirmed yet")
        PENDING = "pending", _("Pending approval")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    # Statuses that take a seat: confirmed (checked in or not) and pending approval.
    HOLDING_SEAT = (Status.CONFIRMED, Status.PENDING)
    IN_THE_RUNNING = (*HOLDING_SEAT, Status.WAITLISTED)
    # Statuses of a registration that no longer counts: given up by the person, or turned down by the organisers.
    CLOSED = (Status.CANCELLED, Status.DECLINED)

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("category")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("member"),
    )
    email = models.EmailField(_("email"))
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, validators=[validate_country_code])
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="fr")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    # The secret behind the ticket's QR code and the guest's links; never shown in lists.
    secret = models.CharField(_("secret"), max_length=40, unique=True, default=new_secret, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    email_confirmed_at = models.DateTimeField(_("email confirmed at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("waitlisted at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    is_walk_in = models.BooleanField(_("walk-in"), default=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], condition=Q(user__isnull=False), name="events_registration_member_once"
            ),
            models.UniqueConstraint("event", Lower("email"), name="events_registration_email_once"),
            models.CheckConstraint(
                condition=~Q(status="waitlisted") | Q(waitlisted_at__isnull=False),
                name="events_registration_waitlist_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "waitlisted_at"], name="events_registration_queue"),
            models.Index(fields=["event", "category", "status"], name="events_registration_category"),
            models.Index(fields=["event", "created_at"], name="events_registration_by_day"),
            models.Index(fields=["event", "last_name", "first_name"], name="events_registration_names"),
            models.Index(fields=["user", "status"], name="events_registration_mine"),
        ]

    def __str__(self):
        return f"{self.full_name} – {self.event}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def name_and_organisation(self) -> str:
        """ "Name (Organisation)": how a B2B participant is named to the other side, in emails and calendars."""
        if self.organisation_name:
            return f"{self.full_name} ({self.organisation_name})"
        return self.full_name

    @property
    def is_guest(self) -> bool:
        """Registered without an account (reached at the address they gave, through secret links)."""
        return self.user_id is None

    @property
    def is_awaiting_email(self) -> bool:
        return self.status == self.Status.AWAITING_EMAIL

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    @property
    def is_waitlisted(self) -> bool:
        return self.status == self.Status.WAITLISTED

    @property
    def is_declined(self) -> bool:
        return self.status == self.Status.DECLINED

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def holds_seat(self) -> bool:
        return self.status in self.HOLDING_SEAT

    @property
    def is_in_the_running(self) -> bool:
        return self.status in self.IN_THE_RUNNING

    @property
    def is_closed(self) -> bool:
        return self.status in self.CLOSED

    @property
    def is_checked_in(self) -> bool:
        return self.checked_in_at is not None

    @property
    def can_check_in(self) -> bool:
        """Only a confirmed registration is let in, and once (a second check-in changes nothing)."""
        return self.is_confirmed and not self.is_checked_in


class Answer(models.Model):
    """A registration's answer to a custom question: text, or the chosen options."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="answers", verbose_name=_("registration")
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question"))
    value = models.JSONField(_("answer"), help_text=_("Text, true/false, or the list of chosen options."))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["registration", "question"], name="events_answer_once"),
        ]

    def __str__(self):
        return f"{self.question}: {self.value}"
