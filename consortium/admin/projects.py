"""Projects in the admin: find, filter and read them. Their status is read-only here: it changes only through
the services (screening, selection, the lifecycle in the workspace), which record the history and tell the
holder. Application documents are private: the admin links to the permission-checking view, never to a file."""

from django.contrib import admin
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from consortium.models import Mentorship, Project, ReviewAssignment, StatusChange, TeamMember
from consortium.services.applications import DOCUMENT_KINDS
from dimobel.countries import country_names
from dimobel.files import ReplacedFilesAdminMixin


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TeamMemberInline(ReadOnlyInline):
    model = TeamMember
    fields = ["name", "role", "is_shareholder", "user"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    verbose_name_plural = _("history")
    fields = ["changed_at", "from_status", "to_status", "changed_by", "note"]
    readonly_fields = fields
    ordering = ["changed_at", "pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")


class ReviewAssignmentInline(ReadOnlyInline):
    model = ReviewAssignment
    verbose_name_plural = _("jury reviews")
    fields = ["juror", "status", "submitted_at", "conflict_reason"]
    readonly_fields = fields
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("juror")


class MentorshipInline(ReadOnlyInline):
    model = Mentorship
    verbose_name_plural = _("mentors (assigned in the workspace)")
    fields = ["mentor", "member", "assigned_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("mentor", "member__organisation")


class ProjectCountryFilter(admin.SimpleListFilter):
    """Only the countries some project names, Belgium and Morocco first."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        used = set(Project.objects.exclude(country="").order_by().values_list("country", flat=True).distinct())
        codes = sorted(used, key=lambda code: (code not in ("BE", "MA"), country_names([code])[0]))
        return list(zip(codes, country_names(codes), strict=True))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(country=self.value())
        return queryset


@admin.register(Project)
class ProjectAdmin(ReplacedFilesAdminMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "call",
        "holder",
        "status",
        "country",
        "corridor",
        "stage",
        "submitted_at",
        "review_count",
    ]
    list_filter = ["status", "call", "corridor", "stage", ProjectCountryFilter, "sectors"]
    list_select_related = ["call", "holder"]
    search_fields = ["title", "summary", "city", "holder__email", "holder__first_name", "holder__last_name"]
    filter_horizontal = ["sectors"]
    date_hierarchy = "submitted_at"
    inlines = [TeamMemberInline, StatusChangeInline, ReviewAssignmentInline, MentorshipInline]
    readonly_fields = [
        "call",
        "holder",
        "status",
        "screening_reason",
        "abandoned_reason",
        "company_created_on",
        "submitted_at",
        "created_at",
        "updated_at",
        "documents",
        "workspace_link",
    ]
    fieldsets = [
        (None, {"fields": ["call", "holder", "status", "workspace_link"]}),
        (_("Application"), {"fields": ["title", "summary", "description", "sectors", "city", "country"]}),
        (_("Corridor and stage"),
         {"fields": ["corridor", "stage", "funding_needed", "funding_currency", "jobs_expected"]}),
        (_("Documents"), {"fields": ["documents"]}),
        (
            _("Decisions"),
            {"fields": ["screening_reason", "abandoned_reason", "company_created_on", "submitted_at", "created_at",
                        "updated_at"]},
        ),
    ]  # fmt: skip

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                review_count=Count("assignments", filter=Q(assignments__status=ReviewAssignment.Status.SUBMITTED))
            )
        )

    def has_add_permission(self, request):
        # A project starts as its holder's draft, through the application form.
        return False

    @admin.display(description=_("reviews"), ordering="review_count")
    def review_count(self, obj):
        return obj.review_count

    @admin.display(description=_("application documents"))
    def documents(self, obj):
        present = [(kind, label) for kind, label in DOCUMENT_KINDS.items() if getattr(obj, kind)]
        if not present:
            return _("No document uploaded.")
        return format_html_join(
            " · ",
            '<a href="{}">{}</a>',
            ((reverse("consortium:application_document", args=[obj.pk, kind]), label) for kind, label in present),
        )

    @admin.display(description=_("workspace"))
    def workspace_link(self, obj):
        if not obj.has_workspace:
            return _("Opens once the project is selected.")
        return format_html(
            '<a href="{}">{}</a>', reverse("consortium:workspace", args=[obj.pk]), _("Open the workspace")
        )
