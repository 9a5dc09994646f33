"""The jury's work: staff assign eligible applications to jurors, who score them or declare a conflict of interest."""

from collections import Counter
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consortium.display import in_corridor_zones
from consortium.models import Call, Criterion, Project, ReviewAssignment, Score
from consortium.services.errors import ReviewClosed
from dimobel.errors import DomainError
from dimobel.notify import email_member, in_language_of, link


class NothingToAssign(DomainError):
    default_message = _("There is no eligible application to assign yet: screen the applications first.")


class NoJury(DomainError):
    default_message = _("This call has no jury members yet. Add them to the call first.")


class ReviewLocked(DomainError):
    default_message = _("This review was submitted and can no longer be changed.")


class ReviewIncomplete(DomainError):
    default_message = _("Score every criterion before submitting your review.")


class InvalidScore(DomainError):
    default_message = _("A score is outside the criterion's range.")


def _notify_assigned(call, juror, pending) -> None:
    with in_language_of(juror):
        context = {
            "juror_name": juror.get_full_name() or juror.email,
            "call_title": call.title,
            "pending": pending,
            # Jurors sit on both sides of the corridor: the deadline in both zones.
            "deadline": in_corridor_zones(call.review_closes_at),
            "url": link("consortium:jury"),
        }
    email_member(recipient=juror, template="consortium/jury_assigned", context=context)


def assign_jurors(*, call, by, jurors=None, projects=None) -> list[ReviewAssignment]:
    """Give every eligible application of the call (or the chosen ones) to every jury member (or the chosen ones).

    Idempotent: existing assignments, conflicts included, stay as they are. A holder never reviews their own
    application. Each juror who received new applications gets one email with how many await them and the deadline.
    Returns the new assignments.
    """
    with transaction.atomic():
        # Serialise assignment rounds of the same call, so two clicks do not email jurors twice.
        call = Call.objects.select_for_update().get(pk=call.pk)
        if call.decisions_published_at or timezone.now() >= call.review_closes_at:
            raise ReviewClosed(_("The jury deadline has passed: applications can no longer be assigned."))
        panel = call.jury.filter(is_active=True)
        if jurors is not None:
            panel = panel.filter(pk__in=[getattr(juror, "pk", juror) for juror in jurors])
        panel = list(panel.order_by("pk"))
        if not panel:
            raise NoJury
        eligible = Project.objects.filter(call=call, status=Project.Status.ELIGIBLE)
        if projects is not None:
            eligible = eligible.filter(pk__in=[getattr(project, "pk", project) for project in projects])
        eligible = list(eligible.only("pk", "holder").order_by("pk"))
        if not eligible:
            raise NothingToAssign
        existing = set(
            ReviewAssignment.objects.filter(project__in=eligible, juror__in=panel).values_list("project_id", "juror_id")
        )
        new = [
            ReviewAssignment(project=project, juror=juror)
            for project in eligible
            for juror in panel
            if (project.pk, juror.pk) not in existing and project.holder_id != juror.pk
        ]
        created = ReviewAssignment.objects.bulk_create(new, ignore_conflicts=True)
        notified = {assignment.juror_id for assignment in created}
        pending = Counter(
            ReviewAssignment.objects.filter(
                project__call=call, juror_id__in=notified, status=ReviewAssignment.Status.PENDING
            ).values_list("juror_id", flat=True)
        )
        for juror in panel:
            if juror.pk in notified:
                _notify_assigned(call, juror, pending[juror.pk])
    return created


def _lock_own_assignment(assignment, juror) -> ReviewAssignment:
    """Re-read the assignment under lock; only its juror may act on it, only while the review is open."""
    assignment = (
        ReviewAssignment.objects.select_for_update(of=("self",)).select_related("project__call").get(pk=assignment.pk)
    )
    if assignment.juror_id != juror.pk:
        raise DomainError(_("This application is not assigned to you."))
    if not assignment.project.call.in_review():
        raise ReviewClosed
    if assignment.status == ReviewAssignment.Status.SUBMITTED:
        raise ReviewLocked
    if assignment.status == ReviewAssignment.Status.CONFLICT:
        raise DomainError(_("You declared a conflict of interest for this application."))
    return assignment


def save_review(*, assignment, juror, scores, comment="", submit=False) -> ReviewAssignment:
    """Save the juror's scores. ``scores`` maps criterion ids to ``(value or None, comment)``.

    A draft keeps the assignment pending, with whatever is scored so far; ``submit`` requires every criterion of the
    grid to be scored and locks the review.
    """
    with transaction.atomic():
        assignment = _lock_own_assignment(assignment, juror)
        criteria = {criterion.pk: criterion for criterion in Criterion.objects.filter(call=assignment.project.call)}
        keep, drop = [], []
        for criterion_id, (value, criterion_comment) in scores.items():
            criterion = criteria.get(int(criterion_id))
            if criterion is None:
                continue  # a criterion removed from the grid while the juror was scoring
            if value is None:
                drop.append(criterion.pk)
                continue
            value = Decimal(value)
            if not Decimal(0) <= value <= criterion.max_score:
                raise InvalidScore(
                    _("The score for “%(criterion)s” must be between 0 and %(max)s.")
                    % {"criterion": criterion.title, "max": criterion.max_score}
                )
            keep.append(
                Score(
                    assignment=assignment, criterion=criterion, value=value, comment=(criterion_comment or "").strip()
                )
            )
        Score.objects.filter(assignment=assignment, criterion_id__in=drop).delete()
        Score.objects.bulk_create(
            keep,
            update_conflicts=True,
            unique_fields=["assignment", "criterion"],
            update_fields=["value", "comment"],
        )
        assignment.comment = comment.strip()
        fields = ["comment"]
        if submit:
            scored = set(Score.objects.filter(assignment=assignment).values_list("criterion_id", flat=True))
            if not criteria or set(criteria) - scored:
                raise ReviewIncomplete
            assignment.status = ReviewAssignment.Status.SUBMITTED
            assignment.submitted_at = timezone.now()
            fields += ["status", "submitted_at"]
        assignment.save(update_fields=fields)
    return assignment


def declare_conflict(*, assignment, juror, reason) -> ReviewAssignment:
    """The juror steps aside: the application is withdrawn from them and their draft scores are discarded."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Say briefly why you have a conflict of interest."))
    with transaction.atomic():
        assignment = _lock_own_assignment(assignment, juror)
        Score.objects.filter(assignment=assignment).delete()
        assignment.status = ReviewAssignment.Status.CONFLICT
        assignment.conflict_reason = reason[:300]
        assignment.comment = ""
        assignment.save(update_fields=["status", "conflict_reason", "comment"])
    return assignment
