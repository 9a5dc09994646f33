"""Staff's side of the jury: the default grid, the call board, assigning jurors, the ranking and the selection."""

import threading
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import formats, timezone, translation

from consortium.models import Project, ReviewAssignment, Score, StatusChange
from consortium.services import reviews as review_services
from consortium.services import selection
from consortium.services.grids import DEFAULT_GRID, add_default_grid
from tests.consortium.helpers import call_in, en
from tests.factories import CriterionFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


def submitted_review(project, juror, total_out_of_10):
    """A submitted review on a one-criterion grid (max 10): its total is the score × 10."""
    assignment = ReviewAssignment.objects.create(
        project=project, juror=juror, status="submitted", submitted_at=timezone.now()
    )
    Score.objects.create(assignment=assignment, criterion=project.call.criteria.get(), value=total_out_of_10)
    return assignment


# The default grid


def test_the_default_grid_follows_the_programmes_criteria():
    call = call_in("screening")
    criteria = add_default_grid(call=call)
    assert [criterion.title for criterion in call.criteria.all()] == [
        "Équipe et actionnariat",
        "Le projet",
        "Rentabilité",
        "Appréciation globale",
    ]
    assert [criterion.weight for criterion in call.criteria.all()] == [Decimal(w) for w in ("20", "40", "20", "20")]
    assert all(criterion.max_score == 10 for criterion in criteria)
    assert "Belgique–Maroc" in call.criteria.get(position=2).description
    assert len(DEFAULT_GRID) == 4


def test_the_default_grid_leaves_a_call_with_criteria_alone():
    call = call_in("screening")
    CriterionFactory(call=call, title="Notre critère")
    assert add_default_grid(call=call) == []
    assert [criterion.title for criterion in call.criteria.all()] == ["Notre critère"]


# The call board


@pytest.mark.parametrize("view", ["call_board", "ranking"])
def test_anonymous_visitors_are_sent_to_log_in_to_staff_pages(client, view):
    call = call_in("review")
    assert "/accounts/login/" in client.get(en(view, call.slug))["Location"]


@pytest.mark.parametrize("view", ["call_board", "ranking"])
def test_members_and_jurors_get_404_on_staff_pages(client, member, view):
    call = call_in("review", jury=[member])
    client.force_login(member)
    assert client.get(en(view, call.slug)).status_code == 404
    assert client.post(en("assign_jurors", call.slug), {"jurors": [member.pk]}).status_code == 404
    assert client.post(en("select", call.slug), {"confirm": "on"}).status_code == 404


def test_the_call_board_shows_the_pipeline_screening_and_the_jury_progress(client, organiser):
    anna, bilal = (
        UserFactory(first_name="Anna", last_name="Peeters"),
        UserFactory(first_name="Bilal", last_name="Amrani"),
    )
    call = call_in("review", jury=[anna, bilal])
    CriterionFactory(call=call)
    ProjectFactory(call=call, status="draft")
    waiting = ProjectFactory(call=call, status="submitted", title="À trier", submitted_at=timezone.now())
    eligible = ProjectFactory.create_batch(3, call=call, status="eligible")
    ProjectFactory(call=call, status="ineligible")
    submitted_review(eligible[0], anna, 7)
    ReviewAssignment.objects.create(project=eligible[1], juror=anna)
    ReviewAssignment.objects.create(project=eligible[2], juror=anna, status="conflict", conflict_reason="Mon cousin")
    ReviewAssignment.objects.create(project=eligible[0], juror=bilal)

    client.force_login(organiser)
    response = client.get(en("call_board", call.slug))
    page = response.content.decode()

    assert response.status_code == 200
    assert 'id="count-draft">1<' in page
    assert 'id="count-submitted">1<' in page
    assert 'id="count-eligible">3<' in page
    assert 'id="count-ineligible">1<' in page
    assert 'id="count-selected">0<' in page
    # Screening goes to the screening view and comes back here.
    assert "À trier" in page
    assert f'action="{en("screen", waiting.pk)}"' in page
    assert f'name="next" value="{en("call_board", call.slug)}"' in page
    assert 'value="eligible"' in page
    assert 'value="ineligible"' in page
    # Per juror: assigned, submitted, pending, conflicts.
    rows = page.split('class="juror-row"')[1:]
    anna_row = next(row for row in rows if "Anna Peeters" in row)
    assert [cell.split("<")[0] for cell in anna_row.split('<td class="text-end d-none d-sm-table-cell">')[1:5]] == [
        "3",
        "1",
        "1",
        "1",
    ]
    bilal_row = next(row for row in rows if "Bilal Amrani" in row)
    assert [cell.split("<")[0] for cell in bilal_row.split('<td class="text-end d-none d-sm-table-cell">')[1:5]] == [
        "1",
        "0",
        "1",
        "0",
    ]
    assert "Mon cousin" in page
    assert en("ranking", call.slug) in page
    assert en("assign_jurors", call.slug) in page


