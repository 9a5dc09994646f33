from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from autumn_school.models.expressions import count_rows
from dimobel import roles
from network.models.taxonomy import TranslatedName


def in_catalogue(prefix: str = "") -> Q:
    """Published modules of published editions: what the catalogue lists and learners may enrol in.
    ``prefix`` reaches the module from another model: ``in_catalogue("module__")``."""
    return Q(**{f"{prefix}is_published": True, f"{prefix}edition__is_published": True})


class Theme(TranslatedName):
    """What a module is about: business model, financing, law, marketing… Named in the four languages."""

    class Meta(TranslatedName.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class Edition(models.Model):
    """One year's autumn school, e.g. "Université d'automne 2025"."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown is allowed."))
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="autumn_school_edition_dates_in_order"
            ),
        ]

    def __str__(self):
        return self.title


class ModuleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(in_catalogue())

    def open_for_enrolment(self, now=None):
        """The same window as ``Module.is_open_for_enrolment``."""
        now = now or timezone.now()
        return self.filter(enrolment_opens_at__lte=now, enrolment_closes_at__gt=now)

    def with_seats_taken(self):
        """Annotate ``seats_taken``: the learners holding a place (waitlisted and cancelled ones hold none)."""
        from autumn_school.models.enrolment import Enrolment

        return self.annotate(seats_taken=count_rows(Enrolment.objects.active().filter(module=OuterRef("pk"))))


class Module(models.Model):
    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    class Format(models.TextChoices):
        SELF_PACED = "self_paced", _("Self-paced")
        LIVE = "live", _("Live")
        BLENDED = "blended", _("Blended")

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="modules", verbose_name=_("edition"))
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown is allowed."))
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="modules", verbose_name=_("theme"))
    level = models.CharField(_("level"), max_length=12, choices=Level.choices, default=Level.BEGINNER)
    language = models.CharField(_("teaching language"), max_length=2, choices=settings.LANGUAGES)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.BLENDED)
    instructors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="modules_taught",
        verbose_name=_("instructors"),
        limit_choices_to={"groups__name": roles.INSTRUCTORS},
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    enrolment_opens_at = models.DateTimeField(_("enrolment opens at"))
    enrolment_closes_at = models.DateTimeField(_("enrolment closes at"))
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    prerequisites = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="required_by",
        verbose_name=_("prerequisite modules"),
        help_text=_("Modules a learner must have completed before enrolling."),
    )
    estimated_hours = models.DecimalField(_("estimated hours"), max_digits=5, decimal_places=1, default=0)
    required_live_sessions = models.PositiveSmallIntegerField(
        _("live sessions to attend"),
        default=0,
        help_text=_("How many live sessions a learner must attend to complete the module."),
    )
    cover = models.ImageField(_("cover image"), upload_to="autumn_school/covers/%Y/", blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    # Kept up to date by autumn_school.search.refresh_module_search().
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ModuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["starts_on", "title"]
        indexes = [
            models.Index(fields=["is_published", "starts_on", "title"], name="autumn_school_module_catalogue"),
            models.Index(fields=["enrolment_opens_at", "enrolment_closes_at"], name="autumn_school_module_window"),
            GinIndex(fields=["search_vector"], name="autumn_school_module_search"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="autumn_school_module_dates_in_order"
            ),
            models.CheckConstraint(
                condition=Q(enrolment_closes_at__gt=models.F("enrolment_opens_at")),
                name="autumn_school_module_window_in_order",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0), name="autumn_school_module_capacity_positive"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_in_catalogue(self) -> bool:
        """Published, in a published edition: the rule of ``in_catalogue()`` for one module."""
        return self.is_published and self.edition.is_published

    @property
    def is_self_paced(self) -> bool:
        return self.format == self.Format.SELF_PACED

    def enrolment_has_opened(self, now=None) -> bool:
        return (now or timezone.now()) >= self.enrolment_opens_at

    def enrolment_has_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.enrolment_closes_at

    def is_open_for_enrolment(self, now=None) -> bool:
        """Between the opening (included) and the closing (excluded); ``open_for_enrolment()`` in SQL."""
        now = now or timezone.now()
        return self.enrolment_has_opened(now) and not self.enrolment_has_closed(now)
