"""Django's error reports to ADMINS, queued in the outbox instead of sent by the failing request.

Django's own AdminEmailHandler talks to the SMTP server from inside the request that failed: a slow or down SMTP
server then slows every error page, and while PostgreSQL is down each 503 would try SMTP too. Queued, the report
leaves with the other emails, with their retries; when the database itself is what failed, the report cannot be
queued and is only logged (/healthz tells the operator about the database)."""

import logging

from django.conf import settings
from django.utils.log import AdminEmailHandler

logger = logging.getLogger(__name__)


class OutboxAdminEmailHandler(AdminEmailHandler):
    def emit(self, record) -> None:
        # A 503 is the database being away (dimobel.error_pages): queuing would wait on the pool for nothing.
        if not settings.ADMINS or getattr(record, "status_code", None) == 503:
            return
        super().emit(record)

    def send_mail(self, subject, message, *args, html_message=None, **kwargs) -> None:
        from dimobel.mail import queue_message

        try:
            for _name, address in settings.ADMINS:
                queue_message(
                    to=address,
                    subject=settings.EMAIL_SUBJECT_PREFIX + subject,
                    body=message,
                    html=html_message or "",
                    from_email=settings.SERVER_EMAIL,
                )
        except Exception:  # the database is down: the error is in the log already
            logger.warning("error report not queued for ADMINS", exc_info=True)
