"""What the consortium reminds its jury of. The shared sweep (dimobel.reminders) sends each reminder once.

(The accompaniment's reminders — milestones, KPI reports — live in consortium/accompaniment_reminders.py.)
"""

from collections import Counter
from datetime import timedelta

from django.contrib.auth import get_user_model

from consortium import accompaniment_reminders  # noqa: F401 (milestone and KPI reminders register here)
from consortium.models import Call, ReviewAssignment
from consortium.notifications import in_language_of, link
from dimobel import reminders

JURY_NOTICE = timedelta(days=3)


@reminders.provider
def jury_deadline(now):
    """Jurors with reviews still pending hear, once per call, three days before the jury deadline."""
    calls = {
        call.pk: call
        for call in Call.objects.filter(
            review_opens_at__lte=now,
            review_closes_at__gt=now,
            review_closes_at__lte=now + JURY_NOTICE,
            decisions_published_at__isnull=True,
        )
    }
    if not calls:
        return
    pending = Counter(
        ReviewAssignment.objects.filter(
            project__call_id__in=calls, status=ReviewAssignment.Status.PENDING, juror__is_active=True
        ).values_list("project__call_id", "juror_id")
    )
    jurors = get_user_model().objects.in_bulk({juror_id for _call_id, juror_id in pending})
    for (call_id, juror_id), count in sorted(pending.items()):
        call, juror = calls[call_id], jurors[juror_id]
        # The link in the juror's language, like the email itself.
        with in_language_of(juror):
            url = link("jury")
        yield reminders.Reminder(
            kind="consortium.jury.deadline_3d",
            obj=call,
            recipient=juror,
            due_at=call.review_closes_at - JURY_NOTICE,
            template_prefix="emails/consortium/jury_deadline",
            context={"call": call, "pending": count, "url": url, "juror_name": juror.get_full_name() or juror.email},
        )
