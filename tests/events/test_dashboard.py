"""The organisers' dashboard of an event: who may open it, the figures it shows, and its query budget."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from events.models import Meeting, Registration
from events.selectors import stats
from tests.events.support import en, page
from tests.events.test_b2b_support import booked, join, oujda, requested, slot
from tests.factories import CategoryFactory, EventFactory, RegistrationFactory, with_mfa

pytestmark = pytest.mark.django_db


def dashboard_url(event):
    return en("event_dashboard", event.slug)


def registered_on(event, category, day, **fields):
    registration = RegistrationFactory(event=event, category=category, **fields)
    Registration.objects.filter(pk=registration.pk).update(created_at=day)
    return registration


@pytest.fixture
def event(db):
    return EventFactory(title="Colloque 60 ans", capacity=10)


@pytest.fixture
def categories(event):
    return CategoryFactory(event=event, name="Participant", capacity=6), CategoryFactory(event=event, name="Presse")


@pytest.fixture
def filled(event, categories):
    """Six people over three days (the middle one quiet), from Belgium and Morocco."""
    participant, press = categories
    first = datetime(2026, 11, 1, 10, tzinfo=UTC)
    for index in range(3):
        registered_on(event, participant, first, country="BE", checked_in_at=timezone.now() if index == 0 else None)
    registered_on(event, participant, first + timedelta(days=2), country="MA", status="pending", confirmed_at=None)
    registered_on(event, press, first + timedelta(days=2), country="MA")
    registered_on(event, press, first + timedelta(days=2), country="MA", status="waitlisted", waitlisted_at=first)
    return event


# Who may open it


def test_anonymous_visitors_are_sent_to_log_in(client, event):
    response = client.get(dashboard_url(event))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_members_who_do_not_organise_the_event_get_a_404(client, event, other_member):
    client.force_login(other_member)

    assert client.get(dashboard_url(event)).status_code == 404


def test_an_organiser_named_on_the_event_sees_its_dashboard(client, event, member):
    with_mfa(member)
    event.organisers.add(member)
    client.force_login(member)

    response = client.get(dashboard_url(event))

    assert response.status_code == 200
    assert "Event dashboard" in page(response)
    assert "Registrations (admin)" not in page(response)  # the admin is for staff


def test_staff_also_get_a_link_to_the_registrations_in_the_admin(client, event, staff):
    client.force_login(staff)

    content = page(client.get(dashboard_url(event)))

    assert f"?event__id__exact={event.pk}" in content


def test_the_dashboard_has_the_events_navigation_with_the_organisers_tools(client, event, member):
    with_mfa(member)
    event.organisers.add(member)
    client.force_login(member)

    content = page(client.get(dashboard_url(event)))

    assert 'id="event-nav"' in content
    organiser_nav = content.split('id="organiser-nav"')[1].split("</ul>")[0]
    assert en("desk", event.slug) in organiser_nav
    assert en("badges", event.slug) in organiser_nav
    assert 'aria-current="page"><i class="bi bi-speedometer2' in organiser_nav


# What it shows


def test_the_dashboard_shows_the_status_counts_and_the_check_in_progress(client, organiser, filled):
    client.force_login(organiser)

    content = page(client.get(dashboard_url(filled)))

    assert '<dd class="fs-4 fw-semibold mb-0" id="count-confirmed">4<span' in content
    assert '<dd class="fs-4 fw-semibold mb-0" id="count-pending">1</dd>' in content
    assert '<dd class="fs-4 fw-semibold mb-0" id="count-waitlisted">1</dd>' in content
    assert '<dd class="fs-4 fw-semibold mb-0" id="count-seats-left">5</dd>' in content
    assert "1 of 4 confirmed people checked in (25 %)" in content
    assert "progress-w-25" in content


def test_the_dashboard_draws_registrations_per_day_with_a_table_of_the_figures(client, organiser, filled):
    client.force_login(organiser)

    content = page(client.get(dashboard_url(filled)))

    assert content.count("<rect ") == 3  # 1, 2 and 3 November, the quiet day included
    assert '<svg class="w-100 h-auto text-primary"' in content
    assert "6 registrations, from" in content
    assert '<table class="table table-sm small w-auto" id="days-table">' in content
    assert "style=" not in content.split('id="dashboard-days"')[1].split("</section>")[0]


def test_the_dashboard_shows_each_category_with_its_capacity_and_each_country(client, organiser, filled):
    client.force_login(organiser)

    content = page(client.get(dashboard_url(filled)))

    categories = content.split('id="categories-table"')[1].split("</table>")[0]
    assert "Participant" in categories
    assert "4 / 6" in categories  # three confirmed and one pending hold seats
    assert "no limit" in categories
    countries = content.split('id="countries-table"')[1].split("</table>")[0]
    assert "Belgium" in countries
    assert "Morocco" in countries
    assert "3 <span" in countries


def test_the_b2b_figures_appear_for_events_with_meetings(client, organiser):
    event = oujda()
    people = [join(event) for _index in range(4)]
    booked(people[0], people[1], slot(event, 0), table=1)
    accepted = booked(people[2], people[3], slot(event, 0), table=2)
    Meeting.objects.filter(pk=accepted.pk).update(held=True)
    requested(people[0], people[2], slot(event, 1))
    declined = requested(people[1], people[3], slot(event, 2))
    Meeting.objects.filter(pk=declined.pk).update(status=Meeting.Status.DECLINED)
    client.force_login(organiser)

    content = page(client.get(dashboard_url(event)))

    assert 'id="b2b-participants">4</dd>' in content
    assert 'id="b2b-accepted">2</dd>' in content
    assert 'id="b2b-requested">1</dd>' in content
    assert 'id="b2b-declined">1</dd>' in content
    assert 'id="b2b-held">1</dd>' in content
    assert 'id="b2b-without-meeting">0</dd>' in content
    assert "2 of 50 table slots booked (10 slots × 5 tables): 4 %" in content


def test_events_without_b2b_meetings_show_no_b2b_section(client, organiser, filled):
    client.force_login(organiser)

    assert "b2b-participants" not in page(client.get(dashboard_url(filled)))


def test_an_event_without_registrations_shows_an_empty_dashboard(client, organiser, event):
    client.force_login(organiser)

    content = page(client.get(dashboard_url(event)))

    assert "No registration yet." in content
    assert "<rect " not in content


@pytest.mark.parametrize("n", [1, 5])
def test_the_dashboard_runs_a_constant_number_of_queries(client, organiser, django_assert_num_queries, n):
    event = oujda()
    for index in range(n):
        category = CategoryFactory(event=event, name=f"Catégorie {index}", capacity=10)
        registered_on(event, category, timezone.now() - timedelta(days=index), country=["BE", "MA", "FR"][index % 3])
    people = [join(event) for _index in range(n + 1)]
    for index in range(n):
        booked(people[index], people[index + 1], slot(event, index), table=1)
    client.force_login(organiser)
    client.get(dashboard_url(event))

    with django_assert_num_queries(13):  # + the organiser's two-factor check
        response = client.get(dashboard_url(event))

    assert response.status_code == 200


# The figures themselves


def test_registrations_are_counted_on_their_day_in_the_events_zone(event, categories):
    late_evening = datetime(2026, 11, 2, 23, 30, tzinfo=UTC)  # already 3 November in Brussels
    registered_on(event, categories[0], late_evening)
    registered_on(event, categories[0], late_evening - timedelta(days=2))

    days = stats.registrations_per_day(event)

    assert days == [(date(2026, 11, 1), 1), (date(2026, 11, 2), 0), (date(2026, 11, 3), 1)]


def test_the_chart_scales_its_bars_to_the_busiest_day():
    chart = stats.day_chart([(date(2026, 11, 1), 4), (date(2026, 11, 2), 0), (date(2026, 11, 3), 2)])

    heights = [bar.height for bar in chart.bars]
    assert heights[0] == chart.baseline - 24  # the top of the plot
    assert heights[1] == 0
    assert heights[2] == heights[0] / 2
    assert chart.total == 6
    assert stats.day_chart([]) is None
