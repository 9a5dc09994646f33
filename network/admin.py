from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from network.models import HelpType, Profile, Sector, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["last_name", "first_name"]
    list_display = ["email", "first_name", "last_name", "preferred_language", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_active", "preferred_language", "groups"]
    search_fields = ["email", "first_name", "last_name"]
    readonly_fields = ["date_joined", "last_login", "terms_version", "privacy_version", "consented_at"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal information"), {"fields": ["first_name", "last_name", "preferred_language"]}),
        (_("Consent"), {"fields": ["terms_version", "privacy_version", "consented_at"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "first_name", "last_name", "password1", "password2"]}),
    ]


class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "name_en", "name_nl", "name_ar", "slug"]
    search_fields = ["name_fr", "name_en", "name_nl", "name_ar", "slug"]
    prepopulated_fields = {"slug": ["name_fr"]}


admin.site.register(Sector, TaxonomyAdmin)
admin.site.register(HelpType, TaxonomyAdmin)


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "headline", "country", "city", "visibility", "updated_at"]
    list_filter = ["visibility", "messaging", "country", "sectors"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "headline", "city"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["sectors", "offers", "needs"]
