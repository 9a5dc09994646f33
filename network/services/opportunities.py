"""The marketplace: posting, editing and removing opportunities, and answering one."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dimobel.errors import DomainError, NotAllowed
from network.models import Message, Opportunity
from network.permissions import organisations_administered_by
from network.services import messaging

OPPORTUNITY_FIELDS = ["title", "kind", "description", "countries", "deadline", "organisation"]


class DeadlinePassed(DomainError):
    pass


class OpportunityClosed(DomainError):
    pass


def _check_deadline(deadline) -> None:
    if deadline < timezone.localdate():
        raise DeadlinePassed(_("The deadline must be today or later."))


def _check_organisation(poster, organisation) -> None:
    if organisation is not None and not organisations_administered_by(poster).filter(pk=organisation.pk).exists():
        raise NotAllowed(_("You can only post on behalf of an organisation you administer."))


def post_opportunity(
    *, poster, title, kind, description, deadline, sectors=(), countries=(), organisation=None
) -> Opportunity:
    _check_deadline(deadline)
    _check_organisation(poster, organisation)
    with transaction.atomic():
        opportunity = Opportunity.objects.create(
            title=title,
            kind=kind,
            description=description,
            deadline=deadline,
            countries=list(countries),
            organisation=organisation,
            posted_by=poster,
        )
        opportunity.sectors.set(sectors)
    return opportunity


def update_opportunity(*, opportunity, editor, sectors=None, **fields) -> Opportunity:
    """The poster edits their opportunity. A new deadline must not be in the past."""
    unknown = set(fields) - set(OPPORTUNITY_FIELDS)
    if unknown:
        raise TypeError(f"unknown opportunity fields: {sorted(unknown)}")
    with transaction.atomic():
        opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
        if opportunity.posted_by_id != editor.pk:
            raise NotAllowed(_("Only the member who posted this opportunity can edit it."))
        if "deadline" in fields and fields["deadline"] != opportunity.deadline:
            _check_deadline(fields["deadline"])
        if "organisation" in fields and fields["organisation"] != opportunity.organisation:
            _check_organisation(editor, fields["organisation"])
        for field, value in fields.items():
            setattr(opportunity, field, value)
        opportunity.save(update_fields=[*fields, "updated_at"])
        if sectors is not None:
            opportunity.sectors.set(sectors)
    return opportunity


def delete_opportunity(*, opportunity, editor) -> None:
    if opportunity.posted_by_id != editor.pk:
        raise NotAllowed(_("Only the member who posted this opportunity can delete it."))
    opportunity.delete()


def remove_opportunities(*, opportunities) -> int:
    """Moderation: take opportunities off the marketplace; their posters still see them, marked as removed."""
    return opportunities.update(status=Opportunity.Status.REMOVED, updated_at=timezone.now())


def restore_opportunities(*, opportunities) -> int:
    """Moderation: publish removed opportunities again."""
    return opportunities.update(status=Opportunity.Status.PUBLISHED, updated_at=timezone.now())


def express_interest(*, member, opportunity, body) -> Message:
    """ "I'm interested": opens (or continues) the member's thread with the poster. Raises a DomainError when the
    opportunity is closed or the poster cannot be written to."""
    if opportunity.posted_by_id == member.pk:
        raise NotAllowed(_("This is your own opportunity."))
    if not opportunity.is_open:
        raise OpportunityClosed(_("This opportunity is closed: its deadline has passed."))
    return messaging.send_direct_message(
        sender=member, recipient=opportunity.posted_by, body=body, subject=opportunity.title
    )
