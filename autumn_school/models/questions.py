from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Question(models.Model):
    """A learner's question in a module's question-and-answer thread."""

    module = models.ForeignKey(
        "autumn_school.Module", on_delete=models.CASCADE, related_name="questions", verbose_name=_("module")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_questions", verbose_name=_("author")
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("question"), max_length=5000)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    # Set when the instructors' digest included it, so each question is announced once.
    instructors_notified_at = models.DateTimeField(_("instructors notified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["module", "-created_at"], name="autumn_school_question_list"),
            models.Index(
                fields=["created_at"],
                name="autumn_school_question_digest",
                condition=models.Q(instructors_notified_at__isnull=True),
            ),
        ]

    def __str__(self):
        return self.title


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_answers", verbose_name=_("author")
    )
    body = models.TextField(_("answer"), max_length=5000)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} – {self.question}"
