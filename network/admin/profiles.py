from django.contrib import admin

from network.models import HelpType, OrganisationKind, Profile, Sector


class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "name_en", "name_nl", "name_ar", "slug"]
    search_fields = ["name_fr", "name_en", "name_nl", "name_ar", "slug"]
    prepopulated_fields = {"slug": ["name_fr"]}


admin.site.register(Sector, TaxonomyAdmin)
admin.site.register(HelpType, TaxonomyAdmin)
admin.site.register(OrganisationKind, TaxonomyAdmin)


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "headline", "country", "city", "visibility", "updated_at"]
    list_filter = ["visibility", "messaging", "country", "sectors"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "headline", "city"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["sectors", "offers", "needs"]
