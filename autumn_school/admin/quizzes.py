"""Quizzes, their questions and choices, and the learners' attempts (read-only)."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from autumn_school.admin.helpers import annotated_column
from autumn_school.models import Choice, Quiz, QuizAttempt, QuizQuestion


class QuizQuestionInline(admin.TabularInline):
    model = QuizQuestion
    fields = ["position", "text", "explanation", "choices_summary"]
    readonly_fields = ["choices_summary"]
    ordering = ["position", "pk"]
    extra = 1
    show_change_link = True  # the choices are edited on the question's page
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                choice_count=Count("choices", distinct=True),
                correct_count=Count("choices", filter=Q(choices__is_correct=True), distinct=True),
            )
        )

    @admin.display(description=_("choices"))
    def choices_summary(self, obj):
        if obj.pk is None:
            return "–"
        count = getattr(obj, "choice_count", None)
        correct = getattr(obj, "correct_count", None)
        if count is None:
            count, correct = obj.choices.count(), obj.choices.filter(is_correct=True).count()
        summary = ngettext("%(count)d choice", "%(count)d choices", count) % {"count": count}
        if not correct:
            # Nobody can answer such a question right; say so where the organiser looks.
            return format_html('{}, <strong class="errornote">{}</strong>', summary, _("no correct choice yet"))
        return _("%(summary)s, %(correct)d correct") % {"summary": summary, "correct": correct}


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "pass_mark", "max_attempts", "question_count", "attempt_count"]
    list_filter = ["module__edition"]
    list_select_related = ["module"]
    search_fields = ["title", "module__title"]
    autocomplete_fields = ["module"]
    inlines = [QuizQuestionInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(question_count=Count("questions", distinct=True), attempt_count=Count("attempts", distinct=True))
        )

    question_count = annotated_column("question_count", _("questions"))

    attempt_count = annotated_column("attempt_count", _("attempts"))


class ChoiceFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if not any(form.cleaned_data.get("is_correct") for form in kept):
            raise forms.ValidationError(_("Mark at least one choice as correct."), code="no_correct_choice")
        if len(kept) < 2:
            raise forms.ValidationError(_("Give at least two choices."), code="too_few_choices")


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    fields = ["text", "is_correct"]
    extra = 3
    min_num = 0


@admin.register(QuizQuestion)
class QuizQuestionAdmin(admin.ModelAdmin):
    list_display = ["short_text", "quiz", "position", "choice_count", "correct_count"]
    list_filter = ["quiz__module__edition", "quiz"]
    list_select_related = ["quiz"]
    search_fields = ["text", "quiz__title", "quiz__module__title"]
    autocomplete_fields = ["quiz"]
    fields = ["quiz", "position", "text", "explanation"]
    ordering = ["quiz", "position", "pk"]
    inlines = [ChoiceInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                choice_count=Count("choices"),
                correct_count=Count("choices", filter=Q(choices__is_correct=True)),
            )
        )

    @admin.display(description=_("question"), ordering="text")
    def short_text(self, obj):
        return str(obj)

    choice_count = annotated_column("choice_count", _("choices"))

    correct_count = annotated_column("correct_count", _("correct"))


@admin.register(QuizAttempt)
class QuizAttemptAdmin(admin.ModelAdmin):
    """The record of what learners answered; it is never edited."""

    list_display = ["learner", "quiz", "score", "passed", "submitted_at"]
    list_filter = ["passed", "quiz__module__edition", "quiz"]
    list_select_related = ["learner", "quiz"]
    search_fields = ["learner__email", "learner__first_name", "learner__last_name", "quiz__title"]
    date_hierarchy = "submitted_at"
    fields = ["quiz", "learner", "enrolment_link", "score", "passed", "answers", "submitted_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("enrolment"))
    def enrolment_link(self, obj):
        url = reverse("admin:autumn_school_enrolment_change", args=[obj.enrolment_id])
        return format_html('<a href="{}">#{}</a>', url, obj.enrolment_id)
