"""The modules' question-and-answer threads, for moderation."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from autumn_school.admin.helpers import annotated_column
from autumn_school.models import Answer, Question


class AnswerInline(admin.StackedInline):
    """Moderation: organisers correct or delete an answer. Answers are given on the site (services.questions), which
    checks who may answer and emails the asker; the admin adds none."""

    model = Answer
    fields = ["author", "body", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "author", "created_at", "answer_count", "instructors_notified_at"]
    list_filter = ["module__edition", "module"]
    list_select_related = ["module", "author"]
    search_fields = ["title", "body", "author__email", "author__first_name", "author__last_name", "module__title"]
    autocomplete_fields = ["module", "author"]
    date_hierarchy = "created_at"
    fields = ["module", "author", "title", "body", "created_at", "instructors_notified_at"]
    readonly_fields = ["created_at", "instructors_notified_at"]
    inlines = [AnswerInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(answer_count=Count("answers"))

    answer_count = annotated_column("answer_count", _("answers"))
