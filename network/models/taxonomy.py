from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


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


class OrganisationKind(TranslatedName):
    """Company, university or research centre, support agency, incubator…"""

    class Meta(TranslatedName.Meta):
        verbose_name = _("kind of organisation")
        verbose_name_plural = _("kinds of organisation")
