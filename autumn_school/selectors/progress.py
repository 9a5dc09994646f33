"""Where a learner stands in a module: one set of steps for the progress bar and for completion.

A module's steps are its lessons, its quiz if there is one, and the live sessions it requires. The module is
complete when every step is done (``services.progress.refresh_completion`` records it). The progress bar
counts the same steps and reads 100% only once the completion is recorded.

Every page reads progress the same way: ``with_progress(queryset)`` annotates enrolments in the query
itself (a constant number of queries for a list), ``progress_of(enrolment)`` turns one annotated row into a
``Progress``, and ``progress_for(enrolment)`` does both for a single enrolment.
"""

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, QuerySet

from autumn_school.models import Attendance, Enrolment, Lesson, LessonProgress, Quiz, QuizAttempt
from autumn_school.models.expressions import count_rows


def with_progress(enrolments: QuerySet) -> QuerySet:
    """Annotate enrolments with what their progress is made of, in the same query whatever their number."""
    module = OuterRef("module_id")
    return enrolments.annotate(
        lessons_total=count_rows(Lesson.objects.filter(module_id=module)),
        lessons_done=count_rows(LessonProgress.objects.filter(enrolment=OuterRef("pk"), lesson__module_id=module)),
        has_quiz=Exists(Quiz.objects.filter(module_id=module)),
        quiz_passed=Exists(QuizAttempt.objects.filter(enrolment=OuterRef("pk"), quiz__module_id=module, passed=True)),
        sessions_attended=count_rows(
            Attendance.objects.filter(session__module_id=module, learner_id=OuterRef("learner_id"))
        ),
        sessions_required=F("module__required_live_sessions"),
    )


@dataclass(frozen=True)
class Progress:
    """Where a learner stands in a module. Each lesson, the quiz and each required live session is a step."""

    lessons_done: int
    lessons_total: int
    has_quiz: bool
    quiz_passed: bool
    sessions_attended: int
    sessions_required: int
    completed: bool  # the completion is recorded (Enrolment.completed_at)

    @property
    def steps_total(self) -> int:
        return self.lessons_total + int(self.has_quiz) + self.sessions_required

    @property
    def steps_done(self) -> int:
        return (
            min(self.lessons_done, self.lessons_total)
            + int(self.has_quiz and self.quiz_passed)
            + min(self.sessions_attended, self.sessions_required)
        )

    @property
    def requirements_met(self) -> bool:
        """The completion rule: every lesson done, the quiz passed if there is one, the sessions attended."""
        return self.steps_done >= self.steps_total

    @property
    def percent(self) -> int:
        if self.completed:
            return 100
        if not self.steps_total:
            return 0
        # Never 100% before the completion is recorded, so a full bar always comes with a certificate.
        return min(round(100 * self.steps_done / self.steps_total), 99)

    @property
    def bar_step(self) -> int:
        """The percentage rounded down to the 5% steps of the .progress-w-* classes (static/css/dimobel.css)."""
        return 5 * (self.percent // 5)

    @property
    def bar_class(self) -> str:
        return f"progress-w-{self.bar_step}"


def progress_of(enrolment: Enrolment) -> Progress:
    """The progress of an enrolment annotated by ``with_progress`` (no query)."""
    return Progress(
        lessons_done=enrolment.lessons_done,
        lessons_total=enrolment.lessons_total,
        has_quiz=enrolment.has_quiz,
        quiz_passed=enrolment.quiz_passed,
        sessions_attended=enrolment.sessions_attended,
        sessions_required=enrolment.sessions_required,
        completed=enrolment.completed_at is not None,
    )


def progress_for(enrolment: Enrolment) -> Progress:
    """The progress of one enrolment, in one query."""
    return progress_of(with_progress(Enrolment.objects.filter(pk=enrolment.pk)).get())
