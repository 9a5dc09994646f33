"""The weighted ranking, with hand-computed expected values."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from consortium.models import Project, ReviewAssignment, Score
from consortium.selectors.ranking import ScoreLine, call_ranking, rank, review_total, review_totals, summarise
from tests.consortium.helpers import call_in
from tests.factories import CriterionFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

D = Decimal


def close(value, expected, places="0.0001"):
    return D(value).quantize(D(places)) == D(expected).quantize(D(places))


# The pure arithmetic


def test_a_review_total_weighs_each_score_by_its_criterion_out_of_100():
    # Criterion A: weight 2, max 10, scored 8 → 2 × 8/10 = 1.6
    # Criterion B: weight 1, max 5, scored 4 → 1 × 4/5 = 0.8
    # Total = (1.6 + 0.8) / (2 + 1) × 100 = 2.4 / 3 × 100 = 80
    lines = [ScoreLine(D("2"), D("8"), 10), ScoreLine(D("1"), D("4"), 5)]
    assert review_total(lines) == D("80")


def test_a_review_with_nothing_scored_has_no_total():
    assert review_total([]) is None


def test_the_summary_is_the_mean_the_population_spread_and_the_range():
    # Totals 80 and 60: mean 70; deviations ±10, so the population standard deviation is √((100 + 100) / 2) = 10.
    summary = summarise([D("80"), D("60")], threshold=D("15"))
    assert summary.score == D("70")
    assert summary.spread == D("10")
    assert (summary.lowest, summary.highest, summary.reviews) == (D("60"), D("80"), 2)
    assert summary.disagree is False


def test_jurors_disagree_when_the_spread_exceeds_the_threshold():
    # Totals 100, 40 and 70: mean 70; squared deviations 900, 900, 0 → √(1800 / 3) = √600 ≈ 24.4949 > 15.
    summary = summarise([D("100"), D("40"), D("70")], threshold=D("15"))
    assert close(summary.spread, "24.4949")
    assert summary.disagree is True
    # Exactly at the threshold is not "exceeding" it.
    assert summarise([D("80"), D("60")], threshold=D("10")).disagree is False


def test_ties_go_to_more_reviews_then_to_the_earlier_application():
    now = timezone.now()
    early, late, fewer, unscored = (
        Project(pk=1, submitted_at=now - timedelta(days=2)),
        Project(pk=2, submitted_at=now - timedelta(days=1)),
        Project(pk=3, submitted_at=now - timedelta(days=3)),
        Project(pk=4, submitted_at=now - timedelta(days=9)),
    )
    standings = rank(
        [
            (unscored, []),
            (fewer, [D("70")]),
            (late, [D("80"), D("60")]),
            (early, [D("60"), D("80")]),
        ],
        threshold=D("15"),
    )
    assert [standing.project for standing in standings] == [early, late, fewer, unscored]
    assert [standing.rank for standing in standings] == [1, 2, 3, 4]
    assert standings[-1].score is None


# From the database


def in_review_call():
    return call_in("review", disagreement_threshold=D("15"))


def review(project, juror, scores, status=ReviewAssignment.Status.SUBMITTED):
    assignment = ReviewAssignment.objects.create(
        project=project, juror=juror, status=status, submitted_at=timezone.now() if status == "submitted" else None
    )
    Score.objects.bulk_create(
        Score(assignment=assignment, criterion=criterion, value=D(str(value))) for criterion, value in scores
    )
    return assignment


def test_the_call_ranking_matches_the_hand_computed_values():
    call = in_review_call()
    a = CriterionFactory(call=call, weight=2, max_score=10, title="A")
    b = CriterionFactory(call=call, weight=1, max_score=5, title="B")
    jurors = UserFactory.create_batch(3)
    now = timezone.now()
    p = ProjectFactory(call=call, status="eligible", title="P", submitted_at=now - timedelta(days=25))
    q = ProjectFactory(call=call, status="eligible", title="Q", submitted_at=now - timedelta(days=24))
    r = ProjectFactory(call=call, status="eligible", title="R", submitted_at=now - timedelta(days=23))
    ProjectFactory(call=call, status="eligible", title="S", submitted_at=now - timedelta(days=22))
    ProjectFactory(call=call, status="ineligible", title="Out")
    ProjectFactory(call=call, status="submitted", title="Not screened")

    # P: (2×8/10 + 1×4/5)/3×100 = 80 and (2×6/10 + 1×3/5)/3×100 = (1.2 + 0.6)/3×100 = 60
    #    → score 70, spread 10, range 60–80, 2 reviews.
    review(p, jurors[0], [(a, 8), (b, 4)])
    review(p, jurors[1], [(a, 6), (b, 3)])
    # A draft and a conflict are not counted.
    review(p, jurors[2], [(a, 0), (b, 0)], status=ReviewAssignment.Status.PENDING)
    # Q: 100 (10/10, 5/5), 40 ((2×4/10 + 1×2/5)/3×100 = 1.2/3×100) and 70 ((2×7/10 + 1×3.5/5)/3×100 = 2.1/3×100)
    #    → score 70, spread √600 ≈ 24.49 > 15: the jurors disagree; 3 reviews beat P's 2 on the tie.
    review(q, jurors[0], [(a, 10), (b, 5)])
    review(q, jurors[1], [(a, 4), (b, 2)])
    review(q, jurors[2], [(a, 7), (b, "3.5")])
    # R: (2×9/10 + 1×4.5/5)/3×100 = 2.7/3×100 = 90 → first.
    review(r, jurors[0], [(a, 9), (b, "4.5")])
    review(r, jurors[1], [], status=ReviewAssignment.Status.CONFLICT)
    # S: nobody scored it → last.

    standings = call_ranking(call)

    assert [standing.project.title for standing in standings] == ["R", "Q", "P", "S"]
    by_title = {standing.project.title: standing for standing in standings}
    assert by_title["R"].score == D("90")
    assert by_title["R"].reviews == 1
    assert by_title["R"].spread == 0
    assert by_title["Q"].score == D("70")
    assert by_title["Q"].reviews == 3
    assert close(by_title["Q"].spread, "24.4949")
    assert by_title["Q"].disagree
    assert (by_title["Q"].lowest, by_title["Q"].highest) == (D("40"), D("100"))
    assert by_title["P"].score == D("70")
    assert by_title["P"].spread == D("10")
    assert not by_title["P"].disagree
    assert (by_title["P"].lowest, by_title["P"].highest, by_title["P"].reviews) == (D("60"), D("80"), 2)
    assert by_title["S"].score is None
    assert by_title["S"].reviews == 0


def test_review_totals_are_given_per_submitted_review():
    call = in_review_call()
    a = CriterionFactory(call=call, weight=2, max_score=10)
    b = CriterionFactory(call=call, weight=1, max_score=5)
    project = ProjectFactory(call=call, status="eligible")
    first = review(project, UserFactory(), [(a, 8), (b, 4)])
    review(project, UserFactory(), [(a, 8)], status=ReviewAssignment.Status.PENDING)
    assert review_totals(project) == {first.pk: D("80")}


@pytest.mark.parametrize("n", [1, 5])
def test_the_ranking_reads_the_database_in_two_queries(n, django_assert_num_queries):
    call = in_review_call()
    criteria = CriterionFactory.create_batch(3, call=call)
    jurors = UserFactory.create_batch(2)
    for _ in range(n):
        project = ProjectFactory(call=call, status="eligible")
        for juror in jurors:
            review(project, juror, [(criterion, 5) for criterion in criteria])
    with django_assert_num_queries(2):
        standings = call_ranking(call)
        assert [standing.project.holder.email for standing in standings]
    assert len(standings) == n
