from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from network.models import Opportunity
from network.services import opportunities as services


class OpenListFilter(admin.SimpleListFilter):
    title = _("deadline")
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("yes", _("Open (deadline not passed)")), ("no", _("Closed (deadline passed)"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.current()
        if self.value() == "no":
            return queryset.closed()
        return queryset


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "posted_by", "organisation", "deadline", "status", "created_at"]
    list_filter = ["status", "kind", OpenListFilter, "sectors"]
    list_select_related = ["posted_by", "organisation"]
    search_fields = ["title", "description", "posted_by__email", "posted_by__last_name", "organisation__name"]
    autocomplete_fields = ["posted_by", "organisation"]
    filter_horizontal = ["sectors"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "deadline"
    actions = ["remove", "restore"]

    @admin.action(description=_("Remove (moderation)"), permissions=["change"])
    def remove(self, request, queryset):
        count = services.remove_opportunities(opportunities=queryset)
        self.message_user(
            request,
            ngettext("%(count)s opportunity removed.", "%(count)s opportunities removed.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Restore (publish again)"), permissions=["change"])
    def restore(self, request, queryset):
        count = services.restore_opportunities(opportunities=queryset)
        self.message_user(
            request,
            ngettext("%(count)s opportunity restored.", "%(count)s opportunities restored.", count) % {"count": count},
            messages.SUCCESS,
        )