@pytest.mark.parametrize("n", [1, 5])
def test_the_call_board_runs_a_constant_number_of_queries(client, staff, n, django_assert_num_queries):
    jurors = UserFactory.create_batch(n)
    call = call_in("review", jury=jurors)
    CriterionFactory(call=call)
    for juror in jurors:
        ProjectFactory(call=call, status="submitted", submitted_at=timezone.now())
        ProjectFactory(call=call, status="ineligible")
        project = ProjectFactory(call=call, status="eligible")
        ReviewAssignment.objects.create(project=project, juror=juror, status="conflict", conflict_reason="x")
        submitted_review(ProjectFactory(call=call, status="eligible"), juror, 5)
    client.force_login(staff)
    with django_assert_num_queries(11):  # + the staff's two-factor check
        response = client.get(en("call_board", call.slug))
    page = response.content.decode()
    assert page.count('class="juror-row"') == n
    assert page.count("screening-row") == n


# Assigning jurors


def test_staff_assign_every_eligible_application_to_the_jury_and_jurors_hear_once(
    client, staff, django_capture_on_commit_callbacks
):
    english = UserFactory(preferred_language="en", email="juror-en@example.org")
    french = UserFactory(preferred_language="fr", email="juror-fr@example.org")
    call = call_in("screening", jury=[english, french])
    eligible = ProjectFactory.create_batch(2, call=call, status="eligible")
    ProjectFactory(call=call, status="submitted")
    ProjectFactory(call=call, status="ineligible")
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(en("assign_jurors", call.slug), {"jurors": [english.pk, french.pk]})

    assert response["Location"] == en("call_board", call.slug)
    pairs = set(ReviewAssignment.objects.values_list("project_id", "juror_id"))
    assert pairs == {(project.pk, juror.pk) for project in eligible for juror in (english, french)}
    assert len(mail.outbox) == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    english_mail = by_address["juror-en@example.org"]
    assert "2 applications await your review" in english_mail.subject
    with translation.override("en"):
        deadline_en = formats.date_format(timezone.localtime(call.review_closes_at), "DATETIME_FORMAT")
        assert reverse("consortium:jury") in english_mail.body
    assert deadline_en in english_mail.body
    # The French juror's deadline is written the French way, with a link to the French pages.
    with translation.override("fr"):
        deadline_fr = formats.date_format(timezone.localtime(call.review_closes_at), "DATETIME_FORMAT")
        assert reverse("consortium:jury") in by_address["juror-fr@example.org"].body
    assert deadline_fr in by_address["juror-fr@example.org"].body

    # Assigning again changes nothing and emails nobody.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(en("assign_jurors", call.slug), {"jurors": [english.pk, french.pk]})
    assert ReviewAssignment.objects.count() == 4
    assert len(mail.outbox) == 2


def test_staff_may_assign_to_a_subset_of_the_jury_and_never_a_holder_to_their_own_project(
    staff, django_capture_on_commit_callbacks
):
    first, second = UserFactory(preferred_language="en"), UserFactory()
    call = call_in("screening", jury=[first, second])
    own = ProjectFactory(call=call, status="eligible", holder=first)
    other = ProjectFactory(call=call, status="eligible")
    with django_capture_on_commit_callbacks(execute=True):
        created = review_services.assign_jurors(call=call, by=staff, jurors=[first])
    assert [(assignment.project_id, assignment.juror_id) for assignment in created] == [(other.pk, first.pk)]
    assert not ReviewAssignment.objects.filter(project=own).exists()
    (message,) = mail.outbox
    assert message.to == [first.email]
    assert "one application awaits your review" in message.body


