"""The autumn school's tables, one module per topic."""

from autumn_school.models.catalogue import Edition, Module, Theme
from autumn_school.models.certificates import Certificate, CertificateTemplate
from autumn_school.models.enrolment import Enrolment, LessonProgress
from autumn_school.models.learning import Lesson, Resource
from autumn_school.models.live import Attendance, LiveSession
from autumn_school.models.questions import Answer, Question
from autumn_school.models.quizzes import Choice, Quiz, QuizAttempt, QuizQuestion

__all__ = [
    "Answer",
    "Attendance",
    "Certificate",
    "CertificateTemplate",
    "Choice",
    "Edition",
    "Enrolment",
    "Lesson",
    "LessonProgress",
    "LiveSession",
    "Module",
    "Question",
    "Quiz",
    "QuizAttempt",
    "QuizQuestion",
    "Resource",
    "Theme",
]
