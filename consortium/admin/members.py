"""Consortium members and the assistance services they offer."""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from consortium.models import AssistanceService, ConsortiumMember


@admin.register(AssistanceService)
class AssistanceServiceAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "name_en", "name_nl", "name_ar", "slug", "member_count"]
    search_fields = ["name_fr", "name_en", "name_nl", "name_ar", "slug"]
    prepopulated_fields = {"slug": ["name_fr"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(description=_("members offering it"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count


@admin.register(ConsortiumMember)
class ConsortiumMemberAdmin(admin.ModelAdmin):
    list_display = ["organisation", "joined_on", "is_active", "service_list", "expert_count"]
    list_filter = ["is_active", "services"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name", "organisation__city", "experts__email", "experts__last_name"]
    autocomplete_fields = ["organisation", "experts"]
    fields = ["organisation", "joined_on", "is_active", "services", "description", "experts"]
    date_hierarchy = "joined_on"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("services")
            .annotate(expert_count=Count("experts", distinct=True))
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "services":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("assistance services"))
    def service_list(self, obj):
        return ", ".join(service.name for service in obj.services.all()) or "—"

    @admin.display(description=_("experts"), ordering="expert_count")
    def expert_count(self, obj):
        return obj.expert_count
