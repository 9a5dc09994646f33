"""The jury: a juror sees only the applications assigned to them, only during the review phase; scores every
criterion within its maximum or declares a conflict; never sees the others' scores before submitting their own."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from consortium.models import ReviewAssignment, Score
from consortium.services import reviews as services
from consortium.services.errors import ReviewClosed
from dimobel.errors import DomainError
from tests.consortium.helpers import call_in, en
from tests.factories import CallFactory, CriterionFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def juror(db):
    return UserFactory(first_name="Youssef", last_name="Alaoui", email="youssef@example.org", preferred_language="en")


@pytest.fixture
def call():
    call = call_in("review", title="Impulse 2026")
    # Weights 2 and 1, maxima 10 and 5: hand-computable totals.
    CriterionFactory(call=call, title="Team and shareholders", weight=2, max_score=10, position=1)
    CriterionFactory(call=call, title="Profitability", weight=1, max_score=5, position=2)
    return call


@pytest.fixture
def assignment(call, juror):
    project = ProjectFactory(
        call=call, status="eligible", title="Conserverie de Berkane", submitted_at=timezone.now() - timedelta(days=21)
    )
    return ReviewAssignment.objects.create(project=project, juror=juror)


def criteria_of(call):
    return list(call.criteria.order_by("position"))


def scores_data(call, *values, comment="Solid team."):
    data = {"comment": comment}
    for criterion, value in zip(criteria_of(call), values, strict=False):
        data[f"score_{criterion.pk}"] = value
        if value != "":
            data[f"comment_{criterion.pk}"] = f"About {criterion.title}"
    return data


# Access


@pytest.mark.parametrize("view", ["review", "review_conflict"])
def test_anonymous_visitors_are_sent_to_log_in(client, assignment, view):
    response = client.get(en(view, assignment.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_anonymous_visitors_are_sent_to_log_in_for_the_jury_list(client):
    response = client.get(en("jury"))
    assert "/accounts/login/" in response["Location"]


def test_another_member_gets_404_on_a_jurors_assignment(client, assignment, other_member):
    client.force_login(other_member)
    assert client.get(en("review", assignment.pk)).status_code == 404
    assert client.post(en("review_conflict", assignment.pk), {"reason": "x"}).status_code == 404
    assignment.refresh_from_db()
    assert assignment.status == ReviewAssignment.Status.PENDING


def test_another_juror_of_the_same_call_gets_404_on_an_assignment_not_theirs(client, assignment, call):
    colleague = UserFactory()
    ReviewAssignment.objects.create(project=ProjectFactory(call=call, status="eligible"), juror=colleague)
    client.force_login(colleague)
    assert client.get(en("review", assignment.pk)).status_code == 404


@pytest.mark.parametrize(
    "dates",
    [
        # before the review opens (screening)
        {"review_opens_at": 2, "review_closes_at": 10},
        # after the jury deadline
        {"review_opens_at": -10, "review_closes_at": -1},
    ],
)
def test_an_assignment_answers_404_outside_the_review_phase(client, assignment, juror, dates):
    now = timezone.now()
    call = assignment.project.call
    call.closes_at = now - timedelta(days=20)
    call.review_opens_at = now + timedelta(days=dates["review_opens_at"])
    call.review_closes_at = now + timedelta(days=dates["review_closes_at"])
    call.save()
    client.force_login(juror)
    assert client.get(en("review", assignment.pk)).status_code == 404
    assert assignment.project.title not in client.get(en("jury")).content.decode()


def test_an_assignment_answers_404_once_the_decisions_are_published(client, assignment, juror):
    call = assignment.project.call
    call.decisions_published_at = timezone.now()
    call.save()
    client.force_login(juror)
    assert client.get(en("review", assignment.pk)).status_code == 404


# The list


def test_the_jury_page_lists_the_jurors_assignments_grouped_by_call(client, assignment, juror, call):
    other_call = call_in("review", title="Impulse Oriental")
    ReviewAssignment.objects.create(project=ProjectFactory(call=other_call, title="Ferme solaire"), juror=juror)
    done = ReviewAssignment.objects.create(
        project=ProjectFactory(call=call, title="Atelier textile"),
        juror=juror,
        status=ReviewAssignment.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    ReviewAssignment.objects.create(
        project=ProjectFactory(call=call, title="Conflit déclaré"), juror=juror, status=ReviewAssignment.Status.CONFLICT
    )
    ReviewAssignment.objects.create(project=ProjectFactory(call=call, title="Pas pour moi"), juror=UserFactory())
    later = CallFactory(title="Appel futur")  # open now, review in a month
    ReviewAssignment.objects.create(project=ProjectFactory(call=later, title="Futur projet"), juror=juror)

    client.force_login(juror)
    page = client.get(en("jury")).content.decode()

    assert "Impulse 2026" in page
    assert "Impulse Oriental" in page
    assert "Conserverie de Berkane" in page
    assert "Ferme solaire" in page
    assert "Atelier textile" in page
    assert en("review", assignment.pk) in page
    assert en("review", done.pk) in page
    assert "1 of 2 submitted" in page
    assert "Conflit déclaré" not in page
    assert "Pas pour moi" not in page
    # Not reviewable yet: only announced, without a link.
    assert "Futur projet" not in page
    assert "Appel futur: one application, to review from" in page


def test_a_member_without_assignments_sees_an_empty_jury_page(client, other_member):
    client.force_login(other_member)
    assert "No application awaits your review" in client.get(en("jury")).content.decode()


@pytest.mark.parametrize("n", [1, 5])
def test_the_jury_page_runs_a_constant_number_of_queries(client, juror, n, django_assert_num_queries):
    for _ in range(n):
        call = call_in(
            "review",
        )
        for _ in range(2):
            ReviewAssignment.objects.create(project=ProjectFactory(call=call, status="eligible"), juror=juror)
    client.force_login(juror)
    with django_assert_num_queries(7):
        response = client.get(en("jury"))
    assert response.content.decode().count("assignment-row") == 2 * n


# Reviewing


def test_the_review_page_shows_the_application_its_documents_and_the_grid(client, assignment, juror):
    project = assignment.project
    project.business_plan.name = "consortium/business_plans/2026/plan.pdf"
    project.description = "Une **conserverie** coopérative."
    project.save()
    client.force_login(juror)
    page = client.get(en("review", assignment.pk)).content.decode()
    assert "Conserverie de Berkane" in page
    assert "<strong>conserverie</strong>" in page
    assert en("application_document", project.pk, "business_plan") in page
    assert en("application_document", project.pk, "pitch_deck") not in page
    assert "Team and shareholders" in page
    assert "Profitability" in page
    assert "Score (0 to 5)" in page
    assert "Save draft" in page
    assert "Submit my review" in page


def test_a_draft_keeps_the_scores_and_the_assignment_pending(client, assignment, juror, call):
    client.force_login(juror)
    team, profit = criteria_of(call)
    response = client.post(en("review", assignment.pk), scores_data(call, "7.5", "", comment="Promising."))
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == ReviewAssignment.Status.PENDING
    assert assignment.comment == "Promising."
    assert {score.criterion_id: score.value for score in assignment.scores.all()} == {team.pk: Decimal("7.5")}
    page = client.get(en("review", assignment.pk)).content.decode()
    assert 'value="7.5"' in page
    assert "Promising." in page

    # A second draft changes the score and clears the one left empty.
    client.post(en("review", assignment.pk), scores_data(call, "", "4"))
    assert {score.criterion_id: score.value for score in assignment.scores.all()} == {profit.pk: Decimal("4")}


def test_a_score_above_the_criterions_maximum_is_refused_and_the_input_kept(client, assignment, juror, call):
    client.force_login(juror)
    response = client.post(en("review", assignment.pk), scores_data(call, "9", "7", comment="Mon avis"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Give “Profitability” a score between 0 and 5." in page
    assert 'value="7"' in page
    assert 'value="9"' in page
    assert "Mon avis" in page
    assert not Score.objects.exists()


def test_a_negative_score_is_refused(client, assignment, juror, call):
    client.force_login(juror)
    page = client.post(en("review", assignment.pk), scores_data(call, "-1", "2")).content.decode()
    assert "Give “Team and shareholders” a score between 0 and 10." in page
    assert not Score.objects.exists()


def test_a_comment_without_its_score_asks_for_the_score_rather_than_losing_it(client, assignment, juror, call):
    client.force_login(juror)
    team, _profit = criteria_of(call)
    data = {f"score_{team.pk}": "", f"comment_{team.pk}": "About Team and shareholders"}
    page = client.post(en("review", assignment.pk), data).content.decode()
    assert "Give a score to keep your comment" in page
    assert "About Team and shareholders" in page
    assert not Score.objects.exists()


def test_submitting_requires_every_criterion(client, assignment, juror, call):
    client.force_login(juror)
    page = client.post(en("review_submit", assignment.pk), scores_data(call, "8", "")).content.decode()
    assert "Score this criterion before submitting." in page
    assignment.refresh_from_db()
    assert assignment.status == ReviewAssignment.Status.PENDING


def test_a_submitted_review_is_final(client, assignment, juror, call):
    client.force_login(juror)
    response = client.post(en("review_submit", assignment.pk), scores_data(call, "8", "4"))
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == ReviewAssignment.Status.SUBMITTED
    assert assignment.submitted_at is not None

    page = client.get(en("review", assignment.pk)).content.decode()
    assert "Your review" in page
    assert "It can no longer be changed" in page
    assert 'id="review-form"' not in page
    # Its total: (2×8/10 + 1×4/5)/3×100 = 80.
    assert 'id="own-total">80.0<' in page

    client.post(en("review_submit", assignment.pk), scores_data(call, "1", "1"))
    assert sorted(assignment.scores.values_list("value", flat=True)) == [Decimal("4"), Decimal("8")]


def test_a_juror_sees_the_others_totals_only_after_submitting(client, assignment, juror, call):
    team, profit = criteria_of(call)
    colleague = ReviewAssignment.objects.create(
        project=assignment.project, juror=UserFactory(), status="submitted", submitted_at=timezone.now()
    )
    # (2×6/10 + 1×3/5)/3×100 = 60
    Score.objects.create(assignment=colleague, criterion=team, value=6, comment="Équipe trop petite")
    Score.objects.create(assignment=colleague, criterion=profit, value=3)
    client.force_login(juror)

    before = client.get(en("review", assignment.pk)).content.decode()
    assert "Juror 1" not in before
    assert "60.0" not in before
    assert "Équipe trop petite" not in before
    assert 'id="panel"' not in before

    client.post(en("review_submit", assignment.pk), scores_data(call, "8", "4"))
    after = client.get(en("review", assignment.pk)).content.decode()
    assert "Juror 1" in after
    assert "60.0" in after
    # The average of 80 and 60.
    assert 'id="average">70.0<' in after
    # Totals only: the colleague's comments and name stay hidden.
    assert "Équipe trop petite" not in after
    assert colleague.juror.last_name not in after


# Conflict of interest


def test_a_juror_declares_a_conflict_and_the_application_is_withdrawn(client, assignment, juror, call):
    team, _profit = criteria_of(call)
    Score.objects.create(assignment=assignment, criterion=team, value=5)
    client.force_login(juror)
    response = client.post(en("review_conflict", assignment.pk), {"reason": "I advise this company."})
    assert response.status_code == 302
    assert response["Location"] == en("jury")
    assignment.refresh_from_db()
    assert assignment.status == ReviewAssignment.Status.CONFLICT
    assert assignment.conflict_reason == "I advise this company."
    assert not assignment.scores.exists()
    assert client.get(en("review", assignment.pk)).status_code == 404
    assert "Conserverie de Berkane" not in client.get(en("jury")).content.decode()


def test_a_conflict_needs_a_reason(client, assignment, juror):
    client.force_login(juror)
    response = client.post(en("review_conflict", assignment.pk), {"reason": "  "})
    assert response.status_code == 200
    assert "Say briefly why you have a conflict of interest." in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.status == ReviewAssignment.Status.PENDING


def test_a_conflict_is_post_only(client, assignment, juror):
    client.force_login(juror)
    assert client.get(en("review_conflict", assignment.pk)).status_code == 405


def test_a_submitted_review_cannot_become_a_conflict(client, assignment, juror):
    assignment.status = ReviewAssignment.Status.SUBMITTED
    assignment.save()
    client.force_login(juror)
    client.post(en("review_conflict", assignment.pk), {"reason": "Trop tard"})
    assignment.refresh_from_db()
    assert assignment.status == ReviewAssignment.Status.SUBMITTED


# The service's own guards


def test_the_service_refuses_a_score_above_the_maximum(assignment, juror, call):
    team, profit = criteria_of(call)
    with translation.override("en"), pytest.raises(services.InvalidScore, match="between 0 and 5"):
        services.save_review(assignment=assignment, juror=juror, scores={team.pk: (5, ""), profit.pk: (6, "")})
    assert not Score.objects.exists()


def test_the_service_refuses_someone_elses_assignment(assignment, other_member, call):
    team, _ = criteria_of(call)
    with pytest.raises(DomainError):
        services.save_review(assignment=assignment, juror=other_member, scores={team.pk: (5, "")})


def test_the_service_refuses_scores_after_the_jury_deadline(assignment, juror, call):
    call.review_closes_at = timezone.now() - timedelta(minutes=1)
    call.review_opens_at = timezone.now() - timedelta(days=3)
    call.save()
    team, _ = criteria_of(call)
    with pytest.raises(ReviewClosed):
        services.save_review(assignment=assignment, juror=juror, scores={team.pk: (5, "")}, submit=True)
