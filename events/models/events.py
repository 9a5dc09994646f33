from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dimobel.countries import validate_country_code


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())


class Event(models.Model):
    """The Brussels colloquium, the Oujda meeting, a workshop… Times are stored in UTC and shown in the event's zone."""

    class Kind(models.TextChoices):
        COLLOQUIUM = "colloquium", _("Colloquium")
        MEETING = "meeting", _("Meeting")
        WORKSHOP = "workshop", _("Workshop")

    class TimeZone(models.TextChoices):
        # The tz database knows Morocco's changes of offset (Ramadan); never store an offset.
        BRUSSELS = "Europe/Brussels", _("Brussels (Europe/Brussels)")
        CASABLANCA = "Africa/Casablanca", _("Morocco (Africa/Casablanca)")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown is allowed."))
    practical_info = models.TextField(
        _("practical information"), blank=True, help_text=_("Access, accommodation, visas… Markdown is allowed.")
    )
    venue_name = models.CharField(_("venue"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    city = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=2, validators=[validate_country_code])
    map_url = models.URLField(_("map link"), blank=True)
    time_zone = models.CharField(_("time zone"), max_length=40, choices=TimeZone.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    registration_opens_at = models.DateTimeField(_("registration opens at"))
    registration_closes_at = models.DateTimeField(_("registration closes at"))
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Seats for the whole event; empty for no limit.")
    )
    requires_approval = models.BooleanField(
        _("requires approval"), default=False, help_text=_("Organisers approve each registration.")
    )
    languages = ArrayField(
        models.CharField(max_length=2, choices=settings.LANGUAGES),
        verbose_name=_("languages"),
        default=list,
        blank=True,
    )
    cover = models.ImageField(_("cover image"), upload_to="events/covers/%Y/", blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="events_organised", verbose_name=_("organisers")
    )
    # B2B meetings (Oujda, or any event that turns them on)
    b2b_enabled = models.BooleanField(_("B2B meetings"), default=False)
    b2b_slot_minutes = models.PositiveSmallIntegerField(
        _("meeting length (minutes)"), default=30, validators=[MinValueValidator(5), MaxValueValidator(120)]
    )
    b2b_tables = models.PositiveSmallIntegerField(_("number of tables"), default=20)
    b2b_max_meetings = models.PositiveSmallIntegerField(
        _("meetings per participant"), default=8, help_text=_("The most meetings one participant may have.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["is_published", "starts_at"], name="events_event_published")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="events_event_dates_in_order"),
            models.CheckConstraint(
                condition=Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="events_event_registration_in_order",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0), name="events_event_capacity_positive"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def is_meeting(self) -> bool:
        return self.kind == self.Kind.MEETING

    @property
    def is_workshop(self) -> bool:
        return self.kind == self.Kind.WORKSHOP

    def has_ended(self, now=None) -> bool:
        return self.ends_at <= (now or timezone.now())

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.registration_opens_at <= now < self.registration_closes_at
