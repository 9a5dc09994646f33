"""Calls for projects with their evaluation grid. A new call without criteria gets the programme's default grid."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from consortium.models import Call, Criterion, Project, Score
from consortium.services.grids import add_default_grid


class CriterionInline(admin.TabularInline):
    """The grid. Once a juror has scored, it is frozen: a changed weight or maximum would silently change
    the meaning of the scores already given."""

    model = Criterion
    fields = ["position", "title", "description", "weight", "max_score"]
    ordering = ["position", "pk"]
    extra = 0
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}

    def _scored(self, obj):
        return obj is not None and obj.pk is not None and Score.objects.filter(criterion__call=obj).exists()

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not self._scored(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._scored(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._scored(obj)


class CallAdminForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The languages applications may be written in."),
    )

    class Meta:
        model = Call
        fields = ["languages"]  # the admin's fieldsets give the full list


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    form = CallAdminForm
    list_display = [
        "title",
        "opens_at",
        "closes_at",
        "review_closes_at",
        "places",
        "application_count",
        "selected_count",
        "is_published",
        "decisions_published_at",
    ]
    list_filter = ["is_published"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["jury"]
    readonly_fields = ["decisions_published_at", "created_at"]
    date_hierarchy = "opens_at"
    inlines = [CriterionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "eligibility", "languages"]}),
        (_("Dates"), {"fields": ["opens_at", "closes_at", "review_opens_at", "review_closes_at"]}),
        (_("Selection"), {"fields": ["places", "jury", "disagreement_threshold"]}),
        (_("Publication"), {"fields": ["is_published", "decisions_published_at", "created_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                application_count=Count("projects", filter=~Q(projects__status=Project.Status.DRAFT)),
                selected_count=Count("projects", filter=Q(projects__status__in=Project.ACCOMPANIED)),
            )
        )

    @admin.display(description=_("applications"), ordering="application_count")
    def application_count(self, obj):
        return obj.application_count

    @admin.display(description=_("selected"), ordering="selected_count")
    def selected_count(self, obj):
        return obj.selected_count

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change:
            return
        if add_default_grid(call=form.instance):
            self.message_user(
                request,
                _("The call had no criteria: it received the programme's default evaluation grid. Adjust it below."),
                messages.INFO,
            )
