from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from network.models.taxonomy import TranslatedName


class AssistanceService(TranslatedName):
    """What a consortium member offers: business plan coaching, legal and tax, financing, export, incubation…"""

    class Meta(TranslatedName.Meta):
        verbose_name = _("assistance service")
        verbose_name_plural = _("assistance services")


class ConsortiumMemberQuerySet(models.QuerySet):
    def listed(self):
        """The members the public pages show: active, with their organisation published in the directory."""
        return self.filter(is_active=True, organisation__is_published=True)


class ConsortiumMember(models.Model):
    """An organisation of the directory that joined the consortium, with its services and its experts."""

    organisation = models.OneToOneField(
        "network.Organisation",
        on_delete=models.PROTECT,
        related_name="consortium_membership",
        verbose_name=_("organisation"),
    )
    services = models.ManyToManyField(
        AssistanceService, blank=True, related_name="members", verbose_name=_("assistance services")
    )
    experts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="consortium_expertise",
        verbose_name=_("experts"),
        help_text=_("Members of the organisation who mentor projects."),
    )
    description = models.TextField(_("what we offer the projects"), blank=True, help_text=_("Markdown is allowed."))
    joined_on = models.DateField(_("joined on"))
    is_active = models.BooleanField(_("active"), default=True)

    objects = ConsortiumMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("consortium member")
        verbose_name_plural = _("consortium members")
        ordering = ["organisation__name"]

    def __str__(self):
        return str(self.organisation)
