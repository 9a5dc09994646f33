"""The jury's ranking: each submitted review becomes a weighted total out of 100, each application the mean of its
reviews' totals, with their spread, so staff see at a glance where jurors disagree.

A review's total is Σ(weight × score / max) / Σ(weight) × 100 over the criteria it scored: criteria with different
maxima count by their weight only, and a criterion added to the grid after a juror submitted does not sink their
total. The spread is the population standard deviation of the totals (the jurors are the whole panel, not a sample).

The arithmetic (``review_total``, ``summarise``, ``rank``) is pure; ``call_ranking``, ``review_totals`` and
``panel_totals`` read the database in a fixed number of queries whatever the number of applications.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from consortium.models import Project, ReviewAssignment, Score

HUNDRED = Decimal(100)

# Applications that passed screening: the ranking is about them, before and after the decision.
RANKED_STATUSES = (
    Project.Status.ELIGIBLE,
    Project.Status.SELECTED,
    Project.Status.RESERVE,
    Project.Status.NOT_SELECTED,
    Project.Status.ACCOMPANIED,
    Project.Status.LAUNCHED,
    Project.Status.CLOSED,
    Project.Status.ABANDONED,
)


@dataclass(frozen=True)
class ScoreLine:
    """One criterion of one review: its weight, the score given and the criterion's maximum."""

    weight: Decimal
    value: Decimal
    max_score: int


@dataclass(frozen=True)
class Summary:
    score: Decimal | None  # mean of the totals, out of 100
    spread: Decimal | None  # population standard deviation of the totals
    lowest: Decimal | None
    highest: Decimal | None
    reviews: int
    disagree: bool


@dataclass(frozen=True)
class Standing:
    """An application's place in the ranking."""

    project: object
    totals: tuple[Decimal, ...]
    summary: Summary
    rank: int

    def __getattr__(self, name) -> object:
        # Templates read standing.score, standing.spread… straight from the summary.
        if name in Summary.__dataclass_fields__:
            return getattr(self.summary, name)
        raise AttributeError(name)


def review_total(lines: Iterable[ScoreLine]) -> Decimal | None:
    """A review's weighted total out of 100; None when nothing was scored."""
    lines = list(lines)
    weights = sum((line.weight for line in lines), Decimal(0))
    if not weights:
        return None
    weighted = sum((Decimal(line.weight) * Decimal(line.value) / Decimal(line.max_score) for line in lines), Decimal(0))
    return weighted / weights * HUNDRED


def summarise(totals: Sequence[Decimal], *, threshold: Decimal) -> Summary:
    """Mean, spread (population standard deviation), range and count of the reviews' totals."""
    if not totals:
        return Summary(score=None, spread=None, lowest=None, highest=None, reviews=0, disagree=False)
    count = len(totals)
    mean = sum(totals, Decimal(0)) / count
    spread = (sum(((total - mean) ** 2 for total in totals), Decimal(0)) / count).sqrt()
    return Summary(
        score=mean,
        spread=spread,
        lowest=min(totals),
        highest=max(totals),
        reviews=count,
        disagree=spread > Decimal(threshold),
    )


def _order_key(item) -> tuple:
    project, summary = item
    submitted_at = getattr(project, "submitted_at", None)
    return (
        summary.score is None,  # applications nobody scored come last
        -(summary.score or 0),
        -summary.reviews,  # on equal scores, the better-reviewed first
        submitted_at is None,
        submitted_at.timestamp() if submitted_at else 0,  # then the earlier application
        project.pk,
    )


def rank(entries: Iterable[tuple[object, Sequence[Decimal]]], *, threshold: Decimal) -> list[Standing]:
    """Order applications by score (highest first); ties go to more reviews, then to the earlier submission."""
    summaries = [(project, tuple(totals), summarise(totals, threshold=threshold)) for project, totals in entries]
    summaries.sort(key=lambda row: _order_key((row[0], row[2])))
    return [
        Standing(project=project, totals=totals, summary=summary, rank=position)
        for position, (project, totals, summary) in enumerate(summaries, start=1)
    ]


def _submitted_lines(**filters) -> dict[int, tuple[int, list[ScoreLine]]]:
    """Every submitted review's score lines in one query: {assignment_id: (project_id, [ScoreLine…])}."""
    reviews = {}
    rows = (
        Score.objects.filter(assignment__status=ReviewAssignment.Status.SUBMITTED, **filters)
        .values_list("assignment_id", "assignment__project_id", "criterion__weight", "criterion__max_score", "value")
        .order_by("assignment_id", "criterion_id")
    )
    for assignment_id, project_id, weight, max_score, value in rows:
        reviews.setdefault(assignment_id, (project_id, []))[1].append(ScoreLine(weight, value, max_score))
    return reviews


def review_totals(project) -> dict[int, Decimal]:
    """The totals of an application's submitted reviews, by assignment id (one query)."""
    return {
        assignment_id: review_total(lines)
        for assignment_id, (_project_id, lines) in _submitted_lines(assignment__project=project).items()
    }


def call_ranking(call) -> list[Standing]:
    """The ranking of a call's screened applications (two queries)."""
    projects = list(
        Project.objects.filter(call=call, status__in=RANKED_STATUSES).select_related("holder").order_by("pk")
    )
    totals = defaultdict(list)
    for project_id, lines in _submitted_lines(assignment__project__call=call).values():
        totals[project_id].append(review_total(lines))
    return rank(((project, totals[project.pk]) for project in projects), threshold=call.disagreement_threshold)


def panel_totals(assignment) -> dict:
    """What a juror sees once they submitted: their own total, the other jurors' submitted totals (anonymised as
    "Juror 1", "Juror 2"…) and the panel's summary."""
    totals = review_totals(assignment.project)
    others = [
        {"label": _("Juror %(number)s") % {"number": number}, "total": total}
        for number, (_assignment_id, total) in enumerate(
            sorted((pk, total) for pk, total in totals.items() if pk != assignment.pk), start=1
        )
    ]
    summary = summarise(list(totals.values()), threshold=assignment.project.call.disagreement_threshold)
    return {"own_total": totals.get(assignment.pk), "others": others, "summary": summary}
