"""The autumn school's background work. Tasks are thin: they call a service and are safe to run twice."""

from celery import shared_task

from autumn_school.services import questions


@shared_task(name="autumn_school.send_question_digests", soft_time_limit=240, time_limit=280)
def send_question_digests() -> int:
    """Hourly (beat): each instructor gets one email listing the new questions of the modules they teach."""
    return questions.send_question_digests()
