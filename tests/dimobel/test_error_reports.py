"""Error reports to ADMINS go through the outbox: the failing request never waits on the SMTP server."""

import logging

import pytest
from django.core import mail
from django.test import RequestFactory

from dimobel.models import OutboundEmail
from tests.delivery import committed

pytestmark = pytest.mark.django_db


def test_a_server_error_report_is_queued_for_each_admin_and_delivered_after(settings):
    settings.ADMINS = [("Ops", "ops@example.org"), ("Lead", "lead@example.org")]
    request = RequestFactory().get("/en/events/")
    with committed():
        try:
            raise RuntimeError("the registration service broke")
        except RuntimeError:
            logging.getLogger("django.request").exception(
                "Internal Server Error: /en/events/", extra={"status_code": 500, "request": request}
            )

    reports = OutboundEmail.objects.order_by("to_email")
    assert [report.to_email for report in reports] == ["lead@example.org", "ops@example.org"]
    assert all(report.status == OutboundEmail.Status.SENT for report in reports)
    assert reports[0].subject.startswith("[DIMOBEL] ERROR")
    assert "the registration service broke" in reports[0].body_text
    assert sorted(message.to[0] for message in mail.outbox) == ["lead@example.org", "ops@example.org"]


def test_without_admins_nothing_is_queued(settings):
    settings.ADMINS = []
    logging.getLogger("django.request").error("Internal Server Error: /x", extra={"status_code": 500})
    assert not OutboundEmail.objects.exists()


def test_a_503_from_the_database_being_away_is_not_queued(settings):
    settings.ADMINS = [("Ops", "ops@example.org")]
    logging.getLogger("django.request").error("Service Unavailable: /en/events/", extra={"status_code": 503})
    assert not OutboundEmail.objects.exists()
