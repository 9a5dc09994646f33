"""Who may see or do what with organisations and opportunities, one function per rule.

The ``get_*`` helpers are the access helpers views call on their first line: they look the object up
scoped to the user and raise 404 for anyone who may not see it, so outsiders learn nothing.
"""

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from network.models import Membership, Opportunity, Organisation

# Organisations


def is_organisation_admin(user, organisation) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        organisation=organisation, member=user, status=Membership.Status.ACCEPTED, is_admin=True
    ).exists()


def can_see_organisation(user, organisation) -> bool:
    """Published organisations are public; unpublished ones only to staff and the organisation's admins."""
    if organisation.is_published:
        return True
    return user.is_authenticated and (user.is_staff or is_organisation_admin(user, organisation))


def can_edit_organisation(user, organisation) -> bool:
    return is_organisation_admin(user, organisation)


def can_manage_members(user, organisation) -> bool:
    return is_organisation_admin(user, organisation)


def can_see_organisation_members(user) -> bool:
    """The member list is for logged-in members; anonymous visitors see limited fields."""
    return user.is_authenticated


def can_ask_to_join(user, organisation) -> bool:
    return user.is_authenticated and organisation.is_published


def can_contact_organisation(user, organisation) -> bool:
    return user.is_authenticated and organisation.is_published


def organisations_administered_by(user):
    """The organisations a member may act for (post opportunities on behalf of, manage)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__member=user, memberships__status=Membership.Status.ACCEPTED, memberships__is_admin=True
    )


def get_organisation_for_viewer(user, slug) -> Organisation:
    """The organisation page's object, or 404 when it is unpublished and the viewer is not staff or its admin."""
    organisation = Organisation.objects.select_related("kind").prefetch_related("sectors").filter(slug=slug).first()
    if organisation is None or not can_see_organisation(user, organisation):
        raise Http404
    return organisation


def get_organisation_for_admin(user, slug) -> Organisation:
    """An organisation the user administers, or 404 for anyone else (staff use the Django admin)."""
    organisation = organisations_administered_by(user).select_related("kind").filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


def get_published_organisation(slug) -> Organisation:
    organisation = Organisation.objects.listed().filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


# Opportunities


def can_see_opportunity(user, opportunity) -> bool:
    """Published ones (open or closed) are public; removed ones only to staff and the poster."""
    if opportunity.status == Opportunity.Status.PUBLISHED:
        return True
    return user.is_authenticated and (user.is_staff or opportunity.posted_by_id == user.pk)


def can_edit_opportunity(user, opportunity) -> bool:
    return user.is_authenticated and opportunity.posted_by_id == user.pk


def can_express_interest(user, opportunity) -> bool:
    return (
        user.is_authenticated
        and opportunity.posted_by_id != user.pk
        and opportunity.status == Opportunity.Status.PUBLISHED
        and not is_closed(opportunity)
    )


def is_closed(opportunity) -> bool:
    return opportunity.deadline < timezone.localdate()


def get_opportunity_for_viewer(user, pk) -> Opportunity:
    opportunities = Opportunity.objects.select_related("posted_by", "organisation").prefetch_related("sectors")
    if user.is_authenticated and user.is_staff:
        visible = opportunities
    elif user.is_authenticated:
        visible = opportunities.filter(Q(status=Opportunity.Status.PUBLISHED) | Q(posted_by=user))
    else:
        visible = opportunities.filter(status=Opportunity.Status.PUBLISHED)
    opportunity = visible.filter(pk=pk).first()
    if opportunity is None:
        raise Http404
    return opportunity


def get_opportunity_for_poster(user, pk) -> Opportunity:
    """An opportunity the user posted (to edit or delete it), or 404 for anyone else."""
    if not user.is_authenticated:
        raise Http404
    opportunity = Opportunity.objects.select_related("organisation").filter(pk=pk, posted_by=user).first()
    if opportunity is None:
        raise Http404
    return opportunity
