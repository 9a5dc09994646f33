"""Editions, themes and modules, with a module's lessons and live sessions edited inline."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, Max, Q
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from autumn_school.admin.helpers import annotated_column
from autumn_school.models import Edition, Enrolment, Lesson, LiveSession, Module, Theme
from autumn_school.services import catalogue as services
from dimobel.files import ReplacedFilesAdminMixin, clean_uploaded_image

COVER_BOX = (1600, 900)
# A plain input in table rows: the admin's URL widget adds a "Currently:" line to every row.
INLINE_URL = {"assume_scheme": "https", "widget": forms.URLInput(attrs={"class": "vURLField"})}


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "name_en", "name_nl", "name_ar", "slug"]
    search_fields = ["name_fr", "name_en", "name_nl", "name_ar", "slug"]
    prepopulated_fields = {"slug": ["name_fr"]}

    def save_model(self, request, obj, form, change):
        services.save_theme(theme=obj)


@admin.register(Edition)
class EditionAdmin(ReplacedFilesAdminMixin, admin.ModelAdmin):
    list_display = ["title", "starts_on", "ends_on", "is_published", "module_count"]
    list_filter = ["is_published"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_on"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(module_count=Count("modules"))

    module_count = annotated_column("module_count", _("modules"))


class LessonFormSet(BaseInlineFormSet):
    """New rows start after the last lesson, so adding one does not collide with position 1."""

    @cached_property
    def last_position(self):
        if self.instance.pk is None:
            return 0
        return self.queryset.aggregate(last=Max("position"))["last"] or 0

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index is None or index >= self.initial_form_count():
            offset = 0 if index is None else index - self.initial_form_count()
            kwargs["initial"] = {**kwargs.get("initial", {}), "position": self.last_position + 1 + offset}
        return kwargs


class LessonInline(admin.TabularInline):
    """The syllabus in order. Positions can be swapped in one save: the unique (module, position) constraint
    is checked at commit."""

    model = Lesson
    formset = LessonFormSet
    fields = ["position", "title", "estimated_minutes", "video_url"]
    ordering = ["position", "pk"]
    extra = 1
    show_change_link = True  # the lesson's content and resources are edited on its own page
    formfield_overrides = {
        models.PositiveSmallIntegerField: {"widget": forms.NumberInput(attrs={"class": "vSmallField"})},
        models.URLField: INLINE_URL,
    }


class LiveSessionInline(admin.TabularInline):
    model = LiveSession
    fields = ["title", "starts_at", "duration_minutes", "meeting_url", "recording_url"]
    ordering = ["starts_at", "pk"]
    extra = 0
    show_change_link = True  # attendance is on the session's page
    formfield_overrides = {models.URLField: INLINE_URL}


class ModuleAdminForm(forms.ModelForm):
    class Meta:
        model = Module
        fields = ["cover"]  # the admin's fieldsets give the full list

    def clean_cover(self):
        # The same checks as members' uploads: content, size, resized and re-encoded.
        return clean_uploaded_image(self.cleaned_data.get("cover"), box=COVER_BOX)


@admin.register(Module)
class ModuleAdmin(ReplacedFilesAdminMixin, admin.ModelAdmin):
    form = ModuleAdminForm
    list_display = [
        "title",
        "edition",
        "theme",
        "language",
        "format",
        "starts_on",
        "ends_on",
        "enrolled_count",
        "capacity",
        "waitlisted_count",
        "is_published",
    ]
    list_filter = ["edition", "theme", "level", "language", "format", "is_published"]
    list_select_related = ["edition", "theme"]
    search_fields = ["title", "slug", "summary", "edition__title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["edition", "instructors", "prerequisites"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "starts_on"
    inlines = [LessonInline, LiveSessionInline]
    fieldsets = [
        (None, {"fields": ["edition", "title", "slug", "summary", "description", "cover"]}),
        (_("Teaching"), {"fields": ["theme", "level", "language", "format", "instructors", "estimated_hours"]}),
        (_("Dates"), {"fields": ["starts_on", "ends_on", "enrolment_opens_at", "enrolment_closes_at"]}),
        (_("Enrolment and completion"), {"fields": ["capacity", "prerequisites", "required_live_sessions"]}),
        (_("Publication"), {"fields": ["is_published", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                enrolled_count=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.ENROLLED)),
                waitlisted_count=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.WAITLISTED)),
            )
        )

    enrolled_count = annotated_column("enrolled_count", _("enrolled"))

    waitlisted_count = annotated_column("waitlisted_count", _("waitlisted"))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "prerequisites" and (module_id := request.resolver_match.kwargs.get("object_id")):
            kwargs["queryset"] = Module.objects.exclude(pk=module_id)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the instructors are saved (their names are indexed); the form still holds the capacity it opened with.
        promoted = services.module_saved(
            module=form.instance, capacity_before=form.initial.get("capacity"), created=not change
        )
        if promoted:
            self.message_user(
                request,
                ngettext(
                    "%(count)d learner moved from the waitlist into the module.",
                    "%(count)d learners moved from the waitlist into the module.",
                    len(promoted),
                )
                % {"count": len(promoted)},
                messages.SUCCESS,
            )
