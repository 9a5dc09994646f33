"""Reads about the marketplace: the list, whether a poster may be named, and the first words of an answer."""

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext

from network.models import Opportunity, Profile


def marketplace(viewer) -> QuerySet[Opportunity]:
    """Published opportunities, with what a list row shows, in a constant number of queries."""
    return (
        Opportunity.objects.published()
        .select_related("posted_by", "organisation")
        .prefetch_related("sectors")
        .annotate(poster_visible=Exists(Profile.objects.visible_to(viewer).filter(user_id=OuterRef("posted_by_id"))))
    )


def open_opportunities_of(organisation, *, limit=5) -> QuerySet[Opportunity]:
    """What an organisation's page shows of the marketplace: its open opportunities, closing soonest first."""
    return Opportunity.objects.open().filter(organisation=organisation).order_by("deadline")[:limit]


def poster_is_visible(viewer, opportunity) -> bool:
    return Profile.objects.visible_to(viewer).filter(user_id=opportunity.posted_by_id).exists()


def interest_message(opportunity) -> str:
    """The polite first sentence an answer starts from; the member edits it before sending."""
    return gettext(
        "Hello, I saw your opportunity “%(title)s” on DIMOBEL and I am interested. Could we talk about it?"
    ) % {"title": opportunity.title}
