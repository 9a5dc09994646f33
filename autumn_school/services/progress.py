"""Completion: recorded once, when every step of the module is done (selectors.progress counts the steps).

Call ``refresh_completion(enrolment=…)`` after anything that may complete a module (a lesson marked done, a
quiz passed, an attendance); it records the completion and issues the certificate.
"""

from django.db import transaction
from django.utils import timezone

from autumn_school.models import Enrolment
from autumn_school.selectors.progress import progress_for
from autumn_school.services.certificates import issue_certificate


def refresh_completion(*, enrolment: Enrolment) -> bool:
    """Mark the enrolment completed (once) when every requirement is met; returns whether it is completed."""
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.completed_at is not None:
            return True
        if not enrolment.is_enrolled or not progress_for(enrolment).requirements_met:
            return False
        enrolment.completed_at = timezone.now()
        enrolment.save(update_fields=["completed_at"])
        issue_certificate(enrolment=enrolment)
    return True
