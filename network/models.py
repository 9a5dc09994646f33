from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

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


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A member of the platform. The email address is the login; there is no username."""

    email = models.EmailField(_("email address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    is_staff = models.BooleanField(
        _("staff status"), default=False, help_text=_("Designates whether the user can log into the admin site.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    terms_version = models.CharField(_("terms version accepted"), max_length=20, blank=True)
    privacy_version = models.CharField(_("privacy policy version accepted"), max_length=20, blank=True)
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["last_name", "first_name"]
        constraints = [models.UniqueConstraint(Lower("email"), name="network_user_email_ci_unique")]

    def __str__(self):
        return self.get_full_name() or self.email

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()


class TranslatedName(models.Model):
    """A taxonomy term, named in the four languages; organisers edit them in the admin."""

    name_fr = models.CharField(_("name (French)"), max_length=120, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    class Meta:
        abstract = True
        ordering = ["name_fr"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        from django.utils.translation import get_language

        language = (get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, f"name_{language}", "") or self.name_fr


class Sector(TranslatedName):
    class Meta(TranslatedName.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class HelpType(TranslatedName):
    """What members offer and look for: financing, mentoring, market access…"""

    class Meta(TranslatedName.Meta):
        verbose_name = _("type of help")
        verbose_name_plural = _("types of help")


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
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        indexes = [models.Index(fields=["visibility", "country"], name="network_profile_vis_country")]

    def __str__(self):
        return str(self.user)

    @property
    def language_names(self):
        names = dict(SPOKEN_LANGUAGES)
        return [str(names[code]) for code in self.languages if code in names]
