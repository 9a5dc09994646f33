"""Badge sheets made in the background: an organiser asks for them, a Celery worker draws them and records its
progress, and the organiser downloads the PDF from private storage when it is ready.

A thousand badges take longer than a web worker may hold a request. Without Redis, Celery runs eagerly: the
sheet is drawn right after the request's commit, and the page shows it ready.
"""

import logging
import time

from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation

from events.badges import badge_sheet_pdf
from events.models import BadgeSheetJob
from events.selectors.badges import sheet_registrations

logger = logging.getLogger(__name__)

Status = BadgeSheetJob.Status
PROGRESS_SECONDS = 1.0  # at most one progress write a second: the page polls every two


def request_badge_sheet(*, event, user, category=None, language="fr") -> BadgeSheetJob:
    """Record the request and, after the commit, hand it to a worker."""
    with transaction.atomic():
        job = BadgeSheetJob.objects.create(
            event=event,
            requested_by=user,
            category=category,
            language=language,
            total=sheet_registrations(event, category).count(),
        )
        transaction.on_commit(lambda: _dispatch(job.pk))
    return job


def _dispatch(job_id) -> None:
    """A broker outage must not become a 500: the job is marked failed, and the page offers to try again."""
    from events.tasks import render_badge_sheet

    try:
        render_badge_sheet.apply_async(kwargs={"job_id": job_id})
    except Exception:  # the broker is down, or an eager run failed in an unexpected way
        logger.warning("badge sheet %s could not be made", job_id, exc_info=True)
        _fail(job_id)


def _fail(job_id) -> None:
    BadgeSheetJob.objects.filter(pk=job_id).unfinished().update(status=Status.FAILED, finished_at=timezone.now())


def render_badge_sheet(*, job_id) -> BadgeSheetJob | None:
    """Draw the sheet of a queued job and store it; None if the job is gone or already finished.

    A job redelivered after its worker died is still "running": it is drawn again from the start."""
    claimed = BadgeSheetJob.objects.filter(pk=job_id).unfinished().update(status=Status.RUNNING, done=0)
    if not claimed:
        return None
    job = BadgeSheetJob.objects.select_related("event", "category").get(pk=job_id)
    try:
        registrations = list(sheet_registrations(job.event, job.category))
        BadgeSheetJob.objects.filter(pk=job.pk).update(total=len(registrations))
        last_write = time.monotonic()

        def progress(done) -> None:
            nonlocal last_write
            if time.monotonic() - last_write >= PROGRESS_SECONDS:
                BadgeSheetJob.objects.filter(pk=job.pk).update(done=done)
                last_write = time.monotonic()

        with translation.override(job.language):
            data = badge_sheet_pdf(job.event, registrations, progress=progress)
        job.file.save(f"badges-{job.event.slug}-{job.pk}.pdf", ContentFile(data), save=False)
    except SoftTimeLimitExceeded:
        logger.warning("badge sheet %s stopped at its time limit", job_id)
        _fail(job_id)
        return None
    except Exception:
        _fail(job_id)
        raise
    job.status, job.done, job.total = Status.DONE, len(registrations), len(registrations)
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "done", "total", "file", "finished_at"])
    return job


def purge_badge_sheets(*, now=None) -> int:
    """Delete the sheets older than BadgeSheetJob.RETENTION, their files after the commit."""
    with transaction.atomic():
        expired = list(BadgeSheetJob.objects.expired(now).select_for_update(skip_locked=True))
        names = [job.file.name for job in expired if job.file]
        BadgeSheetJob.objects.filter(pk__in=[job.pk for job in expired]).delete()
        transaction.on_commit(lambda: _delete_files(names))
    return len(expired)


def _delete_files(names) -> None:
    storage = BadgeSheetJob._meta.get_field("file").storage
    for name in names:
        storage.delete(name)