def test_assigning_without_eligible_applications_says_so(client, staff):
    call = call_in("screening", jury=[UserFactory()])
    ProjectFactory(call=call, status="submitted")
    client.force_login(staff)
    response = client.post(en("assign_jurors", call.slug), {"jurors": list(call.jury.values_list("pk", flat=True))})
    page = client.get(response["Location"]).content.decode()
    assert "There is no eligible application to assign yet" in page
    assert not ReviewAssignment.objects.exists()


def test_assigning_without_choosing_a_juror_shows_the_error_on_the_board(client, staff):
    call = call_in("screening", jury=[UserFactory()])
    ProjectFactory(call=call, status="eligible")
    client.force_login(staff)
    response = client.post(en("assign_jurors", call.slug), {})
    assert response.status_code == 200
    assert "Choose at least one juror." in response.content.decode()


def test_assigning_is_post_only(client, staff):
    call = call_in("screening")
    client.force_login(staff)
    assert client.get(en("assign_jurors", call.slug)).status_code == 405


# The ranking page


def ranked_call(phase="decision", places=2):
    """Four eligible applications scored 90, 80, 70 and 60 by two jurors, plus one whose jurors disagree (50±40)."""
    call = call_in(phase, places=places)
    CriterionFactory(call=call, weight=1, max_score=10)
    first, second = UserFactory(), UserFactory()
    projects = []
    for title, scores in [("Nonante", (9, 9)), ("Quatre-vingts", (8, 8)), ("Septante", (7, 7)), ("Soixante", (6, 6))]:
        project = ProjectFactory(call=call, status="eligible", title=title, submitted_at=timezone.now())
        submitted_review(project, first, scores[0])
        submitted_review(project, second, scores[1])
        projects.append(project)
    split = ProjectFactory(call=call, status="eligible", title="Discuté", submitted_at=timezone.now())
    submitted_review(split, first, 9)
    submitted_review(split, second, 1)
    projects.append(split)
    return call, projects


def decision_of(page, project):
    row = page.split(f'id="standing-{project.pk}"')[1].split("</tr>")[0]
    checked = [part for part in row.split("<input") if "checked" in part]
    return checked[0].split('value="')[1].split('"')[0] if checked else None


def test_the_ranking_shows_scores_spread_and_disagreements_and_proposes_the_top(client, staff):
    call, (p90, p80, p70, p60, split) = ranked_call(places=2)
    client.force_login(staff)
    page = client.get(en("ranking", call.slug) + "?top=2&reserve=1").content.decode()

    order = [page.index(f'id="standing-{project.pk}"') for project in (p90, p80, p70, p60, split)]
    assert order == sorted(order)
    split_row = page.split(f'id="standing-{split.pk}"')[1].split("</tr>")[0]
    # Totals 90 and 10: mean 50, spread 40 > 15.
    assert "50.0" in split_row
    assert "40.0" in split_row
    assert "Jurors disagree" in split_row
    assert "Jurors disagree" not in page.split(f'id="standing-{p90.pk}"')[1].split("</tr>")[0]
    assert [decision_of(page, project) for project in (p90, p80, p70, p60, split)] == [
        "selected",
        "selected",
        "reserve",
        "not_selected",
        "not_selected",
    ]


def test_the_ranking_proposes_the_calls_places_and_five_in_reserve_by_default(client, staff):
    call, projects = ranked_call(places=1)
    client.force_login(staff)
    page = client.get(en("ranking", call.slug)).content.decode()
    assert [decision_of(page, project) for project in projects] == ["selected"] + ["reserve"] * 4
    assert 'name="top"' in page
    assert 'value="1"' in page


@pytest.mark.parametrize("n", [1, 5])
def test_the_ranking_runs_a_constant_number_of_queries(client, staff, n, django_assert_num_queries):
    call = call_in("decision")
    CriterionFactory(call=call)
    jurors = UserFactory.create_batch(2)
    for _ in range(n):
        project = ProjectFactory(call=call, status="eligible", submitted_at=timezone.now())
        for juror in jurors:
            submitted_review(project, juror, 5)
    client.force_login(staff)
    with django_assert_num_queries(8):  # + the staff's two-factor check
        response = client.get(en("ranking", call.slug))
    assert response.content.decode().count("ranking-row") == n


# Deciding


