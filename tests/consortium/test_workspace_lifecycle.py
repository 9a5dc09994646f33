"""Staff's side of a workspace: the project's lifecycle (selected → in accompaniment → launched → closed, or
abandoned with a reason) and its mentors, suggested by the network's matchmaking."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consortium.models import Mentorship, Need, Project, StatusChange
from consortium.selectors import accompaniment as workspaces
from consortium.services import accompaniment
from consortium.services.errors import InvalidTransition
from network.models import HelpType, Sector
from tests.consortium.helpers import en
from tests.factories import ConsortiumMemberFactory, ProfileFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def project(member):
    return ProjectFactory(holder=member, status=Project.Status.SELECTED, title="Conserverie de Berkane")


# Lifecycle


def test_staff_move_a_project_through_its_lifecycle_and_each_step_is_recorded(
    client, staff, member, project, mailoutbox, django_capture_on_commit_callbacks
):
    member.preferred_language = "en"
    member.save(update_fields=["preferred_language"])
    client.force_login(staff)
    url = en("project_status", project.pk)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"to_status": "accompanied"})
        client.post(url, {"to_status": "launched", "company_created_on": (TODAY() - timedelta(days=2)).isoformat()})
        client.post(url, {"to_status": "closed"})

    project.refresh_from_db()
    assert project.status == Project.Status.CLOSED
    assert project.company_created_on == TODAY() - timedelta(days=2)
    history = list(project.history.values_list("from_status", "to_status", "changed_by"))
    assert history == [
        ("selected", "accompanied", staff.pk),
        ("accompanied", "launched", staff.pk),
        ("launched", "closed", staff.pk),
    ]
    assert [email.to for email in mailoutbox] == [["amina@example.org"]] * 3
    assert "In accompaniment" in mailoutbox[0].subject
    assert "Congratulations on creating your company" in mailoutbox[1].body
    assert en("workspace", project.pk) in mailoutbox[2].body


def test_abandoning_needs_a_reason_which_the_holder_receives(
    client, staff, project, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    url = en("project_status", project.pk)

    response = client.post(url, {"to_status": "abandoned", "reason": "  "})
    assert response.status_code == 200
    assert "Say why the project is abandoned." in response.content.decode()
    project.refresh_from_db()
    assert project.status == Project.Status.SELECTED

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"to_status": "abandoned", "reason": "Le porteur a rejoint un autre programme."})
    project.refresh_from_db()
    assert project.status == Project.Status.ABANDONED
    assert project.abandoned_reason == "Le porteur a rejoint un autre programme."
    assert StatusChange.objects.get(project=project).note == "Le porteur a rejoint un autre programme."
    (email,) = mailoutbox
    assert "Le porteur a rejoint un autre programme." in email.body


def test_launching_asks_for_the_company_creation_date(client, staff, project):
    project.status = Project.Status.ACCOMPANIED
    project.save()
    client.force_login(staff)

    response = client.post(en("project_status", project.pk), {"to_status": "launched"})

    assert response.status_code == 200
    assert "Give the date the company was created." in response.content.decode()
    project.refresh_from_db()
    assert (project.status, project.company_created_on) == ("accompanied", None)


@pytest.mark.parametrize(
    ("from_status", "to_status"),
    [
        ("selected", "launched"),
        ("selected", "closed"),
        ("accompanied", "closed"),
        ("accompanied", "selected"),
        ("closed", "accompanied"),
        ("abandoned", "accompanied"),
        ("submitted", "accompanied"),
    ],
)
def test_only_the_lifecycles_moves_are_allowed(staff, from_status, to_status):
    project = ProjectFactory(status=from_status)
    with pytest.raises(InvalidTransition):
        accompaniment.move_project(
            project=project, to_status=to_status, by=staff, company_created_on=TODAY(), reason="x"
        )
    project.refresh_from_db()
    assert project.status == from_status
    assert not StatusChange.objects.exists()


def test_a_refused_move_is_a_message_not_an_error_page(client, staff, project):
    client.force_login(staff)
    response = client.post(en("project_status", project.pk), {"to_status": "closed"}, follow=True)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    project.refresh_from_db()
    assert project.status == Project.Status.SELECTED


def test_only_staff_change_a_projects_status(client, member, project):
    project.mentorships.create(mentor=(mentor := UserFactory()))
    for person in (member, mentor):
        client.force_login(person)
        assert client.post(en("project_status", project.pk), {"to_status": "accompanied"}).status_code == 404
    client.logout()
    assert client.post(en("project_status", project.pk), {"to_status": "accompanied"}).status_code == 302
    project.refresh_from_db()
    assert project.status == Project.Status.SELECTED


def test_the_status_form_is_shown_to_staff_only(client, staff, member, project):
    client.force_login(member)
    assert en("project_status", project.pk) not in client.get(en("workspace", project.pk)).content.decode()
    client.force_login(staff)
    page = client.get(en("workspace", project.pk)).content.decode()
    assert en("project_status", project.pk) in page
    assert en("mentors", project.pk) in page


# Mentors


@pytest.fixture
def experts(taxonomies):
    """Three experts of two consortium members; their network profiles say what they offer."""
    financing = HelpType.objects.get(slug="financing")
    agrifood = Sector.objects.get(slug="agrifood")
    digital = Sector.objects.get(slug="digital")
    bank = ConsortiumMemberFactory(organisation__name="Banque Atlas")
    incubator = ConsortiumMemberFactory(organisation__name="Incubateur Oujda")
    financier = UserFactory(first_name="Karim", last_name="Zaoui")
    ProfileFactory(user=financier).offers.add(financing)
    farmer = UserFactory(first_name="Lotte", last_name="Peeters")
    ProfileFactory(user=farmer).sectors.add(agrifood)
    coder = UserFactory(first_name="Anas", last_name="Berrada")
    ProfileFactory(user=coder).sectors.add(digital)
    bank.experts.add(financier)
    incubator.experts.add(farmer, coder)
    inactive = ConsortiumMemberFactory(organisation__name="Ancien membre", is_active=False)
    inactive.experts.add(UserFactory(first_name="Ancien", last_name="Expert"))
    return {"financier": financier, "farmer": farmer, "coder": coder, "bank": bank, "incubator": incubator}


def test_mentors_are_suggested_by_the_projects_needs_and_sectors(client, staff, project, experts):
    project.sectors.add(Sector.objects.get(slug="agrifood"))
    Need.objects.create(project=project, description="Un prêt", help_type=HelpType.objects.get(slug="financing"))
    client.force_login(staff)

    response = client.get(en("mentors", project.pk))

    candidates = response.context["candidates"]
    assert [c.expert for c in candidates] == [experts["financier"], experts["farmer"], experts["coder"]]
    assert candidates[0].reasons == ["offers: financing"]
    assert candidates[1].reasons == ["sector: agri-food"]
    assert candidates[2].reasons == []
    page = response.content.decode()
    assert "Banque Atlas" in page
    assert "Ancien Expert" not in page


def test_a_met_need_no_longer_suggests_anyone(staff, project, experts):
    Need.objects.create(project=project, description="Un prêt", help_type=HelpType.objects.get(slug="financing"))
    project.needs.update(is_open=False)
    assert all(candidate.score == 0 for candidate in workspaces.mentor_candidates(project))


def test_staff_assign_a_mentor_who_is_emailed_the_link(
    client, staff, project, experts, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            en("mentor_assign", project.pk),
            {"expert": experts["financier"].pk, "member": experts["bank"].pk},
        )
    assert response.status_code == 302
    mentorship = Mentorship.objects.get()
    assert (mentorship.project, mentorship.mentor, mentorship.member) == (
        project,
        experts["financier"],
        experts["bank"],
    )
    (email,) = mailoutbox
    assert email.to == [experts["financier"].email]
    assert "Conserverie de Berkane" in email.subject
    assert "/workspaces/" in email.body
    assert str(project.pk) in email.body

    page = client.get(en("workspace", project.pk)).content.decode()
    assert "Karim Zaoui" in page
    assert "Banque Atlas" in page
    # Without needs nor sectors to match, the others follow by name.
    assert [c.expert for c in workspaces.mentor_candidates(project)] == [experts["coder"], experts["farmer"]]


def test_only_experts_of_an_active_member_can_be_assigned(client, staff, project, experts, other_member):
    client.force_login(staff)
    client.post(en("mentor_assign", project.pk), {"expert": other_member.pk, "member": experts["bank"].pk})
    client.post(
        en("mentor_assign", project.pk),
        {"expert": experts["farmer"].pk, "member": experts["bank"].pk},  # wrong member
    )
    assert not Mentorship.objects.exists()


def test_staff_unassign_a_mentor(client, staff, project, experts):
    Mentorship.objects.create(project=project, mentor=experts["coder"], member=experts["incubator"])
    client.force_login(staff)
    client.post(en("mentor_unassign", project.pk), {"mentor": experts["coder"].pk})
    assert not Mentorship.objects.exists()


def test_the_mentors_page_is_for_staff_only(client, member, project):
    client.force_login(member)
    assert client.get(en("mentors", project.pk)).status_code == 404
    assert client.post(en("mentor_assign", project.pk)).status_code == 404
    assert client.post(en("mentor_unassign", project.pk)).status_code == 404


@pytest.mark.parametrize("n", [1, 5])
def test_the_mentors_page_runs_the_same_queries_for_1_or_5_experts(
    client, staff, project, taxonomies, django_assert_num_queries, n
):
    financing = HelpType.objects.get(slug="financing")
    Need.objects.create(project=project, description="Un prêt", help_type=financing)
    for _i in range(n):
        member = ConsortiumMemberFactory()
        expert = UserFactory()
        ProfileFactory(user=expert).offers.add(financing)
        member.experts.add(expert)
        Mentorship.objects.create(project=project, mentor=UserFactory(), member=member)
    client.force_login(staff)
    client.get(en("mentors", project.pk))

    with django_assert_num_queries(14):  # + the staff's two-factor check
        response = client.get(en("mentors", project.pk))
    assert len(response.context["candidates"]) == n
