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
    """Who sees whose profile: the one home of the rule. Everything that shows, lists, suggests or exports
    members goes through these methods (directory, matchmaking, messaging, events' B2B, consortium, admin).

    - A **visitor** (not logged in) sees and finds public profiles.
    - A **member** sees and finds public and members-only profiles, and always sees their own.
    - A **hidden** profile appears nowhere: no list, no search, no suggestion, no export (only its owner's own
      page shows it to them).
    - A deactivated member's profile is neither seen nor listed by anyone.

    ``visible_to(viewer)`` answers "may this viewer open this profile?" (pages, links, names next to a post).
    ``listed_to(viewer)`` answers "may this profile appear in a list for this viewer?" (directory, exports,
    suggestions): the same minus the "always my own" branch, written as ``visibility IN (…)`` so PostgreSQL uses
    the (visibility, …) indexes. ``listed_to_members()`` is ``listed_to`` for any logged-in member (lists whose
    viewers are all members: B2B participants, the organisers' CSV). ``accepting_messages()`` narrows to members
    one can write to. For one profile already in hand: ``profile.is_listed_to_members``,
    ``profile.accepts_messages``.
    """

    def visible_to(self, viewer) -> "ProfileQuerySet":
        """Profiles a viewer may see: public ones, members-only ones for members, and always their own."""
        if viewer is None or not viewer.is_authenticated:
            return self.listed_to(viewer)
        return self.filter(
            models.Q(visibility__in=Profile.LISTED_TO_MEMBERS, user__is_active=True) | models.Q(user=viewer)
        )

    def listed_to(self, viewer) -> "ProfileQuerySet":
        """Profiles that may appear in a list the viewer looks at (never hidden ones, never deactivated members)."""
        return self.filter(visibility__in=Profile.listed_visibilities(viewer), user__is_active=True)

    def listed_to_members(self) -> "ProfileQuerySet":
        """Profiles any logged-in member may find: public and members-only ones of active members."""
        return self.filter(visibility__in=Profile.LISTED_TO_MEMBERS, user__is_active=True)

    def accepting_messages(self) -> "ProfileQuerySet":
        """Listed profiles whose member accepts messages from other members (blocks are checked apart)."""
        return self.listed_to_members().filter(messaging=Profile.Messaging.MEMBERS)


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
    # Maintained by network.services.search.refresh_profile_search (names, headline, bio, city, expertise, sectors).
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

    # The visibilities each kind of viewer may list and see (see ProfileQuerySet, the home of the rule).
    LISTED_TO_VISITORS = (Visibility.PUBLIC,)
    LISTED_TO_MEMBERS = (Visibility.PUBLIC, Visibility.MEMBERS)

    def __str__(self):
        return str(self.user)

    @staticmethod
    def listed_visibilities(viewer) -> tuple[str, ...]:
        """The visibilities a viewer's lists show: public for visitors, public and members-only for members."""
        if viewer is None or not viewer.is_authenticated:
            return Profile.LISTED_TO_VISITORS
        return Profile.LISTED_TO_MEMBERS

    @property
    def is_listed_to_members(self) -> bool:
        """``Profile.objects.listed_to_members()`` for this profile (reads ``user``: select it with the profile)."""
        return self.visibility in self.LISTED_TO_MEMBERS and self.user.is_active

    @property
    def accepts_messages(self) -> bool:
        """Members may write to this one: ``Profile.objects.accepting_messages()`` for this profile, without the
        account check (the caller has the member in hand)."""
        return self.messaging == self.Messaging.MEMBERS and self.visibility in self.LISTED_TO_MEMBERS

    @property
    def language_names(self):
        names = dict(SPOKEN_LANGUAGES)
        return [str(names[code]) for code in self.languages if code in names]
