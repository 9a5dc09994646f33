"""Completion: every lesson done, the quiz passed if there is one, and the required live sessions attended.

Call ``refresh_completion(enrolment=…)`` after anything that may complete a module (a lesson marked done, a
quiz attempt, an attendance). It records the completion once and issues the certificate.
"""

from django.db import transaction
from django.utils import timezone

from autumn_school.models import Attendance, Enrolment, LessonProgress, Quiz, QuizAttempt


def completion_state(enrolment) -> dict:
    """What the learner has done and what is still missing, for the module page and the rule below."""
    module = enrolment.module
    lessons_total = module.lessons.count()
    lessons_done = LessonProgress.objects.filter(enrolment=enrolment, lesson__module=module).count()
    quiz = Quiz.objects.filter(module=module).first()
    quiz_passed = quiz is None or QuizAttempt.objects.filter(enrolment=enrolment, quiz=quiz, passed=True).exists()
    sessions_attended = Attendance.objects.filter(session__module=module, learner_id=enrolment.learner_id).count()
    sessions_ok = sessions_attended >= module.required_live_sessions
    return {
        "lessons_total": lessons_total,
        "lessons_done": lessons_done,
        "has_quiz": quiz is not None,
        "quiz_passed": quiz_passed,
        "sessions_required": module.required_live_sessions,
        "sessions_attended": sessions_attended,
        "complete": lessons_done >= lessons_total and quiz_passed and sessions_ok,
    }


def refresh_completion(*, enrolment) -> bool:
    """Mark the enrolment completed (once) when every requirement is met; returns whether it is completed."""
    from autumn_school.services.certificates import issue_certificate

    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().select_related("module").get(pk=enrolment.pk)
        if enrolment.completed_at is not None:
            return True
        if enrolment.status != Enrolment.Status.ENROLLED or not completion_state(enrolment)["complete"]:
            return False
        enrolment.completed_at = timezone.now()
        enrolment.save(update_fields=["completed_at"])
        issue_certificate(enrolment=enrolment)
    return True
