"""Staff read a full application on its page, with what only they see (the holder's contact, the screening form,
who changed its status and why); the call board, the ranking and the dashboard link to it."""

import pytest
from django.contrib.auth.models import Group

from consortium.models import Project, ReviewAssignment
from consortium.permissions import is_consortium_staff
from consortium.services.history import change_status
from network.models import User
from tests.consortium.helpers import call_in, en, page
from tests.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db
S = Project.Status


@pytest.fixture
def application(member):
    call = call_in("screening", title="Impulse 2026", slug="impulse-2026")
    project = ProjectFactory(
        call=call, holder=member, title="Conserverie solidaire", description="Des **conserves** de Berkane."
    )
    change_status(project=project, to_status=S.SUBMITTED, by=member)
    project.team.create(name="Amina El Idrissi", role="Fondatrice", is_shareholder=True)
    return project


def test_staff_and_organisers_read_a_submitted_application(client, application, staff, organiser):
    for reader in (staff, organiser):
        client.force_login(reader)
        response = client.get(en("project", application.pk))
        text = page(response)
        assert response.status_code == 200
        assert "Conserverie solidaire" in text
        assert "<strong>conserves</strong>" in text
        assert "Amina El Idrissi" in text
        assert "amina@example.org" in text  # the holder's contact, for staff only
        assert en("call_board", "impulse-2026") in text
        assert en("ranking", "impulse-2026") in text
        assert "Edit the application" not in text


def test_outsiders_and_jurors_get_a_404_and_anonymous_visitors_sign_in(client, application, other_member):
    juror = UserFactory()
    ReviewAssignment.objects.create(project=application, juror=juror)
    assert client.get(en("project", application.pk)).status_code == 302
    for person in (other_member, juror):
        client.force_login(person)
        assert client.get(en("project", application.pk)).status_code == 404


def test_a_draft_stays_its_holders_alone(client, member, staff):
    draft = ProjectFactory(holder=member, title="Mon brouillon")
    client.force_login(staff)
    assert client.get(en("project", draft.pk)).status_code == 404
    client.force_login(member)
    assert "This is a draft: only you can see it." in page(client.get(en("project", draft.pk)))


def test_staff_screen_from_the_application_page_and_come_back_to_it(client, application, staff):
    client.force_login(staff)
    text = page(client.get(en("project", application.pk)))
    assert 'id="screening"' in text
    assert en("screen", application.pk) in text

    response = client.post(
        en("screen", application.pk), {"decision": "eligible", "reason": "", "next": en("project", application.pk)}
    )

    assert response.status_code == 302
    assert response["Location"] == en("project", application.pk)
    application.refresh_from_db()
    assert application.status == S.ELIGIBLE


def test_staff_see_who_changed_the_status_and_the_notes_the_holder_does_not(client, application, staff, member):
    change_status(project=application, to_status=S.INELIGIBLE, by=staff, note="Hors du corridor")
    client.force_login(staff)
    text = page(client.get(en("project", application.pk)))
    assert "by Marc Dubois" in text
    assert "Hors du corridor" in text

    client.force_login(member)
    text = page(client.get(en("project", application.pk)))
    assert "Marc Dubois" not in text
    assert "Hors du corridor" not in text
    assert 'id="screening"' not in text


def test_the_call_board_and_the_ranking_link_to_the_applications(client, staff):
    call = call_in("decision")
    waiting = ProjectFactory(call=call, status=S.SUBMITTED, title="En attente")
    eligible = ProjectFactory(call=call, status=S.ELIGIBLE, title="Éligible")
    client.force_login(staff)

    board = page(client.get(en("call_board", call.slug)))
    ranking = page(client.get(en("ranking", call.slug)))

    assert en("project", waiting.pk) in board
    assert en("project", eligible.pk) in board
    assert en("project", eligible.pk) in ranking


def test_whether_someone_is_staff_is_asked_once_per_user_object(django_assert_num_queries, organiser, member):
    with django_assert_num_queries(1):
        assert is_consortium_staff(organiser)
        assert is_consortium_staff(organiser)
    assert not is_consortium_staff(member)
    member.groups.add(Group.objects.get(name="Organisers"))
    with django_assert_num_queries(0):
        assert not is_consortium_staff(member)  # the answer stands for this user object (this request)…
    assert is_consortium_staff(User.objects.get(pk=member.pk))  # …the next request loads the user afresh
