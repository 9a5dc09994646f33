from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Quiz(models.Model):
    """A module's optional multiple-choice quiz; passing it is part of completing the module."""

    module = models.OneToOneField(
        "autumn_school.Module", on_delete=models.CASCADE, related_name="quiz", verbose_name=_("module")
    )
    title = models.CharField(_("title"), max_length=200)
    instructions = models.TextField(_("instructions"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), null=True, blank=True, help_text=_("Leave empty for unlimited attempts.")
    )

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self):
        return self.title


class QuizQuestion(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions", verbose_name=_("quiz"))
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    text = models.TextField(_("question"))
    explanation = models.TextField(_("explanation"), blank=True, help_text=_("Shown after the attempt."))

    class Meta:
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")
        ordering = ["quiz", "position", "pk"]

    def __str__(self):
        return self.text[:80]


class Choice(models.Model):
    """One possible answer. A question may have several correct choices; all must be ticked, and only them."""

    question = models.ForeignKey(
        QuizQuestion, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    text = models.CharField(_("answer"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "pk"]

    def __str__(self):
        return self.text


class QuizAttemptQuerySet(models.QuerySet):
    def best_first(self):
        """The highest score first; the earliest of equal scores first."""
        return self.order_by("-score", "submitted_at", "pk")


class QuizAttempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts", verbose_name=_("quiz"))
    enrolment = models.ForeignKey(
        "autumn_school.Enrolment", on_delete=models.CASCADE, related_name="quiz_attempts", verbose_name=_("enrolment")
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts", verbose_name=_("learner")
    )
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    answers = models.JSONField(_("answers"), default=dict, help_text=_("Question id → the choice ids ticked."))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    objects = QuizAttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["enrolment", "score"], name="autumn_school_attempt_best")]

    def __str__(self):
        return f"{self.learner} – {self.quiz} ({self.score}%)"
