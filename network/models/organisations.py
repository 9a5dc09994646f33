from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from dimobel.countries import validate_country_code
from network.models.taxonomy import OrganisationKind, Sector


class OrganisationQuerySet(models.QuerySet):
    def listed(self) -> "OrganisationQuerySet":
        """What the directory and search show: published organisations."""
        return self.filter(is_published=True)


class Organisation(models.Model):
    class Size(models.TextChoices):
        MICRO = "1-9", _("1–9 people")
        SMALL = "10-49", _("10–49 people")
        MEDIUM = "50-249", _("50–249 people")
        LARGE = "250+", _("250 people or more")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.ForeignKey(
        OrganisationKind, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("kind")
    )
    countries = ArrayField(
        models.CharField(max_length=2, validators=[validate_country_code]),
        verbose_name=_("countries of activity"),
        default=list,
        blank=True,
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    sectors = models.ManyToManyField(Sector, blank=True, related_name="organisations", verbose_name=_("sectors"))
    size = models.CharField(_("size"), max_length=10, choices=Size.choices, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("founding year"), null=True, blank=True, validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown is allowed."))
    logo = models.ImageField(_("logo"), upload_to="logos/%Y/%m/", blank=True)
    is_verified = models.BooleanField(_("verified"), default=False)
    is_published = models.BooleanField(_("published"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Maintained by network.services.search.refresh_organisation_search.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["is_published", "name"], name="network_org_pub_name"),
            models.Index(fields=["is_published", "-created_at"], name="network_org_pub_new"),
            models.Index(fields=["is_published", "kind"], name="network_org_pub_kind"),
            models.Index(fields=["is_published", "is_verified"], name="network_org_pub_verified"),
            GinIndex(fields=["countries"], name="network_org_countries"),
            GinIndex(fields=["search_vector"], name="network_org_search"),
            GinIndex(fields=["name"], opclasses=["gin_trgm_ops"], name="network_org_name_trgm"),
        ]

    def __str__(self):
        return self.name


class MembershipQuerySet(models.QuerySet):
    def accepted(self) -> "MembershipQuerySet":
        """Members of the organisation (requests answered yes)."""
        return self.filter(status=Membership.Status.ACCEPTED)

    def pending(self) -> "MembershipQuerySet":
        """Requests to join waiting for an admin's answer."""
        return self.filter(status=Membership.Status.PENDING)

    def admins(self) -> "MembershipQuerySet":
        """Memberships that run their organisation: accepted, and made admin. A pending or refused request keeps
        ``is_admin`` False, but only this method says who administers."""
        return self.accepted().filter(is_admin=True)


class Membership(models.Model):
    """A member's place in an organisation. Joining starts as a request that an org admin decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Request pending")
        ACCEPTED = "accepted", _("Member")
        REFUSED = "refused", _("Request refused")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("member")
    )
    role = models.CharField(_("role or title"), max_length=120, blank=True)
    is_admin = models.BooleanField(_("organisation admin"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "member"], name="network_membership_once")]
        indexes = [models.Index(fields=["member", "status"], name="network_membership_member")]

    def __str__(self):
        return f"{self.member} @ {self.organisation}"

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def administers(self) -> bool:
        """``Membership.objects.admins()`` for this membership: accepted and admin."""
        return self.is_accepted and self.is_admin

    @property
    def opens_organisation_page(self) -> bool:
        """The member may open the organisation's page: it is published, or they administer it (the rule of
        ``network.permissions.can_see_organisation``, for a member's own membership, without a query)."""
        return self.organisation.is_published or self.administers
