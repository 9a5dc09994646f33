"""Reads about organisations and their members: who runs them, who is in them, what a member belongs to."""

from django.db.models import Count, Q, QuerySet

from network.models import Membership, Organisation, Profile, User


def organisation_admins(organisation) -> QuerySet[User]:
    """The active members who administer the organisation (they answer its requests and its messages)."""
    return User.objects.filter(
        is_active=True, pk__in=Membership.objects.admins().filter(organisation=organisation).values("member")
    )


def other_admins(organisation, member) -> QuerySet[Membership]:
    """The organisation's admin memberships besides this member's, of active members: someone to hand over to."""
    return Membership.objects.admins().filter(organisation=organisation, member__is_active=True).exclude(member=member)


def visible_members(organisation, viewer) -> QuerySet[Membership]:
    """The organisation's accepted members whose profile the viewer may see, admins first."""
    return (
        Membership.objects.accepted()
        .filter(organisation=organisation, member__profile__in=Profile.objects.visible_to(viewer))
        .select_related("member", "member__profile")
        .order_by("-is_admin", "member__first_name", "member__last_name", "pk")
    )


def membership_of(organisation, user) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(organisation=organisation, member=user).first()


def pending_requests(organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.pending()
        .filter(organisation=organisation)
        .select_related("member", "member__profile")
        .order_by("requested_at", "pk")
    )


def accepted_members(organisation) -> QuerySet[Membership]:
    """Every accepted member, for the admins' members page (they manage them all, whatever their profile)."""
    return (
        Membership.objects.accepted()
        .filter(organisation=organisation)
        .select_related("member", "member__profile")
        .order_by("-is_admin", "member__first_name", "member__last_name", "pk")
    )


def memberships_of_member(member) -> QuerySet[Membership]:
    """A member's organisations and requests, with the number of requests waiting where they are admin."""
    return (
        Membership.objects.filter(member=member)
        .select_related("organisation", "organisation__kind")
        .annotate(
            waiting=Count(
                "organisation__memberships",
                filter=Q(organisation__memberships__status=Membership.Status.PENDING),
            )
        )
        .order_by("status", "organisation__name")
    )


def public_memberships(user) -> QuerySet[Membership]:
    """The organisations a member belongs to, as shown on their profile: accepted, published ones."""
    return (
        Membership.objects.accepted()
        .filter(member=user, organisation__in=Organisation.objects.listed())
        .select_related("organisation")
        .order_by("organisation__name")
    )