def test_staff_select_the_top_and_every_holder_hears_in_their_language(
    client, staff, django_capture_on_commit_callbacks
):
    call, (p90, p80, p70, p60, split) = ranked_call(places=2)
    for project, language in zip((p90, p80, p70, p60, split), ("en", "fr", "en", "en", "ar"), strict=True):
        project.holder.preferred_language = language
        project.holder.save()
    ineligible = ProjectFactory(call=call, status="ineligible")
    client.force_login(staff)
    data = {
        "confirm": "on",
        f"decision_{p90.pk}": "selected",
        # Staff override the ranking: the disputed application is selected, the second goes to the reserve list.
        f"decision_{split.pk}": "selected",
        f"decision_{p80.pk}": "reserve",
        f"decision_{p70.pk}": "not_selected",
        f"decision_{p60.pk}": "not_selected",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(en("select", call.slug), data)

    assert response["Location"] == en("ranking", call.slug)
    statuses = dict(Project.objects.filter(call=call).values_list("title", "status"))
    assert statuses == {
        "Nonante": "selected",
        "Discuté": "selected",
        "Quatre-vingts": "reserve",
        "Septante": "not_selected",
        "Soixante": "not_selected",
        ineligible.title: "ineligible",
    }
    call.refresh_from_db()
    assert call.decisions_published_at is not None
    history = StatusChange.objects.filter(project=p80).get()
    assert (history.from_status, history.to_status, history.changed_by) == ("eligible", "reserve", staff)
    assert StatusChange.objects.filter(changed_by=staff).count() == 5

    by_address = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 5
    selected_mail = by_address[p90.holder.email]
    assert "Your project “Nonante” is selected" in selected_mail.subject
    with translation.override("en"):
        assert reverse("consortium:workspace", args=[p90.pk]) in selected_mail.body
    assert "The jury's decision on “Septante”" in by_address[p70.holder.email].subject
    # The French holder's links point at the French pages, the Arabic holder's at the Arabic ones.
    with translation.override("fr"):
        assert reverse("consortium:project", args=[p80.pk]) in by_address[p80.holder.email].body
    with translation.override("ar"):
        assert reverse("consortium:workspace", args=[split.pk]) in by_address[split.holder.email].body

    page = client.get(en("ranking", call.slug)).content.decode()
    assert "Decisions published (" in page
    assert 'id="selection-form"' not in page


def test_the_decisions_are_published_only_once(client, staff, django_capture_on_commit_callbacks):
    call, projects = ranked_call(places=2)
    with django_capture_on_commit_callbacks(execute=True):
        selection.decide(call=call, selected_ids=[projects[0].pk], reserve_ids=[], by=staff)
    with pytest.raises(selection.AlreadyDecided):
        selection.decide(call=call, selected_ids=[projects[1].pk], reserve_ids=[], by=staff)
    client.force_login(staff)
    response = client.post(en("select", call.slug), {"confirm": "on", f"decision_{projects[1].pk}": "selected"})
    assert "The decisions of this call were already published." in client.get(response["Location"]).content.decode()
    assert Project.objects.get(pk=projects[1].pk).status == "not_selected"
    assert len(mail.outbox) == 5


def test_deciding_before_the_jury_deadline_is_refused_with_the_input_kept(client, staff):
    call, projects = ranked_call(phase="review", places=2)
    client.force_login(staff)
    data = {"confirm": "on", **{f"decision_{project.pk}": "not_selected" for project in projects}}
    data[f"decision_{projects[3].pk}"] = "selected"
    response = client.post(en("select", call.slug), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Decide after the jury deadline" in page
    assert decision_of(page, projects[3]) == "selected"
    assert decision_of(page, projects[0]) == "not_selected"
    assert not Project.objects.filter(status="selected").exists()


def test_the_decision_needs_the_confirmation(client, staff):
    call, projects = ranked_call(places=2)
    client.force_login(staff)
    response = client.post(en("select", call.slug), {f"decision_{projects[0].pk}": "selected"})
    assert "Tick the confirmation to publish the decisions." in response.content.decode()
    assert Project.objects.get(pk=projects[0].pk).status == "eligible"


def test_selecting_more_than_the_places_is_refused(staff):
    call, projects = ranked_call(places=2)
    with translation.override("en"), pytest.raises(selection.SelectionError, match="at most 2"):
        selection.decide(call=call, selected_ids=[p.pk for p in projects[:3]], reserve_ids=[], by=staff)
    assert not StatusChange.objects.exists()


def test_deciding_while_applications_wait_for_screening_is_refused(staff):
    call, projects = ranked_call(places=2)
    ProjectFactory(call=call, status="submitted")
    with translation.override("en"), pytest.raises(selection.SelectionError, match="wait for screening"):
        selection.decide(call=call, selected_ids=[projects[0].pk], reserve_ids=[], by=staff)


def test_only_eligible_applications_of_the_call_can_be_chosen(staff):
    call, projects = ranked_call(places=2)
    elsewhere = ProjectFactory(status="eligible")
    with pytest.raises(selection.SelectionError):
        selection.decide(call=call, selected_ids=[elsewhere.pk], reserve_ids=[], by=staff)
    with pytest.raises(selection.SelectionError):
        selection.decide(call=call, selected_ids=[projects[0].pk], reserve_ids=[projects[0].pk], by=staff)


def test_a_reserve_application_is_promoted_when_a_place_frees_up(client, staff, django_capture_on_commit_callbacks):
    call, projects = ranked_call(places=1)
    with django_capture_on_commit_callbacks(execute=True):
        selection.decide(call=call, selected_ids=[projects[0].pk], reserve_ids=[projects[1].pk], by=staff)
    mail.outbox.clear()
    client.force_login(staff)

    # The single place is taken: no button, and a forced request is refused.
    assert "Move to the selection" not in client.get(en("ranking", call.slug)).content.decode()
    response = client.post(en("promote_reserve", call.slug), {"promote": projects[1].pk})
    assert "All 1 places are taken" in client.get(response["Location"]).content.decode()
    assert Project.objects.get(pk=projects[1].pk).status == "reserve"

    Project.objects.filter(pk=projects[0].pk).update(status="abandoned")
    page = client.get(en("ranking", call.slug)).content.decode()
    assert "Move to the selection" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(en("promote_reserve", call.slug), {"promote": projects[1].pk})
    assert Project.objects.get(pk=projects[1].pk).status == "selected"
    change = StatusChange.objects.filter(project=projects[1], to_status="selected").get()
    assert change.from_status == "reserve"
    assert change.changed_by == staff
    (message,) = mail.outbox
    assert message.to == [projects[1].holder.email]
    assert projects[1].title in message.subject


def test_only_a_reserve_application_can_be_promoted(client, staff):
    call, projects = ranked_call(places=2)
    client.force_login(staff)
    client.post(en("promote_reserve", call.slug), {"promote": projects[0].pk})
    assert Project.objects.get(pk=projects[0].pk).status == "eligible"
    assert client.post(en("promote_reserve", call.slug), {"promote": "abc"}).status_code == 404


# Races


@pytest.mark.django_db(transaction=True)
def test_two_staff_promoting_reserves_at_once_fill_the_free_place_once():
    staff = UserFactory(is_staff=True)
    call, projects = ranked_call(places=2)
    selection.decide(
        call=call, selected_ids=[projects[0].pk, projects[1].pk], reserve_ids=[projects[2].pk, projects[3].pk], by=staff
    )
    Project.objects.filter(pk=projects[0].pk).update(status="abandoned")  # one place frees up
    barrier = threading.Barrier(2)
    outcomes = []

    def promote(project):
        try:
            barrier.wait(timeout=10)
            selection.promote_reserve(project=project, by=staff)
            outcomes.append("promoted")
        except selection.SelectionError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=promote, args=(project,)) for project in projects[2:4]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["promoted", "refused"]
    assert Project.objects.filter(call=call, status="selected").count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_staff_publishing_decisions_at_once_decide_once():
    staff = UserFactory(is_staff=True)
    call, projects = ranked_call(places=2)
    barrier = threading.Barrier(2)
    outcomes = []

    def decide(chosen):
        try:
            barrier.wait(timeout=10)
            selection.decide(call=call, selected_ids=[chosen.pk], reserve_ids=[], by=staff)
            outcomes.append("decided")
        except selection.AlreadyDecided:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(project,)) for project in projects[:2]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["decided", "refused"]
    assert Project.objects.filter(call=call, status="selected").count() == 1
    assert StatusChange.objects.filter(project__call=call).count() == len(projects)
