"""The marketplace: posting, editing and removing opportunities, and answering one."""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from network.models import Message, Opportunity, Profile
from network.permissions import organisations_administered_by
from network.services import messaging

OPPORTUNITY_FIELDS = ["title", "kind", "description", "countries", "deadline", "organisation"]


class OpportunityError(Exception):
    """A rule refused the change; ``str(error)`` is a translated explanation for the member."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


class DeadlinePassed(OpportunityError):
    pass


class NotAllowed(OpportunityError):
    pass


class OpportunityClosed(OpportunityError):
    pass


def _check_deadline(deadline):
    if deadline < timezone.localdate():
        raise DeadlinePassed(_("The deadline must be today or later."))


def _check_organisation(poster, organisation):
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


def interest_message(opportunity) -> str:
    """The polite first sentence an answer starts from; the member edits it before sending."""
    return gettext(
        "Hello, I saw your opportunity “%(title)s” on DIMOBEL and I am interested. Could we talk about it?"
    ) % {"title": opportunity.title}


def express_interest(*, member, opportunity, body) -> Message:
    """ "I'm interested": opens (or continues) the member's thread with the poster.

    Raises OpportunityError, or messaging.MessagingError when the poster cannot be written to.
    """
    if opportunity.posted_by_id == member.pk:
        raise NotAllowed(_("This is your own opportunity."))
    if opportunity.status != Opportunity.Status.PUBLISHED or opportunity.deadline < timezone.localdate():
        raise OpportunityClosed(_("This opportunity is closed: its deadline has passed."))
    return messaging.send_direct_message(
        sender=member, recipient=opportunity.posted_by, body=body, subject=opportunity.title
    )


# Reads


def marketplace(viewer):
    """Published opportunities, with what a list row shows, in a constant number of queries."""
    return (
        Opportunity.objects.filter(status=Opportunity.Status.PUBLISHED)
        .select_related("posted_by", "organisation")
        .prefetch_related("sectors")
        .annotate(poster_visible=Exists(Profile.objects.visible_to(viewer).filter(user_id=OuterRef("posted_by_id"))))
    )


def poster_is_visible(viewer, opportunity) -> bool:
    return Profile.objects.visible_to(viewer).filter(user_id=opportunity.posted_by_id).exists()
