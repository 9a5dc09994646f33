"""A module's question-and-answer thread, and the instructors' digest of new questions.

Instructors are not emailed per question: ``send_question_digests`` (the hourly Celery task) sends each of
them one email listing the new questions of the modules they teach. The asker is emailed when someone else
answers.
"""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator

from autumn_school import permissions
from autumn_school.models import Answer, Module, Question
from autumn_school.services.errors import NotEnrolled
from dimobel.notify import email_member, in_language_of, link

EXCERPT_CHARS = 300


def ask_question(*, module: Module, author, title: str, body: str) -> Question:
    if not permissions.can_follow(author, module):
        raise NotEnrolled
    # Created with instructors_notified_at empty: the next digest announces it.
    return Question.objects.create(module=module, author=author, title=title.strip(), body=body)


def answer_question(*, question: Question, author, body: str) -> Answer:
    """Post an answer; the asker is emailed unless they answered themselves."""
    if not permissions.can_follow(author, question.module):
        raise NotEnrolled
    with transaction.atomic():
        answer = Answer.objects.create(question=question, author=author, body=body)
        asker = question.author
        if asker.pk != author.pk and asker.is_active:
            with in_language_of(asker):
                question_url = link("autumn_school:question", question.module.slug, question.pk)
            email_member(
                recipient=asker,
                template="autumn_school/answer_posted",
                context={
                    "asker_name": asker.get_short_name(),
                    "answerer_name": author.get_full_name() or str(author),
                    "by_instructor": permissions.is_instructor(author, question.module),
                    "module_title": question.module.title,
                    "question_title": question.title,
                    "excerpt": _excerpt(body),
                    "question_url": question_url,
                },
            )
    return answer


def send_question_digests() -> int:
    """Email each instructor the questions asked in their modules since the last digest; returns how many
    emails were queued. Two runs at once do not overlap: each locks the questions it takes and skips the ones
    another run holds. A question of a module without instructors is marked all the same, so it does not
    wait forever."""
    with transaction.atomic():
        questions = list(
            Question.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(instructors_notified_at__isnull=True)
            .select_related("module", "author")
            .order_by("module_id", "created_at", "pk")
        )
        if not questions:
            return 0
        by_module = defaultdict(list)
        for question in questions:
            by_module[question.module_id].append(question)
        teaching = Module.instructors.through.objects.filter(module_id__in=by_module).select_related("user")
        new_questions = defaultdict(list)  # instructor -> their modules' new questions
        instructors = {}
        for taught in teaching:
            if not taught.user.is_active:
                continue
            instructors[taught.user_id] = taught.user
            new_questions[taught.user_id].extend(
                question for question in by_module[taught.module_id] if question.author_id != taught.user_id
            )
        Question.objects.filter(pk__in=[question.pk for question in questions]).update(
            instructors_notified_at=timezone.now()
        )
        sent = 0
        for instructor_id, their_questions in new_questions.items():
            if their_questions:
                _queue_digest(instructors[instructor_id], their_questions)
                sent += 1
    return sent


def _queue_digest(instructor, questions) -> None:
    modules = {}
    with in_language_of(instructor):
        for question in questions:
            module = question.module
            entry = modules.setdefault(
                module.pk,
                {"title": module.title, "url": link("autumn_school:questions", module.slug), "questions": []},
            )
            entry["questions"].append(
                {
                    "title": question.title,
                    "author_name": question.author.get_full_name() or str(question.author),
                    "excerpt": _excerpt(question.body),
                    "url": link("autumn_school:question", module.slug, question.pk),
                }
            )
    email_member(
        recipient=instructor,
        template="autumn_school/question_digest",
        context={
            "instructor_name": instructor.get_short_name(),
            "question_count": len(questions),
            "modules": list(modules.values()),
        },
    )


def _excerpt(text) -> str:
    return Truncator(" ".join(text.split())).chars(EXCERPT_CHARS)
