"""Two-factor authentication guards every organisers' and staff page, not only the admin: staff, the Organisers
group, and an event's own organisers are sent to set up an authenticator app first, and come back to the page they
asked for. Members, learners, instructors and jurors keep it optional."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.utils import timezone

from consortium.models import ReviewAssignment, StatusChange
from events.models import Registration
from events.tickets import checkin_token
from tests.consortium.helpers import call_in, csv_rows
from tests.factories import (
    PASSWORD,
    CategoryFactory,
    EnrolmentFactory,
    EventFactory,
    LessonFactory,
    ModuleFactory,
    ProjectFactory,
    RegistrationFactory,
    UserFactory,
    with_mfa,
)
from tests.helpers import english_url as en

pytestmark = pytest.mark.django_db

REQUIRED = "Two-factor authentication is required for organisers' and staff pages."


def setup_url() -> str:
    return en("mfa_activate_totp")


def sent_to_setup(response, back) -> bool:
    """The answer sends the person to the authenticator set-up page, with the way back to ``back``."""
    location = urlsplit(response["Location"])
    return response.status_code == 302 and location.path == setup_url() and parse_qs(location.query)["next"] == [back]


def in_organisers_group(user):
    user.groups.add(Group.objects.get_or_create(name="Organisers")[0])
    return user


@pytest.fixture
def event():
    return EventFactory(title="Rencontre d'Oujda", slug="oujda", b2b_enabled=True)


@pytest.fixture
def ticket(event):
    return RegistrationFactory(
        event=event, category=CategoryFactory(event=event), first_name="Youssef", last_name="Alaoui"
    )


@pytest.fixture
def event_organiser(event):
    """Named as the event's organiser, not staff and not in the Organisers group."""
    user = UserFactory(email="ines@example.org")
    event.organisers.add(user)
    return user


@pytest.fixture
def submitted():
    return ProjectFactory(call=call_in("screening", slug="mbi-2025"), title="Conserverie solidaire", status="submitted")


# Every kind of organisers' and staff page


def organiser_pages(event, ticket):
    return {
        "event desk": en("events:desk", event.slug),
        "check-in scan": en("events:checkin", checkin_token(ticket)),
        "badge": en("events:badge", ticket.pk),
        "badge sheet": en("events:badges", event.slug),
        "event dashboard": en("events:event_dashboard", event.slug),
        "B2B overview": en("events:b2b_overview", event.slug),
    }


@pytest.mark.parametrize("who", ["event organiser", "Organisers group", "staff"])
def test_organisers_and_staff_without_two_factor_are_sent_to_set_it_up_from_every_event_page(
    client, event, ticket, event_organiser, who
):
    person = {
        "event organiser": event_organiser,
        "Organisers group": in_organisers_group(UserFactory()),
        "staff": UserFactory(is_staff=True),
    }[who]
    client.force_login(person)

    for name, url in organiser_pages(event, ticket).items():
        response = client.get(url)
        assert sent_to_setup(response, url), name

    ticket.refresh_from_db()
    assert ticket.checked_in_at is None  # the scan did not check the person in
    page = client.get(setup_url(), follow=True).content.decode()
    assert REQUIRED.replace("'", "&#x27;") in page


def test_with_two_factor_an_event_organiser_uses_the_desk_the_scan_the_badges_and_the_dashboard(
    client, event, ticket, event_organiser
):
    client.force_login(with_mfa(event_organiser))
    pages = organiser_pages(event, ticket)

    assert "Youssef" in client.get(pages["event desk"], {"q": "Alaoui"}).content.decode()
    assert client.get(pages["check-in scan"]).status_code == 200
    ticket.refresh_from_db()
    assert ticket.checked_in_at is not None
    badge = client.get(pages["badge"])
    assert (badge.status_code, badge["Content-Type"]) == (200, "application/pdf")
    assert client.get(pages["event dashboard"]).status_code == 200
    assert client.get(pages["B2B overview"]).status_code == 200


def test_a_walk_in_sent_without_two_factor_registers_nobody_and_comes_back_to_the_form(client, event, event_organiser):
    client.force_login(event_organiser)
    form = en("events:walk_in", event.slug)

    category = CategoryFactory(event=event)
    data = {"first_name": "Salma", "last_name": "Bennani", "email": "salma@example.org", "category": category.pk}
    response = client.post(form, data, headers={"referer": f"http://testserver{form}"})

    assert sent_to_setup(response, f"http://testserver{form}")
    assert not Registration.objects.filter(email="salma@example.org").exists()


def test_the_desk_search_asks_htmx_to_load_the_set_up_page_in_full(client, event, event_organiser):
    client.force_login(event_organiser)
    desk = en("events:desk", event.slug, query="?q=Alaoui")

    response = client.get(desk, headers={"hx-request": "true"})

    assert response.status_code == 200
    assert response["HX-Redirect"] == f"{setup_url()}?next=%2Fen%2Fevents%2Foujda%2Fdesk%2F%3Fq%3DAlaoui"


def test_an_outsider_still_gets_404_not_an_invitation_to_set_up_two_factor(client, event, ticket, other_member):
    client.force_login(other_member)
    for name, url in organiser_pages(event, ticket).items():
        assert client.get(url).status_code == 404, name


