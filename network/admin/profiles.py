from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from dimobel.csv_export import csv_response
from dimobel.files import ReplacedFilesAdminMixin
from network.models import HelpType, OrganisationKind, Profile, Sector
from network.services.profiles import update_profile
from network.services.taxonomy import save_term


class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "name_en", "name_nl", "name_ar", "slug"]
    search_fields = ["name_fr", "name_en", "name_nl", "name_ar", "slug"]
    prepopulated_fields = {"slug": ["name_fr"]}

    def save_model(self, request, obj, form, change):
        save_term(term=obj)


admin.site.register(Sector, TaxonomyAdmin)
admin.site.register(HelpType, TaxonomyAdmin)
admin.site.register(OrganisationKind, TaxonomyAdmin)


def _listed_members_csv(modeladmin, request, queryset):
    """The directory as members see it: hidden profiles and inactive accounts are never exported."""
    listed = queryset.listed_to_members().select_related("user").prefetch_related("sectors", "offers", "needs")
    return csv_response(
        "dimobel-directory",
        [_("First name"), _("Last name"), _("Email"), _("Headline"), _("Country"), _("City"), _("Sectors"),
         _("What I offer"), _("What I am looking for"), _("Visibility")],
        (
            [p.user.first_name, p.user.last_name, p.user.email, p.headline, p.country.name, p.city,
             ", ".join(t.name for t in p.sectors.all()), ", ".join(t.name for t in p.offers.all()),
             ", ".join(t.name for t in p.needs.all()), p.get_visibility_display()]
            for p in listed
        ),
    )  # fmt: skip


_listed_members_csv.short_description = _("Export listed members as CSV")


@admin.register(Profile)
class ProfileAdmin(ReplacedFilesAdminMixin, admin.ModelAdmin):
    actions = [_listed_members_csv]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        """Saved in save_related, with its sectors, offers and needs, by the service (which keeps the search in
        step)."""

    def save_related(self, request, form, formsets, change):
        update_profile(profile=form.instance, form=form)

    list_display = ["user", "headline", "country", "city", "visibility", "updated_at"]
    list_filter = ["visibility", "messaging", "country", "sectors"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "headline", "city"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["sectors", "offers", "needs"]
