"""The moderation queue for reported messages, in the admin."""

import pytest
from django.urls import reverse

from network.models import MessageReport, Thread
from network.services import messaging
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


CHANGELIST = "admin:network_messagereport_changelist"


@pytest.fixture
def report(member, other_member):
    message = messaging.send_direct_message(sender=other_member, recipient=member, body="Envoyez-moi 500 € <b>vite</b>")
    return messaging.report_message(reporter=member, message=message, reason="Arnaque")


def test_the_queue_lists_open_reports_with_message_sender_reporter_and_thread(admin_client_with_mfa, report):
    handled = messaging.report_message(
        reporter=UserFactory(),
        message=messaging.send_direct_message(sender=UserFactory(), recipient=UserFactory(), body="Déjà traité"),
    )
    MessageReport.objects.filter(pk=handled.pk).update(status=MessageReport.Status.DISMISSED)

    page = admin_client_with_mfa.get(reverse(CHANGELIST)).content.decode()

    assert "Envoyez-moi 500 € &lt;b&gt;vite&lt;/b&gt;" in page
    assert "Pieter Janssens" in page
    assert "Amina El Idrissi" in page
    assert reverse("admin:network_thread_change", args=[report.message.thread_id]) in page
    assert "Déjà traité" not in page  # the queue starts on open reports

    everything = admin_client_with_mfa.get(reverse(CHANGELIST), {"status": "all"}).content.decode()
    assert "Déjà traité" in everything


def test_a_report_page_shows_the_message_and_its_thread_in_context(admin_client_with_mfa, report):
    page = admin_client_with_mfa.get(reverse("admin:network_messagereport_change", args=[report.pk])).content.decode()
    assert "Arnaque" in page
    assert "Envoyez-moi 500 €" in page

    thread_page = admin_client_with_mfa.get(reverse("admin:network_thread_change", args=[report.message.thread_id]))
    assert "Envoyez-moi 500 €" in thread_page.content.decode()


def test_staff_only_see_conversations_with_a_report(admin_client_with_mfa, report):
    private = messaging.send_direct_message(sender=UserFactory(), recipient=UserFactory(), body="Privé").thread
    assert admin_client_with_mfa.get(reverse("admin:network_thread_change", args=[private.pk])).status_code == 302
    listing = admin_client_with_mfa.get(reverse("admin:network_thread_changelist"))
    assert [t.pk for t in listing.context["cl"].result_list] == [report.message.thread_id]
    assert Thread.objects.count() == 2


@pytest.mark.parametrize(("action", "status"), [("dismiss", "dismissed"), ("mark_action_taken", "action_taken")])
def test_closing_a_report_records_who_and_when(admin_client_with_mfa, report, action, status):
    admin_client_with_mfa.post(
        reverse(CHANGELIST), {"action": action, "_selected_action": [report.pk], "status": "all"}
    )
    report.refresh_from_db()
    assert report.status == status
    assert report.handled_by.email == "root@example.org"
    assert report.handled_at is not None


def test_staff_can_deactivate_the_sender_from_the_report(admin_client_with_mfa, report, other_member):
    admin_client_with_mfa.post(reverse(CHANGELIST), {"action": "deactivate_senders", "_selected_action": [report.pk]})

    other_member.refresh_from_db()
    report.refresh_from_db()
    assert other_member.is_active is False
    assert report.status == MessageReport.Status.ACTION_TAKEN
    assert report.handled_by.email == "root@example.org"


def test_a_reported_sender_who_is_staff_is_never_deactivated(member, staff):
    message = messaging.send_direct_message(sender=staff, recipient=member, body="Bonjour")
    messaging.report_message(reporter=member, message=message)
    assert messaging.deactivate_reported_senders(member_ids=[staff.pk], handled_by=member) == 0
    staff.refresh_from_db()
    assert staff.is_active


def test_the_queue_runs_a_constant_number_of_queries(admin_client_with_mfa, member, django_assert_max_num_queries):
    for sender in UserFactory.create_batch(30):
        message = messaging.send_direct_message(sender=sender, recipient=member, body="Spam")
        messaging.report_message(reporter=member, message=message)
    with django_assert_max_num_queries(15):
        admin_client_with_mfa.get(reverse(CHANGELIST))


def test_a_closed_report_keeps_its_first_answer(report, member, staff):
    messaging.handle_reports(reports=MessageReport.objects.all(), status="dismissed", handled_by=staff)
    assert messaging.handle_reports(reports=MessageReport.objects.all(), status="action_taken", handled_by=member) == 0
    report.refresh_from_db()
    assert (report.status, report.handled_by) == ("dismissed", staff)


def test_a_moderator_never_deactivates_their_own_account(member, other_member):
    message = messaging.send_direct_message(sender=other_member, recipient=member, body="Bonjour")
    messaging.report_message(reporter=member, message=message)
    assert messaging.deactivate_reported_senders(member_ids=[other_member.pk], handled_by=other_member) == 0
    other_member.refresh_from_db()
    assert other_member.is_active
