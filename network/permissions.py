"""Who may see or do what in the network, one function per rule.

The ``get_*`` helpers are the access helpers views call on their first line: they look the object up
scoped to the user and raise 404 for anyone who may not see it, so outsiders learn nothing. Where a helper lets
someone in as staff rather than as a member (an unpublished organisation, a removed opportunity), they need
two-factor authentication (``staff_access``); members keep it optional.
"""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404

from dimobel.mfa import require_mfa
from network.models import Membership, Message, Opportunity, Organisation, Participant, Profile, Thread, User


def staff_access(user) -> bool:
    """Staff open what members may not (unpublished organisations, removed opportunities) only with two-factor
    authentication; ``dimobel.mfa.MFARequired`` sends them to set it up."""
    if not (user.is_authenticated and user.is_staff):
        return False
    require_mfa(user)
    return True


# Profiles


def get_profile_for_viewer(viewer, user_id) -> Profile:
    """The profile a viewer asked for, or 404 when it is hidden from them (or does not exist)."""
    profile = (
        Profile.objects.visible_to(viewer)
        .select_related("user")
        .prefetch_related("sectors", "offers", "needs")
        .filter(user_id=user_id)
        .first()
    )
    if profile is None:
        raise Http404
    return profile


# Messaging


def get_thread_for_member(user, thread_id) -> Thread:
    """The thread, if the member takes part in it; 404 otherwise (outsiders learn nothing)."""
    if not user.is_authenticated:
        raise Http404
    thread = (
        Thread.objects.filter(pk=thread_id, participants__member=user)
        .select_related("organisation", "started_by")
        .prefetch_related(
            Prefetch("participants", queryset=Participant.objects.select_related("member").order_by("joined_at"))
        )
        .first()
    )
    if thread is None:
        raise Http404
    return thread


def get_message_for_member(user, message_id) -> Message:
    """A message from one of the member's threads, or 404."""
    message = (
        Message.objects.filter(pk=message_id, thread__participants__member=user)
        .select_related("sender", "thread")
        .first()
    )
    if message is None:
        raise Http404
    return message


def get_member_for_blocking(user, member_id) -> User:
    """A member the user may block: one whose profile they can see, or one they share a thread with."""
    member = (
        User.objects.filter(pk=member_id)
        .exclude(pk=user.pk)
        .filter(
            Exists(Profile.objects.visible_to(user).filter(user=OuterRef("pk")))
            | Exists(
                Participant.objects.filter(
                    member=OuterRef("pk"),
                    thread__in=Participant.objects.filter(member=user).values("thread"),
                )
            )
        )
        .first()
    )
    if member is None:
        raise Http404
    return member


# Organisations


def is_organisation_admin(user, organisation) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.admins().filter(organisation=organisation, member=user).exists()


def can_see_organisation(user, organisation) -> bool:
    """Published organisations are public; unpublished ones only to the organisation's admins and staff
    (``Membership.opens_organisation_page`` is this rule for a member's own membership)."""
    if organisation.is_published:
        return True
    return is_organisation_admin(user, organisation) or staff_access(user)


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


def organisations_administered_by(user) -> QuerySet[Organisation]:
    """The organisations a member may act for (post opportunities on behalf of, manage)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(pk__in=Membership.objects.admins().filter(member=user).values("organisation"))


def get_organisation_for_viewer(user, slug) -> Organisation:
    """The organisation page's object, or 404 when it is unpublished and the viewer is not its admin or staff."""
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
    """Published ones (open or closed) are public; removed ones only to their poster and staff."""
    if not opportunity.is_removed:
        return True
    return (user.is_authenticated and opportunity.posted_by_id == user.pk) or staff_access(user)


def can_edit_opportunity(user, opportunity) -> bool:
    return user.is_authenticated and opportunity.posted_by_id == user.pk


def can_express_interest(user, opportunity) -> bool:
    return user.is_authenticated and opportunity.posted_by_id != user.pk and opportunity.is_open


def get_opportunity_for_viewer(user, pk) -> Opportunity:
    opportunity = (
        Opportunity.objects.select_related("posted_by", "organisation")
        .prefetch_related("sectors")
        .filter(pk=pk)
        .first()
    )
    if opportunity is None or not can_see_opportunity(user, opportunity):
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
