"""The events' background work. Tasks take ids, re-fetch, and call a service; they are safe to run twice."""

from celery import shared_task

from events.services import badges


@shared_task(name="events.render_badge_sheet", soft_time_limit=540, time_limit=600)
def render_badge_sheet(*, job_id):
    """Draw one badge sheet job (a thousand badges take well under a minute; the limits leave room for a busy
    worker). A job that is gone or already finished is left alone."""
    job = badges.render_badge_sheet(job_id=job_id)
    return job.status if job else None


@shared_task(name="events.purge_badge_sheets", soft_time_limit=240, time_limit=280)
def purge_badge_sheets():
    """Daily (beat): badge sheets older than a week are deleted with their PDF."""
    return badges.purge_badge_sheets()
