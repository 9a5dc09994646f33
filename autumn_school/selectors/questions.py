"""A module's question-and-answer thread."""

from django.db.models import Count, Exists, OuterRef, QuerySet

from autumn_school.models import Answer, Module, Question


def questions_of(module: Module) -> QuerySet:
    """The module's questions, newest first, with their answer count and whether an instructor answered."""
    instructor_answers = Answer.objects.filter(question=OuterRef("pk"), author__modules_taught=OuterRef("module_id"))
    return (
        Question.objects.filter(module=module)
        .select_related("author")
        .annotate(answer_count=Count("answers"), instructor_answered=Exists(instructor_answers))
        .order_by("-created_at", "-pk")
    )


def answers_of(question: Question) -> list[Answer]:
    """The answers in order, each with ``by_instructor`` set."""
    instructor_ids = set(question.module.instructors.values_list("pk", flat=True))
    answers = list(question.answers.select_related("author"))
    for answer in answers:
        answer.by_instructor = answer.author_id in instructor_ids
    return answers
