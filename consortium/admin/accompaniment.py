"""The accompaniment in the admin: milestones, meeting logs, shared documents, needs and the KPI reports.

Shared documents and milestone evidence are private files: the admin never shows a file URL (private storage
refuses to give one); it links to the workspace's permission-checking download views."""

from pathlib import Path

from django.contrib import admin
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from consortium.models import KpiReport, MentoringMeeting, Milestone, Need, ProjectDocument
from dimobel.csv_export import csv_response
from dimobel.files import ReplacedFilesAdminMixin


class OverdueFilter(admin.SimpleListFilter):
    title = _("timeliness")
    parameter_name = "timeliness"

    def lookups(self, request, model_admin):
        return [("overdue", _("Open and overdue")), ("open", _("Open, on time")), ("late", _("Done late"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        done = Milestone.Status.DONE
        if self.value() == "overdue":
            return queryset.exclude(status=done).filter(due_on__lt=today)
        if self.value() == "open":
            return queryset.exclude(status=done).filter(due_on__gte=today)
        if self.value() == "late":
            return queryset.filter(status=done, completed_on__gt=F("due_on"))
        return queryset


@admin.register(Milestone)
class MilestoneAdmin(ReplacedFilesAdminMixin, admin.ModelAdmin):
    """Status and completion are read-only: marking a milestone done belongs to the workspace, which notes the
    completion date the reminders and the dashboard rely on."""

    list_display = ["title", "project", "due_on", "status", "completed_on"]
    list_filter = ["status", OverdueFilter, "project__call"]
    list_select_related = ["project"]
    search_fields = ["title", "project__title"]
    autocomplete_fields = ["project"]
    date_hierarchy = "due_on"
    fields = ["project", "title", "description", "due_on", "status", "completed_on", "evidence", "evidence_name",
              "created_by", "created_at"]  # fmt: skip
    readonly_fields = ["status", "completed_on", "evidence", "evidence_name", "created_by", "created_at"]

    @admin.display(description=_("evidence file"))
    def evidence_name(self, obj):
        if not obj.evidence_file:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("consortium:milestone_evidence", args=[obj.pk]),
            Path(obj.evidence_file.name).name,
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(MentoringMeeting)
class MentoringMeetingAdmin(admin.ModelAdmin):
    list_display = ["project", "held_on", "participants", "author"]
    list_filter = ["project__call"]
    list_select_related = ["project", "author"]
    search_fields = ["project__title", "participants", "notes", "next_steps"]
    autocomplete_fields = ["project"]
    date_hierarchy = "held_on"
    fields = ["project", "held_on", "participants", "notes", "next_steps", "author", "created_at"]
    readonly_fields = ["author", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(ProjectDocument)
class ProjectDocumentAdmin(ReplacedFilesAdminMixin, admin.ModelAdmin):
    """Shared in the workspace (where uploads are checked); here they can be renamed, found and removed."""

    list_display = ["title", "project", "uploaded_by", "uploaded_at", "download"]
    list_select_related = ["project", "uploaded_by"]
    list_filter = ["project__call"]
    search_fields = ["title", "project__title"]
    fields = ["project", "title", "download", "uploaded_by", "uploaded_at"]
    readonly_fields = ["project", "download", "uploaded_by", "uploaded_at"]
    date_hierarchy = "uploaded_at"

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("file"))
    def download(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("consortium:document_download", args=[obj.pk]), Path(obj.file.name).name
        )


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = ["description", "project", "help_type", "is_open", "created_at", "met_on"]
    list_filter = ["is_open", "help_type", "project__call"]
    list_select_related = ["project", "help_type"]
    search_fields = ["description", "project__title"]
    autocomplete_fields = ["project"]


@admin.register(KpiReport)
class KpiReportAdmin(admin.ModelAdmin):
    list_display = [
        "project",
        "period",
        "investment_mobilised",
        "jobs_created",
        "revenue",
        "partners_found",
        "company_created",
        "submitted_by",
        "submitted_at",
    ]
    list_filter = ["project__call", "company_created", "period"]
    list_select_related = ["project", "submitted_by"]
    search_fields = ["project__title", "comment"]
    autocomplete_fields = ["project"]
    readonly_fields = ["submitted_by", "submitted_at"]
    date_hierarchy = "period"
    actions = ["export_csv"]

    def save_model(self, request, obj, form, change):
        obj.submitted_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Export as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        rows = queryset.select_related("project__call").order_by("project__title", "period", "pk")
        return csv_response(
            "consortium-kpi-reports",
            [_("Project"), _("Call for projects"), _("Month"), _("Investment mobilised (EUR)"), _("Jobs created"),
             _("Revenue (EUR)"), _("Partners found"), _("Company created"), _("Company created on"), _("Comment")],
            (
                [report.project.title, report.project.call.title, report.period.strftime("%Y-%m"),
                 report.investment_mobilised, report.jobs_created, report.revenue, report.partners_found,
                 _("yes") if report.company_created else _("no"),
                 report.company_created_on.isoformat() if report.company_created_on else "", report.comment]
                for report in rows
            ),
        )  # fmt: skip
