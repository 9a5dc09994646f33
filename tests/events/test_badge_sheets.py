"""Badge sheets for the whole event: asked for with a POST, made by a Celery task (eager here, as without
Redis), followed on a progress page, and downloaded by the event's organisers only."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from events.models import BadgeSheetJob
from events.services.badges import purge_badge_sheets, render_badge_sheet
from tests.events import test_b2b_support as b2b_world
from tests.events.support import colloquium, committed, en, login, page, speaker_registration
from tests.factories import B2BParticipantFactory, CategoryFactory, EventFactory, RegistrationFactory, UserFactory
from tests.pdf_checks import extract_text, page_count

pytestmark = pytest.mark.django_db

START = datetime(2031, 6, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def event():
    return colloquium()


@pytest.fixture
def speaker(event):
    return speaker_registration(event)


def ask_for_sheets(client, event, **data):
    """The organiser's POST; the task runs after the commit, as it would without Redis."""
    with committed():
        return client.post(en("badges", event.slug), data)


def download(client, job):
    response = client.get(en("badge_sheet_download", job.event.slug, job.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def make_job(event, user, **fields):
    """A job as a worker leaves it half way (no task runs)."""
    return BadgeSheetJob.objects.create(event=event, requested_by=user, **fields)


# Asking for the sheets


def test_the_badges_page_offers_the_form_to_organisers(client, organiser, event, speaker):
    response = login(client, organiser).get(en("badges", event.slug))

    assert response.status_code == 200
    assert 'id="badge-sheet-form"' in page(response)
    assert "Speaker" in page(response)  # the category filter
    assert "None yet." in page(response)


def test_an_organiser_gets_a_sheet_of_the_confirmed_registrations_four_per_a4_page(client, organiser, event):
    for index in range(5):
        RegistrationFactory(event=event, user=None, email=f"p{index}@example.net", last_name=f"Confirmé{index}")
    RegistrationFactory(event=event, user=None, email="w@example.net", last_name="Attente", status="pending")

    response = ask_for_sheets(login(client, organiser), event)

    job = BadgeSheetJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == en("badge_sheet_job", event.slug, job.pk)
    assert (job.status, job.done, job.total, job.requested_by, job.event) == ("done", 5, 5, organiser, event)
    assert job.finished_at is not None
    data = download(client, job)
    assert data.startswith(b"%PDF")
    assert page_count(data) == 2
    text = extract_text(data)
    assert all(f"Confirmé{index}" in text for index in range(5))
    assert "Attente" not in text


def test_the_pdf_is_kept_in_private_storage_never_under_media(client, organiser, event, speaker, settings):
    ask_for_sheets(login(client, organiser), event)

    job = BadgeSheetJob.objects.get()
    path = Path(job.file.path)
    assert path.is_file()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())


def test_the_progress_page_offers_the_finished_sheet(client, organiser, event, speaker):
    login(client, organiser)
    response = client.get(ask_for_sheets(client, event)["Location"])

    html = page(response)
    assert response.status_code == 200
    assert 'data-status="done"' in html
    assert "1 of 1 badges made" in html
    assert 'id="badge-sheet-download"' in html
    assert 'hx-trigger="every 2s"' not in html  # nothing left to follow
    assert "<script>" not in html
    assert "style=" not in html


def test_a_sheet_can_hold_one_category(client, organiser, event, speaker):
    RegistrationFactory(event=event, user=None, email="x@example.net", last_name="Participant")

    ask_for_sheets(login(client, organiser), event, category=speaker.category_id)

    job = BadgeSheetJob.objects.get()
    assert (job.category, job.total) == (speaker.category, 1)
    text = extract_text(download(client, job))
    assert "Fatima Bennani" in text
    assert "Participant" not in text.replace("SPEAKER", "")


def test_a_category_of_another_event_is_refused_and_nothing_is_made(client, organiser, event, speaker):
    elsewhere = CategoryFactory(event=EventFactory())

    response = ask_for_sheets(login(client, organiser), event, category=elsewhere.pk)

    assert response.status_code == 200
    assert 'id="badge-sheet-form"' in page(response)
    assert "is-invalid" in page(response)
    assert not BadgeSheetJob.objects.exists()


def test_with_b2b_each_sheet_is_followed_by_its_backs(client, organiser):
    oujda = b2b_world.oujda(day=START.date(), slug="oujda")
    # A name short enough for one line of the front (a random long one would wrap and be counted apart).
    first = B2BParticipantFactory(
        registration=RegistrationFactory(event=oujda, user=UserFactory(first_name="Sara", last_name="Peeters"))
    )
    second = B2BParticipantFactory(registration=RegistrationFactory(event=oujda))
    b2b_world.booked(first, second, (START, START + timedelta(minutes=30)), table=2)
    RegistrationFactory(event=oujda)  # not in B2B: an empty back

    ask_for_sheets(login(client, organiser), oujda)

    data = download(client, BadgeSheetJob.objects.get())
    assert page_count(data) == 2
    assert extract_text(data).count(first.registration.full_name) == 3  # front, own back, the other's back


def test_an_empty_event_still_gets_a_pdf(client, organiser, event):
    ask_for_sheets(login(client, organiser), event)

    job = BadgeSheetJob.objects.get()
    assert (job.status, job.total) == ("done", 0)
    assert download(client, job).startswith(b"%PDF")


# Progress


def test_an_unfinished_sheet_shows_its_progress_and_is_polled(client, organiser, event):
    job = make_job(event, organiser, status="running", done=8, total=20)

    response = login(client, organiser).get(en("badge_sheet_job", event.slug, job.pk))

    html = page(response)
    assert "8 of 20 badges made" in html
    assert 'aria-valuenow="40"' in html
    assert "progress-w-40" in html
    assert f'hx-get="{en("badge_sheet_job", event.slug, job.pk)}"' in html
    assert 'hx-trigger="every 2s"' in html
    assert 'id="badge-sheet-download"' not in html


def test_htmx_polling_gets_only_the_progress_block(client, organiser, event):
    job = make_job(event, organiser, status="queued", total=3)

    response = login(client, organiser).get(en("badge_sheet_job", event.slug, job.pk), headers={"HX-Request": "true"})

    html = page(response).strip()
    assert html.startswith('<section id="badge-sheet-progress"')
    assert "<html" not in html
    assert "0 of 3 badges made" in html


def test_a_failed_sheet_says_so_and_offers_to_try_again(client, organiser, event):
    job = make_job(event, organiser, status="failed", total=3)

    html = page(login(client, organiser).get(en("badge_sheet_job", event.slug, job.pk)))

    assert "could not be made" in html
    assert 'hx-trigger="every 2s"' not in html
    assert client.get(en("badge_sheet_download", event.slug, job.pk)).status_code == 404


def test_the_task_draws_a_queued_job_once(organiser, event, speaker):
    job = make_job(event, organiser, total=1)

    assert render_badge_sheet(job_id=job.pk).status == "done"
    job.refresh_from_db()
    first_file = job.file.name

    assert render_badge_sheet(job_id=job.pk) is None  # a second delivery of the same task
    assert render_badge_sheet(job_id=999999) is None  # a job deleted meanwhile
    job.refresh_from_db()
    assert job.file.name == first_file


def test_sheets_older_than_a_week_are_deleted_with_their_pdf(organiser, event, speaker):
    old, recent = make_job(event, organiser), make_job(event, organiser)
    render_badge_sheet(job_id=old.pk)
    render_badge_sheet(job_id=recent.pk)
    BadgeSheetJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    old_path = Path(BadgeSheetJob.objects.get(pk=old.pk).file.path)

    with committed():
        assert purge_badge_sheets() == 1

    assert list(BadgeSheetJob.objects.all()) == [recent]
    assert not old_path.exists()


# Access


@pytest.mark.parametrize("name", ["badges", "badge_sheet_job", "badge_sheet_download"])
def test_anonymous_visitors_are_sent_to_log_in(client, organiser, event, name):
    job = make_job(event, organiser, status="done")
    args = [event.slug] if name == "badges" else [event.slug, job.pk]

    response = client.get(en(name, *args))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_members_cannot_ask_for_sheets(client, member, event, speaker):
    login(client, member)
    assert client.get(en("badges", event.slug)).status_code == 404
    assert ask_for_sheets(client, event).status_code == 404
    assert not BadgeSheetJob.objects.exists()


def organiser_of(event):
    user = UserFactory(mfa=True)  # organisers' pages need two-factor authentication
    event.organisers.add(user)
    return user


def test_the_sheet_is_404_for_another_member_and_the_organiser_of_another_event(client, other_member, event):
    requester = organiser_of(event)
    ask_for_sheets(login(client, requester), event)
    job = BadgeSheetJob.objects.get()
    outsiders = [other_member, organiser_of(EventFactory(slug="autre"))]

    for outsider in outsiders:
        login(client, outsider)
        assert client.get(en("badge_sheet_job", event.slug, job.pk)).status_code == 404
        assert client.get(en("badge_sheet_download", event.slug, job.pk)).status_code == 404
        assert client.get(en("badge_sheet_download", "autre", job.pk)).status_code == 404
    assert client.get(en("badge_sheet_download", event.slug, 999999)).status_code == 404


def test_the_requester_and_the_events_other_organisers_may_download_it(client, organiser, event, speaker):
    requester = organiser_of(event)
    ask_for_sheets(login(client, requester), event)
    job = BadgeSheetJob.objects.get()

    for person in (requester, organiser_of(event), organiser):
        assert "Fatima Bennani" in extract_text(download(login(client, person), job))


def test_an_unfinished_sheet_cannot_be_downloaded(client, organiser, event):
    job = make_job(event, organiser, status="running", total=5)
    assert login(client, organiser).get(en("badge_sheet_download", event.slug, job.pk)).status_code == 404


# Query budgets


@pytest.mark.parametrize("n", [1, 5])
def test_the_progress_page_runs_a_constant_number_of_queries(client, organiser, event, django_assert_num_queries, n):
    for _index in range(n):
        RegistrationFactory(event=event)
    ask_for_sheets(login(client, organiser), event)
    url = en("badge_sheet_job", event.slug, BadgeSheetJob.objects.get().pk)

    # session, user, job with its event and category, organiser group, authenticator, unread messages (menu)
    with django_assert_num_queries(6):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("n", [1, 5])
def test_the_badges_page_runs_a_constant_number_of_queries(client, organiser, event, django_assert_num_queries, n):
    for _index in range(n):
        make_job(event, organiser, status="done", category=CategoryFactory(event=event))
    login(client, organiser)

    # session, user, event, organiser group, authenticator, unread messages (menu), the categories to choose
    # from, the recent sheets
    with django_assert_num_queries(8):
        assert client.get(en("badges", event.slug)).status_code == 200
