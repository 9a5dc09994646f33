"""Query expressions the autumn school's QuerySets and selectors share."""

from django.db.models import IntegerField, QuerySet, Subquery


class CountOf(Subquery):
    """``(SELECT count(*) FROM (…))``: a count per row without GROUP BY on the outer query."""

    template = "(SELECT count(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()


def count_rows(queryset: QuerySet) -> CountOf:
    """The number of rows of ``queryset`` (which may use OuterRef), as an annotation."""
    return CountOf(queryset.order_by().values("pk"))
