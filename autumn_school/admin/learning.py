"""Lessons with their resources (private files), and live sessions with their attendance."""

from zoneinfo import ZoneInfo

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from autumn_school.admin.files import ResourceForm
from autumn_school.admin.helpers import annotated_column
from autumn_school.models import Attendance, Lesson, LiveSession, Resource
from dimobel.files import ReplacedFilesAdminMixin

BRUSSELS = ZoneInfo("Europe/Brussels")


class ResourceInline(admin.TabularInline):
    """Uploads go to private storage. The admin never prints a file URL, only a link to the download view,
    which checks permission (staff and organisers may download)."""

    model = Resource
    form = ResourceForm
    readonly_fields = ["download", "uploaded_at"]
    extra = 1

    def get_fields(self, request, obj=None):
        if self.has_change_permission(request, obj) or self.has_add_permission(request, obj):
            return ["title", "file", "uploaded_at"]
        # Read-only, Django would display the file with its storage URL, which private files do not have.
        return ["title", "download", "uploaded_at"]

    @admin.display(description=_("file"))
    def download(self, obj):
        if obj.pk is None or not obj.file:
            return "–"
        return format_html('<a href="{}">{}</a>', reverse("autumn_school:resource", args=[obj.pk]), _("download"))


@admin.register(Lesson)
class LessonAdmin(ReplacedFilesAdminMixin, admin.ModelAdmin):
    list_display = ["title", "module", "position", "estimated_minutes", "resource_count"]
    list_filter = ["module__edition", "module"]
    list_select_related = ["module"]
    search_fields = ["title", "content", "module__title"]
    autocomplete_fields = ["module"]
    fields = ["module", "position", "title", "content", "video_url", "estimated_minutes"]
    ordering = ["module__starts_on", "module__title", "position"]
    inlines = [ResourceInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(resource_count=Count("resources"))

    resource_count = annotated_column("resource_count", _("resources"))


class AttendanceInline(admin.TabularInline):
    """Who attended, as the instructors marked it on their attendance page (which also updates completion)."""

    model = Attendance
    fields = ["learner", "marked_by", "marked_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LiveSession)
class LiveSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "starts_in_brussels", "duration_minutes", "attendance_count", "recorded"]
    list_filter = ["module__edition", "module"]
    list_select_related = ["module"]
    search_fields = ["title", "description", "module__title"]
    autocomplete_fields = ["module"]
    date_hierarchy = "starts_at"
    fields = [
        "module",
        "title",
        "description",
        "starts_at",
        "duration_minutes",
        "meeting_url",
        "recording_url",
        "attendance_page",
    ]
    readonly_fields = ["attendance_page"]
    inlines = [AttendanceInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(attendance_count=Count("attendances"))

    @admin.display(description=_("starts (Brussels time)"), ordering="starts_at")
    def starts_in_brussels(self, obj):
        return formats.date_format(timezone.localtime(obj.starts_at, BRUSSELS), "DATETIME_FORMAT")

    attendance_count = annotated_column("attendance_count", _("attended"))

    @admin.display(description=_("recording"), boolean=True)
    def recorded(self, obj):
        return bool(obj.recording_url)

    @admin.display(description=_("attendance"))
    def attendance_page(self, obj):
        if obj.pk is None:
            return "–"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("autumn_school:session_attendance", args=[obj.pk]),
            _("Mark attendance on the instructors' page"),
        )