def test_an_organiser_without_two_factor_still_reads_the_public_pages_of_the_event(client, event, event_organiser):
    client.force_login(event_organiser)
    assert client.get(en("events:event_detail", event.slug)).status_code == 200
    assert client.get(en("events:programme", event.slug)).status_code == 200


def test_an_unpublished_event_is_shown_to_its_organisers_with_two_factor_only(client, event_organiser):
    draft = EventFactory(slug="draft", is_published=False)
    draft.organisers.add(event_organiser)
    client.force_login(event_organiser)
    url = en("events:event_detail", draft.slug)

    assert sent_to_setup(client.get(url), url)
    with_mfa(event_organiser)
    assert client.get(url).status_code == 200


# The admin


def test_staff_without_two_factor_are_sent_from_the_admin_and_come_back_to_it(client):
    client.force_login(UserFactory(is_staff=True))
    url = en("admin:events_registration_changelist")
    assert sent_to_setup(client.get(url), url)


# Consortium staff pages


@pytest.mark.parametrize("who", ["Organisers group", "staff"])
def test_consortium_staff_without_two_factor_are_sent_to_set_it_up(client, submitted, who):
    person = in_organisers_group(UserFactory()) if who == "Organisers group" else UserFactory(is_staff=True)
    client.force_login(person)
    pages = [
        en("consortium:dashboard"),
        en("consortium:dashboard_csv"),
        en("consortium:call_board", "mbi-2025"),
        en("consortium:ranking", "mbi-2025"),
        en("consortium:project", submitted.pk),
        en("consortium:my_workspaces"),
    ]
    for url in pages:
        assert sent_to_setup(client.get(url), url), url


def test_screening_sent_without_two_factor_changes_nothing(client, submitted):
    client.force_login(UserFactory(is_staff=True))
    board = f"http://testserver{en('consortium:call_board', 'mbi-2025')}"

    response = client.post(en("consortium:screen", submitted.pk), {"decision": "eligible"}, headers={"referer": board})

    assert sent_to_setup(response, board)
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    assert not StatusChange.objects.exists()


def test_consortium_staff_with_two_factor_screen_and_export(client, submitted):
    client.force_login(with_mfa(in_organisers_group(UserFactory())))

    client.post(en("consortium:screen", submitted.pk), {"decision": "eligible"})
    export = client.get(en("consortium:dashboard_csv"))

    submitted.refresh_from_db()
    assert submitted.status == "eligible"
    assert export.status_code == 200
    assert "Conserverie solidaire" in str(csv_rows(export))
    assert "Conserverie solidaire" in client.get(en("consortium:dashboard")).content.decode()


def test_a_project_holder_without_two_factor_reads_their_own_application(client, submitted):
    client.force_login(submitted.holder)
    assert client.get(en("consortium:project", submitted.pk)).status_code == 200


def test_a_juror_without_two_factor_reviews_their_assignments(client):
    juror = UserFactory()
    project = ProjectFactory(call=call_in("review"), status="eligible", submitted_at=timezone.now())
    assignment = ReviewAssignment.objects.create(project=project, juror=juror)
    client.force_login(juror)

    assert project.title in client.get(en("consortium:jury")).content.decode()
    assert client.get(en("consortium:review", assignment.pk)).status_code == 200


# Autumn school


def test_the_instructor_page_needs_two_factor_for_staff_but_not_for_the_modules_instructor(client):
    instructor = UserFactory()
    module = ModuleFactory(slug="financer", instructors=[instructor])
    url = en("autumn_school:teach", module.slug)

    client.force_login(UserFactory(is_staff=True))
    assert sent_to_setup(client.get(url), url)

    client.force_login(instructor)
    assert client.get(url).status_code == 200


def test_a_learner_without_two_factor_follows_their_lessons(client, member):
    module = ModuleFactory(slug="financer")
    lesson = LessonFactory(module=module, position=1)
    EnrolmentFactory(module=module, learner=member)
    client.force_login(member)
    assert client.get(en("autumn_school:lesson", module.slug, lesson.pk)).status_code == 200


# Members


def test_a_member_without_two_factor_reaches_their_space_and_their_registration(client, ticket):
    client.force_login(ticket.user)
    assert client.get(en("dashboard")).status_code == 200
    assert client.get(en("events:registration", ticket.pk)).status_code == 200


# Setting it up, and back


def test_after_setting_up_the_authenticator_the_organiser_continues_to_the_page_they_asked_for(
    client, event, event_organiser
):
    client.force_login(event_organiser)
    desk = en("events:desk", event.slug)
    setup = client.get(desk)["Location"]
    reauthenticate = client.get(setup)["Location"]  # allauth asks for the password again first
    client.post(reauthenticate, {"password": PASSWORD})
    assert client.get(setup).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]

    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post(setup_url(), {"code": code}, follow=True)

    assert Authenticator.objects.filter(user=event_organiser, type=Authenticator.Type.TOTP).exists()
    page = response.content.decode()
    assert "Recovery Codes" in page  # the new codes are shown first,
    assert f'href="{desk}"' in page  # with the way back
    assert client.get(desk).status_code == 200


def test_without_the_middleware_the_page_refuses_rather_than_opens(client, settings, event, event_organiser):
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if not name.endswith("StaffMFARequiredMiddleware")]
    client.force_login(event_organiser)
    assert client.get(en("events:desk", event.slug)).status_code == 403
