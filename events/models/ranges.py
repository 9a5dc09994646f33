from django.contrib.postgres.fields import DateTimeRangeField
from django.db.models import Func


class TsTzRange(Func):
    """``tstzrange(start, end)``, half-open, for exclusion constraints on time slots."""

    function = "TSTZRANGE"
    output_field = DateTimeRangeField()
