"""B2B meeting pages: who may see them, what they show, and what their buttons do."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import B2BParticipant, Meeting
from tests.events.support import committed, en, page
from tests.events.test_b2b_support import booked, join, oujda, requested, slot
from tests.factories import RegistrationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("taxonomies")]


@pytest.fixture
def event(db):
    return oujda()


@pytest.fixture
def amina(event, member):
    """The member, opted in, from Belgium, looking for financing and offering market access."""
    return join(
        event, member, organisation="Atlas Export", offers=["market-access"], needs=["financing"], sectors=["agrifood"]
    )


# Who may see what


@pytest.mark.parametrize(
    ("name", "needs_meeting", "method"),
    [
        ("b2b_participants", False, "get"),
        ("b2b_opt_in", False, "get"),
        ("b2b_schedule", False, "get"),
        ("b2b_schedule_ics", False, "get"),
        ("b2b_overview", False, "get"),
        ("b2b_opt_out", False, "post"),
        ("b2b_accept", True, "post"),
        ("b2b_decline", True, "post"),
        ("b2b_propose", True, "post"),
        ("b2b_cancel", True, "post"),
    ],
)
def test_anonymous_visitors_are_sent_to_log_in(client, event, name, needs_meeting, method):
    meeting = requested(join(event), join(event), slot(event, 0))
    target = en(name, meeting.pk) if needs_meeting else en(name, event.slug)

    response = getattr(client, method)(target)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_respond_cancel_and_schedule_answer_404_to_members_outside_the_meeting(client, event, amina, other_member):
    meeting = requested(amina, join(event), slot(event, 0))
    RegistrationFactory(event=event, user=other_member)  # registered, but not a B2B participant
    client.force_login(other_member)

    assert client.post(en("b2b_accept", meeting.pk)).status_code == 404
    assert client.post(en("b2b_cancel", meeting.pk), {"reason": "x"}).status_code == 404
    assert client.get(en("b2b_schedule", event.slug)).status_code == 404
    assert client.get(en("b2b_schedule_ics", event.slug)).status_code == 404
    meeting.refresh_from_db()
    assert meeting.status == "requested"


def test_a_participant_whose_registration_is_no_longer_confirmed_has_no_schedule(client, event, amina, member):
    # Cancelling through the service withdraws the participant too; a registration set aside another way
    # (an organiser's edit in the admin) must close the pages all the same.
    amina.registration.status = "declined"
    amina.registration.save()
    client.force_login(member)

    assert client.get(en("b2b_schedule", event.slug)).status_code == 404
    assert client.get(en("b2b_schedule_ics", event.slug)).status_code == 404


def test_the_overview_answers_404_to_participants_who_are_not_organisers(client, event, amina, member):
    client.force_login(member)
    assert client.get(en("b2b_overview", event.slug)).status_code == 404
    assert client.post(en("b2b_overview_held", event.slug, 1), {"held": "yes"}).status_code == 404


def test_an_event_without_b2b_meetings_has_no_b2b_pages(client, member):
    event = oujda(b2b_enabled=False)
    client.force_login(member)
    assert client.get(en("b2b_participants", event.slug)).status_code == 404
    assert client.get(en("b2b_opt_in", event.slug)).status_code == 404


# Opting in


def test_a_member_without_a_registration_is_asked_to_register_first(client, event, member):
    client.force_login(member)
    response = client.get(en("b2b_opt_in", event.slug))
    assert "Register first" in page(response)
    assert en("register", event.slug) in page(response)


def test_a_confirmed_registrant_opts_in_with_a_note_and_sees_their_offers_from_the_profile(client, event, member):
    from network.models import HelpType, Profile

    RegistrationFactory(event=event, user=member)
    profile = Profile.objects.create(user=member, country="MA")
    profile.offers.set(HelpType.objects.filter(slug="mentoring"))
    client.force_login(member)

    form = client.get(en("b2b_opt_in", event.slug))
    assert HelpType.objects.get(slug="mentoring").name_en in page(form)
    with translation.override("en"):
        assert reverse("network:profile_edit") in page(form)
    response = client.post(en("b2b_opt_in", event.slug), {"note": "Je cherche des investisseurs."}, follow=True)

    participant = B2BParticipant.objects.get(registration__user=member)
    assert (participant.note, participant.is_active) == ("Je cherche des investisseurs.", True)
    assert response.redirect_chain[-1][0] == en("b2b_participants", event.slug)
    assert "You take part in the B2B meetings" in page(response)


def test_a_participant_updates_their_note_and_opts_out(client, event, amina, member):
    client.force_login(member)
    client.post(en("b2b_opt_in", event.slug), {"note": "Nouvelle note"})
    amina.refresh_from_db()
    assert amina.note == "Nouvelle note"

    response = client.post(en("b2b_opt_out", event.slug), follow=True)
    amina.refresh_from_db()
    assert amina.is_active is False
    assert "You no longer take part" in page(response)


def test_a_participant_with_booked_meetings_is_asked_to_cancel_them_before_leaving(client, event, amina, member):
    booked(amina, join(event), slot(event, 0))
    client.force_login(member)

    assert "Cancel it on your schedule first" in page(client.get(en("b2b_opt_in", event.slug)))
    response = client.post(en("b2b_opt_out", event.slug), follow=True)

    amina.refresh_from_db()
    assert amina.is_active is True
    assert "Cancel them first" in page(response)


# The participants page


def test_members_who_have_not_opted_in_get_an_explanation_and_a_join_button(client, event, member):
    RegistrationFactory(event=event, user=member)
    join(event, organisation="Invisible SARL")
    client.force_login(member)

    response = client.get(en("b2b_participants", event.slug))

    assert response.status_code == 200
    assert "Join the B2B meetings" in page(response)
    assert en("b2b_opt_in", event.slug) in page(response)
    assert "Invisible SARL" not in page(response)


def test_participants_see_the_others_with_suggestions_first_and_the_reasons(client, event, amina, member):
    investor = join(event, organisation="Oriental Invest", country="MA", offers=["financing"])
    join(event, organisation="Sans Profil")
    client.force_login(member)

    response = client.get(en("b2b_participants", event.slug))
    html = page(response)

    assert "Suggested for you" in html
    assert html.index("Oriental Invest") < html.index("All participants")
    assert "Offers financing, which you are looking for" in html
    assert "Sans Profil" in html
    assert investor.note in html
    assert en("b2b_request", event.slug, investor.pk) in html
    assert "Atlas Export" not in html  # not oneself
    assert "2 participants" in html


def test_participants_are_filtered_by_name_country_and_offers_in_the_query_string(client, event, amina, member):
    join(event, organisation="Oriental Invest", country="MA", offers=["financing"])
    join(event, organisation="Brussels Consulting", country="BE", offers=["mentoring"])
    client.force_login(member)

    by_country = page(client.get(en("b2b_participants", event.slug), {"country": "MA"}))
    by_offer = page(client.get(en("b2b_participants", event.slug), {"offers": "mentoring"}))
    by_name = page(client.get(en("b2b_participants", event.slug), {"q": "brussels"}))

    assert "Oriental Invest" in by_country
    assert "Brussels Consulting" not in by_country
    assert "Brussels Consulting" in by_offer
    assert "Oriental Invest" not in by_offer
    assert "Brussels Consulting" in by_name
    assert "Oriental Invest" not in by_name


def test_a_hidden_profile_reveals_neither_its_offers_nor_matches_a_filter(client, event, amina, member):
    join(event, organisation="Discrète SA", offers=["financing"], visibility="hidden")
    client.force_login(member)

    filtered = page(client.get(en("b2b_participants", event.slug), {"offers": "financing"}))
    listed = page(client.get(en("b2b_participants", event.slug)))

    assert "Discrète SA" not in filtered
    assert "Discrète SA" in listed
    assert "Suggested for you" not in listed


@pytest.mark.parametrize("n", [1, 5])
def test_the_participants_page_runs_a_constant_number_of_queries(
    client, event, amina, member, n, django_assert_num_queries
):
    for number in range(n):
        other = join(
            event, organisation=f"Org {number}", offers=["financing"], needs=["mentoring"], sectors=["agrifood"]
        )
        requested(amina, other, slot(event, number))
    client.force_login(member)
    client.get(en("b2b_participants", event.slug))  # warm the session and caches

    with django_assert_num_queries(27):
        response = client.get(en("b2b_participants", event.slug))
    # Every card says so, in the list and in the (at most four) suggestions.
    assert page(response).count("Request pending") == n + min(n, 4)


# Requesting a meeting


def test_the_request_page_offers_only_slots_free_for_both_and_sends_the_request(
    client, event, amina, member, mailoutbox
):
    pieter = join(event, organisation="Oriental Invest")
    booked(pieter, join(event), slot(event, 0))
    client.force_login(member)

    form = page(client.get(en("b2b_request", event.slug, pieter.pk)))
    assert "Oriental Invest" in form
    assert slot(event, 0)[0].isoformat() not in form
    assert slot(event, 1)[0].isoformat() in form

    with committed():
        response = client.post(
            en("b2b_request", event.slug, pieter.pk),
            {"slot": slot(event, 1)[0].isoformat(), "message": "Bonjour, parlons export."},
            follow=True,
        )

    meeting = Meeting.objects.get(requester=amina, recipient=pieter)
    assert (meeting.status, meeting.starts_at, meeting.message) == (
        "requested",
        slot(event, 1)[0],
        "Bonjour, parlons export.",
    )
    assert "Your request has been sent" in page(response)
    assert [m.to for m in mailoutbox] == [[pieter.registration.user.email]]


def test_a_request_for_a_slot_that_is_no_longer_free_re_renders_the_form_with_the_message(client, event, amina, member):
    pieter = join(event)
    booked(pieter, join(event), slot(event, 0))
    client.force_login(member)

    response = client.post(
        en("b2b_request", event.slug, pieter.pk), {"slot": slot(event, 0)[0].isoformat(), "message": "Mon message"}
    )

    assert response.status_code == 200
    assert "This time is no longer free" in page(response)
    assert "Mon message" in page(response)
    assert not Meeting.objects.filter(requester=amina).exists()


def test_a_service_refusal_is_shown_as_a_message_not_a_crash(client, event, amina, member):
    pieter = join(event)
    requested(pieter, amina, slot(event, 3))
    client.force_login(member)

    response = client.post(en("b2b_request", event.slug, pieter.pk), {"slot": slot(event, 1)[0].isoformat()})

    assert response.status_code == 200
    assert "already waits for an answer" in page(response)


def test_nobody_requests_a_meeting_with_themselves_or_without_opting_in(client, event, amina, member, other_member):
    client.force_login(member)
    assert client.get(en("b2b_request", event.slug, amina.pk)).status_code == 404

    RegistrationFactory(event=event, user=other_member)
    client.force_login(other_member)
    response = client.get(en("b2b_request", event.slug, amina.pk))
    assert response.status_code == 302
    assert response.url == en("b2b_opt_in", event.slug)


# Answering, cancelling, the schedule


def test_the_recipient_accepts_from_their_schedule_and_gets_a_table(client, event, amina, member, mailoutbox):
    pieter = join(event)
    meeting = requested(pieter, amina, slot(event, 2), message="Rencontrons-nous")
    client.force_login(member)

    schedule = page(client.get(en("b2b_schedule", event.slug)))
    assert "Requests to answer" in schedule
    assert "Rencontrons-nous" in schedule
    assert en("b2b_accept", meeting.pk) in schedule

    with committed():
        response = client.post(en("b2b_accept", meeting.pk), follow=True)

    meeting.refresh_from_db()
    assert (meeting.status, meeting.table) == ("accepted", 1)
    assert "Meeting accepted. Your table: 1." in page(response)
    assert [m.to for m in mailoutbox] == [[pieter.registration.user.email]]


def test_the_requester_cannot_answer_their_own_request(client, event, amina, member):
    meeting = requested(amina, join(event), slot(event, 2))
    client.force_login(member)

    response = client.post(en("b2b_accept", meeting.pk), follow=True)

    meeting.refresh_from_db()
    assert meeting.status == "requested"
    assert "waits for the other person" in page(response)


def test_responding_needs_a_post(client, event, amina, member):
    meeting = requested(join(event), amina, slot(event, 2))
    client.force_login(member)
    for name in ("b2b_accept", "b2b_decline", "b2b_propose"):
        assert client.get(en(name, meeting.pk)).status_code == 405


def test_the_recipient_proposes_another_slot_from_the_schedule(client, event, amina, member):
    meeting = requested(join(event), amina, slot(event, 2))
    client.force_login(member)

    missing = client.post(en("b2b_propose", meeting.pk), follow=True)
    assert "Choose the time you propose" in page(missing)
    client.post(en("b2b_propose", meeting.pk), {"slot": slot(event, 7)[0].isoformat()})

    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.proposed_by, meeting.status) == (slot(event, 7)[0], amina, "requested")
    assert "Waiting for an answer" in page(client.get(en("b2b_schedule", event.slug)))


def test_a_participant_cancels_a_booked_meeting_with_a_reason(client, event, amina, member, mailoutbox):
    pieter = join(event)
    meeting = booked(pieter, amina, slot(event, 2))
    client.force_login(member)

    refused = client.post(en("b2b_cancel", meeting.pk), {"reason": ""}, follow=True)
    assert "Give a reason" in page(refused)
    with committed():
        client.post(en("b2b_cancel", meeting.pk), {"reason": "Empêchement de dernière minute"})

    meeting.refresh_from_db()
    assert meeting.status == "cancelled"
    assert [m.to for m in mailoutbox] == [[pieter.registration.user.email]]
    assert "Empêchement de dernière minute" in page(client.get(en("b2b_schedule", event.slug)))


def test_the_schedule_shows_the_day_with_tables_people_and_free_times(client, event, amina, member):
    pieter = join(event, organisation="Oriental Invest")
    karim = join(event, organisation="Tanger Logistique")
    booked(pieter, amina, slot(event, 1), table=4)
    requested(amina, karim, slot(event, 3))
    client.force_login(member)

    html = page(client.get(en("b2b_schedule", event.slug)))

    assert "Table 4" in html
    assert "Oriental Invest" in html
    assert "Waiting for an answer" in html
    assert "Tanger Logistique" in html
    assert "My free times" in html
    assert "data-local-time" in html
    assert en("b2b_schedule_ics", event.slug) in html


def test_the_ics_has_the_accepted_meetings_only(client, event, amina, member):
    booked(join(event, organisation="Oriental Invest"), amina, slot(event, 1), table=4)
    requested(amina, join(event, organisation="Pas encore"), slot(event, 3))
    client.force_login(member)

    response = client.get(en("b2b_schedule_ics", event.slug))

    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert body.count("BEGIN:VEVENT") == 1
    assert "Oriental Invest" in body
    assert "table 4" in body
    assert "Pas encore" not in body


# The organisers' overview


def test_organisers_see_the_counts_the_tables_taken_and_every_meeting(client, event, organiser):
    a, b, c, d = (join(event) for _ in range(4))
    held = booked(a, b, slot(event, 0))
    held.held = True
    held.save()
    booked(c, d, slot(event, 0), table=2)
    requested(a, c, slot(event, 1))
    Meeting.objects.filter(pk=requested(b, d, slot(event, 2)).pk).update(status="declined")
    client.force_login(organiser)

    html = page(client.get(en("b2b_overview", event.slug)))

    assert 'id="count-requested">1<' in html
    assert 'id="count-accepted">2<' in html
    assert 'id="count-declined">1<' in html
    assert 'id="count-held">1<' in html
    assert "2 / 5" in html
    assert "progress-w-40" in html
    only_requested = page(client.get(en("b2b_overview", event.slug), {"status": "requested"}))
    assert only_requested.count('class="list-group-item" id="meeting-') == 1


def test_organisers_cancel_a_meeting_and_mark_another_held_from_the_overview(client, event, organiser, mailoutbox):
    a, b, c, d = (join(event) for _ in range(4))
    to_cancel = booked(a, b, slot(event, 0))
    to_mark = booked(c, d, slot(event, 0), table=2)
    client.force_login(organiser)

    with committed():
        client.post(en("b2b_overview_cancel", event.slug, to_cancel.pk), {"reason": "Table retirée"})
    client.post(en("b2b_overview_held", event.slug, to_mark.pk), {"held": "no"})

    to_cancel.refresh_from_db()
    to_mark.refresh_from_db()
    assert to_cancel.status == "cancelled"
    assert to_mark.held is False
    assert len(mailoutbox) == 2


def test_an_organiser_cancel_without_a_reason_is_refused_with_a_message(client, event, organiser):
    meeting = booked(join(event), join(event), slot(event, 0))
    client.force_login(organiser)

    response = client.post(en("b2b_overview_cancel", event.slug, meeting.pk), {"reason": ""}, follow=True)

    meeting.refresh_from_db()
    assert meeting.status == "accepted"
    assert "Give a reason" in page(response)


@pytest.mark.parametrize("n", [1, 5])
def test_the_overview_runs_a_constant_number_of_queries(client, event, organiser, n, django_assert_num_queries):
    for number in range(n):
        booked(join(event), join(event), slot(event, number % 10), table=1 + number // 10)
        requested(join(event), join(event), slot(event, number % 10))
    client.force_login(organiser)
    client.get(en("b2b_overview", event.slug))

    with django_assert_num_queries(12):  # + the organiser's two-factor check
        response = client.get(en("b2b_overview", event.slug))
    assert page(response).count('class="list-group-item" id="meeting-') == 2 * n


def test_a_member_organiser_of_this_event_sees_the_overview(client, event):
    user = UserFactory(mfa=True)
    event.organisers.add(user)
    client.force_login(user)
    assert client.get(en("b2b_overview", event.slug)).status_code == 200
