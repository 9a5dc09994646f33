"""Jury reviews in the admin, read-only: jurors score in their own pages (with the conflict-of-interest and
visibility rules); staff follow the progress there or here. A pending assignment can be removed."""

from django.contrib import admin

from consortium.admin.projects import ReadOnlyInline
from consortium.models import ReviewAssignment, Score


class ScoreInline(ReadOnlyInline):
    model = Score
    fields = ["criterion", "value", "comment"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("criterion")


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(admin.ModelAdmin):
    list_display = ["project", "juror", "status", "assigned_at", "submitted_at"]
    list_filter = ["status", "project__call"]
    list_select_related = ["project", "juror"]
    search_fields = ["project__title", "juror__email", "juror__last_name"]
    fields = ["project", "juror", "status", "comment", "conflict_reason", "assigned_at", "submitted_at"]
    readonly_fields = fields
    inlines = [ScoreInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Removing a scored review would quietly change the ranking.
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.status == ReviewAssignment.Status.PENDING)


@admin.register(Score)
class ScoreAdmin(admin.ModelAdmin):
    list_display = ["assignment", "criterion", "value"]
    list_filter = ["assignment__project__call", "criterion__title"]
    list_select_related = ["assignment__project", "assignment__juror", "criterion"]
    search_fields = ["assignment__project__title", "assignment__juror__email"]
    fields = ["assignment", "criterion", "value", "comment"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
