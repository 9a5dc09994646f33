from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from network.models.taxonomy import HelpType, Sector

# Languages members can say they speak (ISO 639-1), beyond the four of the interface.
SPOKEN_LANGUAGES = [
    ("fr", _("French")),
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("zgh", _("Amazigh")),
    ("de", _("German")),
    ("es", _("Spanish")),
]


class ProfileQuerySet(models.QuerySet):
    def visible_to(self, viewer):
        """Profiles a viewer may see: public ones, members-only ones for members, and always their own."""
        if viewer is None or not viewer.is_authenticated:
            return self.filter(visibility=Profile.Visibility.PUBLIC, user__is_active=True)
        return self.filter(
            models.Q(visibility__in=[Profile.Visibility.PUBLIC, Profile.Visibility.MEMBERS], user__is_active=True)
            | models.Q(user=viewer)
        )


class Profile(models.Model):
    """A member's public face in the directory. One per member, created with the account."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: anyone can see my profile")
        MEMBERS = "members", _("Members only: visible to logged-in members")
        HIDDEN = "hidden", _("Hidden: my profile appears nowhere")

    class Messaging(models.TextChoices):
        MEMBERS = "members", _("Any member")
        NOBODY = "nobody", _("Nobody")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile", verbose_name=_("member")
    )
    headline = models.CharField(
        _("headline"), max_length=160, blank=True, help_text=_("One line, e.g. “Export consultant, Tangier–Antwerp”.")
    )
    photo = models.ImageField(_("photo"), upload_to="photos/%Y/%m/", blank=True)
    bio = models.TextField(_("about me"), max_length=4000, blank=True)
    country = CountryField(_("country of residence"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    languages = ArrayField(
        models.CharField(max_length=8, choices=SPOKEN_LANGUAGES),
        verbose_name=_("languages spoken"),
        default=list,
        blank=True,
    )
    sectors = models.ManyToManyField(Sector, blank=True, related_name="profiles", verbose_name=_("sectors"))
    expertise = ArrayField(
        models.CharField(max_length=60),
        verbose_name=_("expertise"),
        default=list,
        blank=True,
        help_text=_("Keywords, separated by commas."),
    )
    website = models.URLField(_("website"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)
    offers = models.ManyToManyField(HelpType, blank=True, related_name="offered_by", verbose_name=_("what I offer"))
    needs = models.ManyToManyField(
        HelpType, blank=True, related_name="needed_by", verbose_name=_("what I am looking for")
    )
    visibility = models.CharField(
        _("who can see my profile"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    messaging = models.CharField(
        _("who can write to me"), max_length=10, choices=Messaging.choices, default=Messaging.MEMBERS
    )
    email_on_message = models.BooleanField(_("email me about unread messages"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    # Maintained by network.search.refresh_profile_search (names, headline, bio, city, expertise, sectors).
    search_vector = SearchVectorField(null=True, editable=False)
    search_name = models.CharField(max_length=310, blank=True, editable=False)  # "first last", for typo search

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        indexes = [
            models.Index(fields=["visibility", "country"], name="network_profile_vis_country"),
            models.Index(fields=["visibility", "-created_at"], name="network_profile_vis_new"),
            models.Index(fields=["visibility", "search_name"], name="network_profile_vis_name"),
            GinIndex(fields=["search_vector"], name="network_profile_search"),
            GinIndex(fields=["languages"], name="network_profile_languages"),
            GinIndex(fields=["search_name"], opclasses=["gin_trgm_ops"], name="network_profile_name_trgm"),
        ]

    def __str__(self):
        return str(self.user)

    @property
    def language_names(self):
        names = dict(SPOKEN_LANGUAGES)
        return [str(names[code]) for code in self.languages if code in names]
