"""The accompaniment in the admin: milestones, meeting logs, shared documents, needs and the KPI reports.

What has a rule is saved through the workspace's services (a closed project's workspace takes no new entry, a
meeting is logged once held, a need is met on a date, a KPI report is checked like the workspace's); plain edits
of a row (a title, a due date, a description) stay plain.

Shared documents and milestone evidence are private files: the admin never shows a file URL (private storage
refuses to give one); it links to the workspace's permission-checking download views."""

from pathlib import Path

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from consortium.admin.helpers import RuleCheckedForm, adopt
from consortium.models import KpiReport, MentoringMeeting, Milestone, Need, ProjectDocument
from consortium.selectors.kpis import FLOWS
from consortium.services import accompaniment, kpis
from dimobel.csv_export import csv_response
from dimobel.errors import DomainError
from dimobel.files import ReplacedFilesAdminMixin


class OverdueFilter(admin.SimpleListFilter):
    title = _("timeliness")
    parameter_name = "timeliness"

    def lookups(self, request, model_admin):
        return [("overdue", _("Open and overdue")), ("open", _("Open, on time")), ("late", _("Done late"))]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.overdue()
        if self.value() == "open":
            return queryset.upcoming()
        if self.value() == "late":
            return queryset.done_late()
        return queryset


class MilestoneAdminForm(RuleCheckedForm):
    def check(self, cleaned_data) -> None:
        if self.adding:
            accompaniment.check_workspace_open(project=cleaned_data["project"])


@admin.register(Milestone)
class MilestoneAdmin(ReplacedFilesAdminMixin, admin.ModelAdmin):
    """Status and completion are read-only: marking a milestone done belongs to the workspace, which notes the
    completion date the reminders and the dashboard rely on."""

    form = MilestoneAdminForm
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
        if change:
            super().save_model(request, obj, form, change)  # a plain edit of the title, the details or the date
            return
        milestone = accompaniment.add_milestone(
            project=obj.project, title=obj.title, due_on=obj.due_on, description=obj.description, by=request.user
        )
        adopt(obj, milestone)


class MeetingAdminForm(RuleCheckedForm):
    def check(self, cleaned_data) -> None:
        if self.adding:
            accompaniment.check_meeting(project=cleaned_data["project"], held_on=cleaned_data["held_on"])


@admin.register(MentoringMeeting)
class MentoringMeetingAdmin(admin.ModelAdmin):
    form = MeetingAdminForm
    list_display = ["project", "held_on", "participants", "author"]
    list_filter = ["project__call"]
    list_select_related = ["project", "author"]
    search_fields = ["project__title", "participants", "notes", "next_steps"]
    autocomplete_fields = ["project"]
    date_hierarchy = "held_on"
    fields = ["project", "held_on", "participants", "notes", "next_steps", "author", "created_at"]
    readonly_fields = ["author", "created_at"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)  # a plain edit of the log
            return
        meeting = accompaniment.log_meeting(
            project=obj.project,
            held_on=obj.held_on,
            participants=obj.participants,
            notes=obj.notes,
            next_steps=obj.next_steps,
            by=request.user,
        )
        adopt(obj, meeting)


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


class NeedAdminForm(RuleCheckedForm):
    def check(self, cleaned_data) -> None:
        if self.adding:
            accompaniment.check_workspace_open(project=cleaned_data["project"])


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    """A need is met through the action (which notes the date), as in the workspace."""

    form = NeedAdminForm
    list_display = ["description", "project", "help_type", "is_open", "created_at", "met_on"]
    list_filter = ["is_open", "help_type", "project__call"]
    list_select_related = ["project", "help_type"]
    search_fields = ["description", "project__title"]
    autocomplete_fields = ["project"]
    fields = ["project", "description", "help_type", "is_open", "met_on"]
    readonly_fields = ["is_open", "met_on"]
    actions = ["mark_met"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)  # a plain edit of the description or the type of help
            return
        need = accompaniment.add_need(
            project=obj.project, description=obj.description, help_type=obj.help_type, by=request.user
        )
        adopt(obj, need)

    @admin.action(description=_("Mark the selected needs as met"), permissions=["change"])
    def mark_met(self, request, queryset):
        for need in queryset.select_related("project").filter(is_open=True):
            try:
                accompaniment.mark_need_met(need=need, by=request.user)
            except DomainError as error:
                self.message_user(request, f"{need}: {error}", messages.ERROR)
            else:
                self.message_user(request, _("“%(need)s” is met.") % {"need": need.description})


class KpiReportAdminForm(RuleCheckedForm):
    def check(self, cleaned_data) -> None:
        project = cleaned_data["project"] if self.adding else self.instance.project
        period = cleaned_data["period"] if self.adding else self.instance.period
        kpis.check_kpi_report(project=project, period=period, values=cleaned_data)


@admin.register(KpiReport)
class KpiReportAdmin(admin.ModelAdmin):
    """Reports are saved through the same checks as the workspace's. A report's project and month are fixed once
    it exists: reporting a month again replaces that month's figures."""

    form = KpiReportAdminForm
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

    def get_readonly_fields(self, request, obj=None):
        fixed = ["project", "period"] if obj is not None else []
        return [*fixed, *self.readonly_fields]

    def save_model(self, request, obj, form, change):
        values = {name: getattr(obj, name) for name in (*FLOWS, "company_created", "company_created_on", "comment")}
        report = kpis.submit_kpi_report(project=obj.project, period=obj.period, values=values, by=request.user)
        adopt(obj, report)

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
