"""The organisers' console: pages answer, actions go through the services (and email), the lists keep a constant
number of queries, and a room booked twice is a form error."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event, Meeting, MeetingSeat, Session
from tests.events.support import admin_url, committed, en, page
from tests.events.test_b2b_support import booked, join, oujda, requested, slot
from tests.factories import (
    CategoryFactory,
    EventFactory,
    EventQuestionFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    return EventFactory(title="Colloque 60 ans", capacity=100)


@pytest.fixture
def category(event):
    return CategoryFactory(event=event, name="Participant")


def run_action(client, action, registrations, **extra):
    return client.post(
        admin_url("registration_changelist"),
        {"action": action, "_selected_action": [r.pk for r in registrations], **extra},
        follow=True,
    )


# Every page answers


@pytest.mark.parametrize(
    "name",
    [
        "event_changelist",
        "event_add",
        "registration_changelist",
        "speaker_changelist",
        "speaker_add",
        "session_changelist",
        "session_add",
        "b2bparticipant_changelist",
        "meeting_changelist",
    ],
)
def test_each_admin_list_and_add_page_answers(admin_client_with_mfa, name, category):
    RegistrationFactory(event=category.event, category=category)

    response = admin_client_with_mfa.get(admin_url(name))

    assert response.status_code == 200


def test_the_change_pages_of_every_events_model_answer(admin_client_with_mfa, category):
    registration = RegistrationFactory(event=category.event, category=category)
    speaker = SpeakerFactory(event=category.event)
    session = SessionFactory(event=category.event)
    session.speakers.add(speaker)
    b2b_event = oujda()
    meeting = booked(join(b2b_event), join(b2b_event), slot(b2b_event, 0))

    for url in [
        admin_url("event_change", category.event.pk),
        admin_url("event_change", b2b_event.pk),
        admin_url("registration_change", registration.pk),
        admin_url("speaker_change", speaker.pk),
        admin_url("session_change", session.pk),
        admin_url("b2bparticipant_change", meeting.requester.pk),
        admin_url("meeting_change", meeting.pk),
    ]:
        assert admin_client_with_mfa.get(url).status_code == 200, url


def test_registrations_cannot_be_added_in_the_admin(admin_client_with_mfa):
    assert admin_client_with_mfa.get(admin_url("registration_add")).status_code == 403


def test_non_staff_members_cannot_open_the_admin(client, member):
    client.force_login(member)

    response = client.get(admin_url("registration_changelist"))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


# Events


def test_the_event_list_shows_live_counts(admin_client_with_mfa, event, category):
    RegistrationFactory.create_batch(3, event=event, category=category)
    RegistrationFactory(event=event, category=category, checked_in_at=timezone.now())
    RegistrationFactory(event=event, category=category, status="waitlisted", waitlisted_at=timezone.now())

    response = admin_client_with_mfa.get(admin_url("event_changelist"))

    content = page(response)
    assert "4 / 100" in content
    assert '<td class="field-waitlisted">1</td>' in content
    assert '<td class="field-checked_in">1</td>' in content
    assert en("event_dashboard", event.slug) in content


@pytest.mark.parametrize("n", [1, 5])
def test_the_event_list_runs_a_constant_number_of_queries(admin_client_with_mfa, django_assert_num_queries, n):
    for _index in range(n):
        category = CategoryFactory()
        RegistrationFactory(event=category.event, category=category)
    admin_client_with_mfa.get(admin_url("event_changelist"))  # warm the session and content types

    with django_assert_num_queries(8):
        admin_client_with_mfa.get(admin_url("event_changelist"))


def test_the_event_page_shows_the_invitation_link_and_the_organisers_pages(admin_client_with_mfa, event):
    partner = CategoryFactory(event=event, name="Partenaire", visibility="invitation")
    CategoryFactory(event=event, name="Public")

    content = page(admin_client_with_mfa.get(admin_url("event_change", event.pk)))

    invited = en("register_invited", event.slug, partner.invitation_token)
    pages = [en(name, event.slug) for name in ("desk", "badges", "event_dashboard")]
    assert f"http://testserver{invited}" in content or invited in content
    assert content.count("events-invitation-link") == 1
    for url in pages:
        assert url in content


def test_the_event_form_reads_times_in_the_event_zone(admin_client_with_mfa):
    event = oujda()

    content = page(admin_client_with_mfa.get(admin_url("event_change", event.pk)))

    local = timezone.localtime(event.starts_at, ZoneInfo("Africa/Casablanca"))
    assert f'value="{local:%H:%M:%S}"' in content


# Registrations: the list


def test_the_registration_list_filters_by_event_category_status_and_check_in(admin_client_with_mfa, category):
    other_category = CategoryFactory(event=category.event, name="Presse")
    came = RegistrationFactory(event=category.event, category=category, last_name="Venu", checked_in_at=timezone.now())
    RegistrationFactory(event=category.event, category=other_category, last_name="Absent")

    query = f"?event__id__exact={category.event.pk}&category={category.pk}&checked_in=yes&status=confirmed"
    content = page(admin_client_with_mfa.get(admin_url("registration_changelist", query=query)))

    assert came.full_name in content
    assert "Absent" not in content


def test_the_registration_list_shows_the_chosen_events_live_counts(admin_client_with_mfa, event, category):
    RegistrationFactory.create_batch(2, event=event, category=category)
    RegistrationFactory(event=event, category=category, checked_in_at=timezone.now())
    RegistrationFactory(event=event, category=category, status="pending", confirmed_at=None)
    RegistrationFactory(event=event, category=category, status="waitlisted", waitlisted_at=timezone.now())

    content = page(
        admin_client_with_mfa.get(admin_url("registration_changelist", query=f"?event__id__exact={event.pk}"))
    )

    assert '<td id="count-capacity"><strong>100</strong></td>' in content
    assert '<td id="count-confirmed"><strong>3</strong></td>' in content
    assert '<td id="count-pending"><strong>1</strong></td>' in content
    assert '<td id="count-seats-left"><strong>96</strong></td>' in content
    assert '<td id="count-waitlisted"><strong>1</strong></td>' in content
    assert '<td id="count-checked-in"><strong>1 (33 %)</strong></td>' in content


def test_the_search_finds_people_by_organisation(admin_client_with_mfa, category):
    RegistrationFactory(event=category.event, category=category, last_name="Trouvé", organisation_name="AWEX")
    RegistrationFactory(event=category.event, category=category, last_name="Ailleurs", organisation_name="Enabel")

    content = page(admin_client_with_mfa.get(admin_url("registration_changelist", query="?q=awex")))

    assert "Trouvé" in content
    assert "Ailleurs" not in content


def test_organisers_see_whether_each_ticket_email_went_out(admin_client_with_mfa, event, category):
    from dimobel.models import OutboundEmail
    from events.services import registration as services

    sent = services.register_member(event=event, user=UserFactory(last_name="Envoyé"), category=category)
    waiting = services.register_member(event=event, user=UserFactory(last_name="Attente"), category=category)
    OutboundEmail.objects.concerning(sent).update(status="sent")
    OutboundEmail.objects.concerning(waiting).update(status="queued", last_error="ConnectionRefusedError: SMTP")
    RegistrationFactory(event=event, category=category, last_name="Sanscourriel")  # made by hand, no email

    response = admin_client_with_mfa.get(admin_url("registration_changelist"))
    rows = {r.last_name: r.ticket_email_status for r in response.context["cl"].result_list}
    assert rows == {"Envoyé": "sent", "Attente": "queued", "Sanscourriel": None}
    content = page(response)
    assert "Ticket email" in content

    detail = page(admin_client_with_mfa.get(admin_url("registration_change", waiting.pk)))
    assert "Your ticket for Colloque 60 ans" in detail
    assert "ConnectionRefusedError: SMTP" in detail


@pytest.mark.parametrize("n", [1, 5])
@pytest.mark.parametrize("filtered", [False, True])
def test_the_registration_list_runs_a_constant_number_of_queries(
    admin_client_with_mfa, django_assert_num_queries, event, n, filtered
):
    for index in range(n):
        category = CategoryFactory(event=event, name=f"Catégorie {index}")
        RegistrationFactory(event=event, category=category, country="MA", checked_in_at=timezone.now())
        RegistrationFactory(event=event, category=category, user=None, email=f"invite{index}@example.org")
    query = f"?event__id__exact={event.pk}" if filtered else ""
    admin_client_with_mfa.get(admin_url("registration_changelist", query=query))

    with django_assert_num_queries(14 if filtered else 11):
        response = admin_client_with_mfa.get(admin_url("registration_changelist", query=query))

    assert response.status_code == 200


def test_the_registration_page_shows_the_answers_read_only(admin_client_with_mfa, category):
    registration = RegistrationFactory(event=category.event, category=category)
    diet = EventQuestionFactory(event=category.event, label="Régime alimentaire", kind="single")
    photo = EventQuestionFactory(event=category.event, label="Consentement photo", kind="yes_no")
    registration.answers.create(question=diet, value="Végétarien")
    registration.answers.create(question=photo, value=True)

    with translation.override("en"):
        content = page(admin_client_with_mfa.get(admin_url("registration_change", registration.pk)))

    assert "<dt>Régime alimentaire</dt><dd>Végétarien</dd>" in content
    assert "<dt>Consentement photo</dt><dd>Yes</dd>" in content
    assert 'name="status"' not in content  # statuses change through the actions only


def test_a_confirmed_registration_cannot_be_deleted_but_a_cancelled_one_can(admin_client_with_mfa, category):
    confirmed = RegistrationFactory(event=category.event, category=category)
    cancelled = RegistrationFactory(event=category.event, category=category, status="cancelled")

    assert admin_client_with_mfa.get(admin_url("registration_delete", confirmed.pk)).status_code == 403
    assert admin_client_with_mfa.get(admin_url("registration_delete", cancelled.pk)).status_code == 200


# Registrations: the actions


def test_approving_confirms_pending_registrations_and_sends_their_tickets(admin_client_with_mfa, category, mailoutbox):
    pending = RegistrationFactory(event=category.event, category=category, status="pending", confirmed_at=None)
    confirmed = RegistrationFactory(event=category.event, category=category)

    with committed():
        response = run_action(admin_client_with_mfa, "approve", [pending, confirmed])

    pending.refresh_from_db()
    assert pending.status == "confirmed"
    assert [message.to for message in mailoutbox] == [[pending.email]]
    content = page(response)
    assert "1 registration approved." in content
    assert "1 registration not changed: Only registrations pending approval can be approved." in content


def test_declining_a_pending_registration_emails_the_person(admin_client_with_mfa, category, mailoutbox):
    pending = RegistrationFactory(event=category.event, category=category, status="pending", confirmed_at=None)

    with committed():
        run_action(admin_client_with_mfa, "decline", [pending])

    pending.refresh_from_db()
    assert pending.status == "declined"
    assert [message.to for message in mailoutbox] == [[pending.email]]


def test_cancelling_frees_the_seat_for_the_first_person_waiting(admin_client_with_mfa, mailoutbox):
    event = EventFactory(capacity=1)
    category = CategoryFactory(event=event)
    seated = RegistrationFactory(event=event, category=category)
    waiting = RegistrationFactory(
        event=event, category=category, status="waitlisted", waitlisted_at=timezone.now(), confirmed_at=None
    )

    with committed():
        response = run_action(admin_client_with_mfa, "cancel", [seated])

    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert seated.status == "cancelled"
    assert waiting.status == "confirmed"
    assert sorted(message.to[0] for message in mailoutbox) == sorted([seated.email, waiting.email])
    assert "1 registration cancelled." in page(response)


def test_promoting_fills_the_seats_freed_by_a_larger_capacity(admin_client_with_mfa, mailoutbox):
    event = EventFactory(capacity=1)
    category = CategoryFactory(event=event)
    RegistrationFactory(event=event, category=category)
    waiting = RegistrationFactory(
        event=event, category=category, status="waitlisted", waitlisted_at=timezone.now(), confirmed_at=None
    )
    Event.objects.filter(pk=event.pk).update(capacity=2)

    with committed():
        response = run_action(admin_client_with_mfa, "promote", [waiting])

    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [message.to for message in mailoutbox] == [[waiting.email]]
    assert "1 person moved from the waitlist to a seat (and emailed)." in page(response)


def test_promoting_with_no_free_seat_says_so(admin_client_with_mfa):
    event = EventFactory(capacity=1)
    category = CategoryFactory(event=event)
    RegistrationFactory(event=event, category=category)
    waiting = RegistrationFactory(
        event=event, category=category, status="waitlisted", waitlisted_at=timezone.now(), confirmed_at=None
    )

    response = run_action(admin_client_with_mfa, "promote", [waiting])

    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"
    assert "nobody was promoted" in page(response)


def test_resending_a_ticket_emails_confirmed_people_only(admin_client_with_mfa, category, mailoutbox):
    confirmed = RegistrationFactory(event=category.event, category=category)
    waiting = RegistrationFactory(
        event=category.event, category=category, status="waitlisted", waitlisted_at=timezone.now()
    )

    with committed():
        response = run_action(admin_client_with_mfa, "resend_ticket", [confirmed, waiting])

    assert [message.to for message in mailoutbox] == [[confirmed.email]]
    assert "1 ticket sent again." in page(response)
    assert "Only confirmed registrations have a ticket." in page(response)


def test_emailing_people_asks_for_a_subject_and_a_message_first(admin_client_with_mfa, category, mailoutbox):
    registration = RegistrationFactory(event=category.event, category=category)

    response = run_action(admin_client_with_mfa, "email_people", [registration])

    content = page(response)
    assert 'name="subject"' in content
    assert 'name="message"' in content
    assert registration.full_name in content
    assert mailoutbox == []


def test_emailing_people_sends_the_message_as_typed_in_each_persons_language(
    admin_client_with_mfa, category, mailoutbox
):
    dutch = RegistrationFactory(
        event=category.event, category=category, user=UserFactory(preferred_language="nl", first_name="Lotte")
    )
    guest = RegistrationFactory(
        event=category.event, category=category, user=None, email="guest@example.org", first_name="Sara",
        language="en",
    )  # fmt: skip
    message = "Le programme change : rendez-vous à 9 h <salle A> & café."

    with committed():
        response = run_action(
            admin_client_with_mfa,
            "email_people",
            [dutch, guest],
            post="yes",
            subject="Changement d'horaire",
            message=message,
        )

    assert "2 emails sent." in page(response)
    by_address = {email.to[0]: email for email in mailoutbox}
    assert set(by_address) == {dutch.user.email, "guest@example.org"}
    for email in mailoutbox:
        assert message in email.body
        assert email.subject.startswith("[DIMOBEL] Changement d'horaire")
    with translation.override("nl"):
        assert reverse("events:registration", args=[dutch.pk]) in by_address[dutch.user.email].body
    assert "Hello Sara," in by_address["guest@example.org"].body
    html = by_address["guest@example.org"].alternatives[0][0]
    assert "&lt;salle A&gt; &amp; café" in html
    assert en("guest_ticket", guest.secret) in by_address["guest@example.org"].body


def test_the_email_form_shows_errors_and_sends_nothing_when_empty(admin_client_with_mfa, category, mailoutbox):
    registration = RegistrationFactory(event=category.event, category=category)

    response = run_action(admin_client_with_mfa, "email_people", [registration], post="yes", subject="", message="")

    assert "This field is required." in page(response)
    assert mailoutbox == []


def test_the_export_actions_answer_with_files(admin_client_with_mfa, category):
    registration = RegistrationFactory(event=category.event, category=category)

    csv_response = run_action(admin_client_with_mfa, "export_csv", [registration])
    xlsx_response = run_action(admin_client_with_mfa, "export_xlsx", [registration])

    assert csv_response["Content-Type"].startswith("text/csv")
    assert registration.email in csv_response.content.decode("utf-8-sig")
    assert xlsx_response["Content-Type"].startswith("application/vnd.openxmlformats")


# Programme


def session_form(event, room, start, end, **extra):
    zone = event.zone
    start, end = timezone.localtime(start, zone), timezone.localtime(end, zone)
    return {
        "event": event.pk,
        "kind": "panel",
        "title": "Table ronde : diagnostic partagé",
        "abstract": "",
        "starts_at_0": start.strftime("%Y-%m-%d"),
        "starts_at_1": start.strftime("%H:%M:%S"),
        "ends_at_0": end.strftime("%Y-%m-%d"),
        "ends_at_1": end.strftime("%H:%M:%S"),
        "room": room.pk,
        "track": "",
        "capacity": "",
        **extra,
    }


def test_a_room_booked_twice_is_a_form_error_not_a_crash(admin_client_with_mfa, event):
    room = RoomFactory(event=event, name="Auditorium")
    SessionFactory(event=event, room=room, title="Séance d'ouverture", starts_at=event.starts_at,
                   ends_at=event.starts_at + timedelta(hours=1))  # fmt: skip

    response = admin_client_with_mfa.post(
        admin_url("session_add", query=f"?event={event.pk}"),
        session_form(event, room, event.starts_at + timedelta(minutes=30), event.starts_at + timedelta(hours=2)),
    )

    assert response.status_code == 200
    content = page(response)
    assert "Auditorium is already booked at that time, for “Séance d&#x27;ouverture”" in content
    assert Session.objects.filter(event=event).count() == 1


def test_a_session_is_saved_with_times_typed_in_the_events_zone(admin_client_with_mfa):
    event = oujda()
    room = RoomFactory(event=event, name="Salle Angad")
    start = datetime.combine(event.starts_at.date(), datetime.min.time(), tzinfo=UTC) + timedelta(hours=12)
    zone = ZoneInfo("Africa/Casablanca")
    data = session_form(event, room, start, start + timedelta(hours=1))
    data["starts_at_1"], data["ends_at_1"] = "14:00:00", "15:00:00"
    data["starts_at_0"] = data["ends_at_0"] = timezone.localtime(start, zone).strftime("%Y-%m-%d")

    response = admin_client_with_mfa.post(admin_url("session_add", query=f"?event={event.pk}"), data)

    assert response.status_code == 302, page(response)
    session = Session.objects.get(event=event)
    assert timezone.localtime(session.starts_at, zone).strftime("%H:%M") == "14:00"


def test_a_session_cannot_take_a_room_of_another_event(admin_client_with_mfa, event):
    elsewhere = RoomFactory(name="Salle d'une autre rencontre")

    response = admin_client_with_mfa.post(
        admin_url("session_add"),
        session_form(event, elsewhere, event.starts_at, event.starts_at + timedelta(hours=1)),
    )

    assert response.status_code == 200
    assert "Select a valid choice." in page(response)
    assert not Session.objects.exists()


@pytest.mark.parametrize("n", [1, 5])
@pytest.mark.parametrize("filtered", [False, True])
def test_the_session_list_runs_a_constant_number_of_queries(
    admin_client_with_mfa, django_assert_num_queries, event, n, filtered
):
    for index in range(n):
        session = SessionFactory(event=event, starts_at=event.starts_at + timedelta(hours=index),
                                 ends_at=event.starts_at + timedelta(hours=index, minutes=50))  # fmt: skip
        session.speakers.add(SpeakerFactory(event=event))
    query = f"?event__id__exact={event.pk}&kind=panel" if filtered else ""
    admin_client_with_mfa.get(admin_url("session_changelist", query=query))

    with django_assert_num_queries(10 if filtered else 8):
        response = admin_client_with_mfa.get(admin_url("session_changelist", query=query))

    assert response.status_code == 200


# B2B


def test_cancelling_a_meeting_goes_through_the_service_and_emails_both_people(admin_client_with_mfa, mailoutbox):
    event = oujda()
    meeting = booked(join(event), join(event), slot(event, 0))

    with committed():
        response = admin_client_with_mfa.post(
            admin_url("meeting_changelist"),
            {"action": "cancel_meetings", "_selected_action": [meeting.pk], "post": "yes", "reason": "Salle fermée"},
            follow=True,
        )

    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED
    assert meeting.cancelled_reason == "Salle fermée"
    assert not MeetingSeat.objects.filter(meeting=meeting).exists()
    assert len(mailoutbox) == 2
    assert "1 meeting cancelled; both people were emailed." in page(response)


def test_cancelling_a_meeting_asks_for_the_reason_first(admin_client_with_mfa, mailoutbox):
    event = oujda()
    meeting = requested(join(event), join(event), slot(event, 1))

    response = admin_client_with_mfa.post(
        admin_url("meeting_changelist"), {"action": "cancel_meetings", "_selected_action": [meeting.pk]}
    )

    assert 'name="reason"' in page(response)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.REQUESTED
    assert mailoutbox == []


def test_a_booked_meeting_cannot_be_deleted_from_the_admin(admin_client_with_mfa):
    event = oujda()
    meeting = booked(join(event), join(event), slot(event, 0))

    assert admin_client_with_mfa.get(admin_url("meeting_delete", meeting.pk)).status_code == 403
    response = admin_client_with_mfa.post(
        admin_url("meeting_changelist"), {"action": "delete_selected", "_selected_action": [meeting.pk]}
    )
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert response.status_code in (200, 302)


def test_meetings_are_marked_held_through_the_service(admin_client_with_mfa):
    event = oujda()
    meeting = booked(join(event), join(event), slot(event, 0))

    admin_client_with_mfa.post(
        admin_url("meeting_changelist"), {"action": "mark_held", "_selected_action": [meeting.pk]}
    )

    meeting.refresh_from_db()
    assert meeting.held is True


@pytest.mark.parametrize("n", [1, 5])
def test_the_meeting_and_participant_lists_run_a_constant_number_of_queries(
    admin_client_with_mfa, django_assert_num_queries, n
):
    event = oujda()
    for index in range(n):
        booked(join(event), join(event), slot(event, index), table=1)
    for name in ("meeting_changelist", "b2bparticipant_changelist"):
        admin_client_with_mfa.get(admin_url(name))

    with django_assert_num_queries(7):
        admin_client_with_mfa.get(admin_url("meeting_changelist"))
    with django_assert_num_queries(7):
        admin_client_with_mfa.get(admin_url("b2bparticipant_changelist"))
