"""The programme's default evaluation grid.

The criteria are data, not code: a call gets its own copy (``Criterion`` rows) that organisers edit in the admin
(titles, what to assess, weights and maxima). This list is only the starting point, taken from the
"Maghrib Belgium Impulse" selection criteria, in French like the programme's own documents.

Weights 20/40/20/20: the project itself (concept, sector, corridor, viability, responsibility, jobs) weighs as much
as the three other criteria together, as in the programme's scoring sheet. Every criterion is scored out of 10,
the scale jurors know; the ranking turns each review into a total out of 100 whatever the maxima.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from consortium.models import Call, Criterion


@dataclass(frozen=True)
class DefaultCriterion:
    title: str
    description: str
    weight: Decimal
    max_score: int = 10


DEFAULT_GRID = (
    DefaultCriterion(
        title="Équipe et actionnariat",
        description=(
            "Compétences et complémentarité de l'équipe, expérience du secteur, engagement des porteurs, "
            "répartition de l'actionnariat."
        ),
        weight=Decimal("20"),
    ),
    DefaultCriterion(
        title="Le projet",
        description=(
            "Concept et caractère innovant, secteur, apport aux relations économiques Belgique–Maroc, viabilité, "
            "responsabilité sociale et environnementale, emplois créés."
        ),
        weight=Decimal("40"),
    ),
    DefaultCriterion(
        title="Rentabilité",
        description="Chiffre d'affaires attendu, marges, plan de financement et besoins de financement.",
        weight=Decimal("20"),
    ),
    DefaultCriterion(
        title="Appréciation globale",
        description="Chances de succès du projet et pertinence de l'accompagnement proposé par le consortium.",
        weight=Decimal("20"),
    ),
)


def add_default_grid(*, call: Call) -> list[Criterion]:
    """Give a call without criteria the programme's grid; a call that already has criteria keeps them."""
    with transaction.atomic():
        # The lock makes two admins saving the same new call add the grid once.
        Call.objects.select_for_update().filter(pk=call.pk).first()
        if Criterion.objects.filter(call=call).exists():
            return []
        return Criterion.objects.bulk_create(
            Criterion(
                call=call,
                position=position,
                title=line.title,
                description=line.description,
                weight=line.weight,
                max_score=line.max_score,
            )
            for position, line in enumerate(DEFAULT_GRID, start=1)
        )
