from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeOperators
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models.ranges import TsTzRange


class Room(models.Model):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="rooms", verbose_name=_("event"))
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    seats = models.PositiveIntegerField(_("seats"), null=True, blank=True)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["event", "position", "name"]
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="events_room_name_unique")]

    def __str__(self):
        return self.name


class Track(models.Model):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="tracks", verbose_name=_("event"))
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["event", "name"]
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="events_track_name_unique")]

    def __str__(self):
        return self.name


class Speaker(models.Model):
    """A speaker: a member (their directory profile speaks for them) or an external person with a bio and photo."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="speakers", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="speaker_roles",
        verbose_name=_("member"),
        help_text=_("Leave empty for an external speaker."),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="events/speakers/%Y/", blank=True)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["event", "name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "slug"], name="events_speaker_slug_unique"),
            models.UniqueConstraint(
                fields=["event", "user"], condition=Q(user__isnull=False), name="events_speaker_member_once"
            ),
        ]

    def __str__(self):
        return self.name


class Session(models.Model):
    """A slot of the programme: plenary, panel, workshop or break."""

    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Plenary")
        PANEL = "panel", _("Panel")
        WORKSHOP = "workshop", _("Workshop")
        BREAK = "break", _("Break")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="sessions", verbose_name=_("event")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PANEL)
    title = models.CharField(_("title"), max_length=250)
    abstract = models.TextField(_("abstract"), blank=True, help_text=_("Markdown is allowed."))
    room = models.ForeignKey(
        Room, on_delete=models.PROTECT, null=True, blank=True, related_name="sessions", verbose_name=_("room")
    )
    track = models.ForeignKey(
        Track, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions", verbose_name=_("track")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    speakers = models.ManyToManyField(Speaker, blank=True, related_name="sessions", verbose_name=_("speakers"))
    capacity = models.PositiveIntegerField(
        _("sign-up capacity"),
        null=True,
        blank=True,
        help_text=_("For workshops with their own sign-up; empty when no sign-up is needed."),
    )

    class Meta:
        verbose_name = _("programme session")
        verbose_name_plural = _("programme sessions")
        ordering = ["event", "starts_at", "room__position", "pk"]
        indexes = [models.Index(fields=["event", "starts_at"], name="events_session_schedule")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="events_session_times_in_order"
            ),
            # A room hosts one session at a time.
            ExclusionConstraint(
                name="events_session_room_not_double_booked",
                expressions=[
                    ("room", RangeOperators.EQUAL),
                    (TsTzRange("starts_at", "ends_at"), RangeOperators.OVERLAPS),
                ],
                condition=Q(room__isnull=False),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_break(self) -> bool:
        return self.kind == self.Kind.BREAK

    @property
    def is_plenary(self) -> bool:
        return self.kind == self.Kind.PLENARY

    @property
    def is_workshop(self) -> bool:
        return self.kind == self.Kind.WORKSHOP

    @property
    def has_signup(self) -> bool:
        """A session with a capacity takes sign-ups; the others are open to every registrant."""
        return self.capacity is not None


class AgendaStar(models.Model):
    """A session a member starred into their personal agenda."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_stars", verbose_name=_("member")
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="stars", verbose_name=_("session"))
    created_at = models.DateTimeField(_("starred at"), auto_now_add=True)

    class Meta:
        verbose_name = _("starred session")
        verbose_name_plural = _("starred sessions")
        constraints = [models.UniqueConstraint(fields=["user", "session"], name="events_star_once")]

    def __str__(self):
        return f"{self.user} – {self.session}"


class WorkshopSignup(models.Model):
    """A registrant's seat in a workshop that has its own capacity."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="signups", verbose_name=_("session"))
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="workshop_signups", verbose_name=_("registration")
    )
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)

    class Meta:
        verbose_name = _("workshop sign-up")
        verbose_name_plural = _("workshop sign-ups")
        constraints = [models.UniqueConstraint(fields=["session", "registration"], name="events_signup_once")]

    def __str__(self):
        return f"{self.registration} – {self.session}"
