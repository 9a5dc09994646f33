"""The organisers' console for the autumn school, one module per topic."""

from autumn_school.admin import catalogue, certificates, enrolment, learning, questions, quizzes  # noqa: F401
