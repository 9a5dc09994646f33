"""Screening: staff mark submitted applications eligible or not; an ineligible holder is told why, politely."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from consortium.models import StatusChange
from consortium.services import screening
from consortium.services.errors import InvalidTransition
from tests.consortium.helpers import call_in, en, flash
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(member):
    call = call_in("screening", slug="mbi-2025")
    return ProjectFactory(call=call, holder=member, title="Conserverie solidaire", status="submitted")


@pytest.fixture
def sends(django_capture_on_commit_callbacks):
    """Run the emails queued on commit, as they are in production."""

    def post(client, url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


def test_screening_is_for_staff_only(client, submitted, member, other_member):
    url = en("screen", submitted.pk)
    assert client.post(url, {"decision": "eligible"}).url.startswith(reverse("account_login"))
    for person in (member, other_member):
        client.force_login(person)
        assert client.post(url, {"decision": "eligible"}).status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    assert not StatusChange.objects.exists()


def test_staff_mark_an_application_eligible_and_it_is_recorded(client, submitted, staff, mailoutbox, sends):
    client.force_login(staff)

    response = sends(client, en("screen", submitted.pk), {"decision": "eligible"})

    assert response.url == en("call_board", "mbi-2025")
    submitted.refresh_from_db()
    assert submitted.status == "eligible"
    change = StatusChange.objects.get()
    assert (change.from_status, change.to_status, change.changed_by) == ("submitted", "eligible", staff)
    assert not mailoutbox


def test_organisers_screen_too(client, submitted, organiser):
    client.force_login(organiser)

    client.post(en("screen", submitted.pk), {"decision": "eligible"})

    submitted.refresh_from_db()
    assert submitted.status == "eligible"


def test_ineligible_needs_a_reason(client, submitted, staff, mailoutbox):
    client.force_login(staff)

    response = client.post(en("screen", submitted.pk), {"decision": "ineligible", "reason": "  "})

    assert "Give the reason why the application is not eligible." in flash(response)
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    assert not StatusChange.objects.exists()
    with pytest.raises(screening.ReasonRequired):
        screening.screen(project=submitted, eligible=False, reason="", by=staff)


def test_an_ineligible_holder_gets_a_polite_email_with_the_reason_in_their_language(
    client, submitted, member, staff, mailoutbox, sends
):
    member.preferred_language = "en"
    member.save()
    client.force_login(staff)

    response = sends(
        client, en("screen", submitted.pk), {"decision": "ineligible", "reason": "The project is outside the corridor."}
    )

    assert "“Conserverie solidaire” is not eligible; its holder was told why by email." in flash(response)
    submitted.refresh_from_db()
    assert (submitted.status, submitted.screening_reason) == ("ineligible", "The project is outside the corridor.")
    change = StatusChange.objects.get()
    assert (change.to_status, change.note, change.changed_by) == (
        "ineligible",
        "The project is outside the corridor.",
        staff,
    )
    [email] = mailoutbox
    assert email.to == ["amina@example.org"]
    assert email.subject.endswith("About your application “Conserverie solidaire”")
    assert "Thank you for submitting" in email.body
    assert "The project is outside the corridor." in email.body
    assert f"{settings.SITE_URL}/en/consortium/projects/{submitted.pk}/" in email.body
    html = email.alternatives[0][0]
    assert 'lang="en"' in html
    assert "The project is outside the corridor." in html


def test_the_email_follows_the_holders_language_not_the_staff_members(
    client, submitted, member, staff, mailoutbox, sends
):
    member.preferred_language = "nl"
    member.save()
    client.force_login(staff)

    sends(client, en("screen", submitted.pk), {"decision": "ineligible", "reason": "Hors corridor"})

    [email] = mailoutbox
    assert f"{settings.SITE_URL}/nl/consortium/projects/{submitted.pk}/" in email.body
    assert 'lang="nl"' in email.alternatives[0][0]


def test_a_decision_can_be_revised_before_the_review_opens_and_the_holder_is_told(
    client, submitted, staff, mailoutbox, sends
):
    client.force_login(staff)
    sends(client, en("screen", submitted.pk), {"decision": "ineligible", "reason": "Pièce manquante"})

    sends(client, en("screen", submitted.pk), {"decision": "eligible"})

    submitted.refresh_from_db()
    assert submitted.status == "eligible"
    assert list(StatusChange.objects.values_list("from_status", "to_status")) == [
        ("submitted", "ineligible"),
        ("ineligible", "eligible"),
    ]
    assert len(mailoutbox) == 2
    assert f"/consortium/projects/{submitted.pk}/" in mailoutbox[1].body


def test_no_screening_once_the_review_has_opened(client, submitted, staff):
    submitted.status = "eligible"
    submitted.save()
    call = submitted.call
    call.review_opens_at = timezone.now() - timedelta(hours=1)
    call.save()
    client.force_login(staff)

    response = client.post(en("screen", submitted.pk), {"decision": "ineligible", "reason": "Trop tard"})

    assert "This application can no longer be screened: the jury review has started." in flash(response)
    submitted.refresh_from_db()
    assert submitted.status == "eligible"


def test_a_draft_or_a_selected_project_cannot_be_screened(submitted, staff):
    for status in ("draft", "selected"):
        project = ProjectFactory(call=submitted.call, status=status)
        with pytest.raises(InvalidTransition):
            screening.screen(project=project, eligible=True, reason="", by=staff)


def test_only_staff_may_use_the_screening_service(submitted, member):
    with pytest.raises(screening.NotConsortiumStaff):
        screening.screen(project=submitted, eligible=True, reason="", by=member)


def test_the_view_returns_to_a_local_next_page_but_never_to_another_site(client, submitted, staff):
    client.force_login(staff)
    board = en("call_board", "mbi-2025") + "?tab=screening"

    assert client.post(en("screen", submitted.pk), {"decision": "eligible", "next": board}).url == board
    other = ProjectFactory(call=submitted.call, status="submitted")
    response = client.post(en("screen", other.pk), {"decision": "eligible", "next": "https://evil.example/"})
    assert response.url == en("call_board", "mbi-2025")


def test_screening_needs_a_post(client, submitted, staff):
    client.force_login(staff)

    assert client.get(en("screen", submitted.pk)).status_code == 405
