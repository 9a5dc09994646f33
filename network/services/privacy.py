"""GDPR: a member's data as JSON, and deleting an account while keeping others' conversations whole."""

from django.contrib.auth import logout
from django.db import transaction

from dimobel.files import delete_files_of
from network.models import Membership, Message, Opportunity, Participant, Profile, User


def export_member_data(*, user) -> dict:
    """Everything the platform holds about the member, in one JSON-ready dictionary."""
    profile = Profile.objects.filter(user=user).prefetch_related("sectors", "offers", "needs").first()
    memberships = Membership.objects.filter(member=user).select_related("organisation")
    threads = Participant.objects.filter(member=user).values_list("thread_id", flat=True)
    messages = (
        Message.objects.filter(thread_id__in=threads).select_related("sender").order_by("thread_id", "created_at")
    )
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "terms_version": user.terms_version,
            "privacy_version": user.privacy_version,
            "consented_at": user.consented_at.isoformat() if user.consented_at else None,
        },
        "profile": _profile_data(profile),
        "organisations": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "admin": m.is_admin,
                "status": m.status,
                "requested_at": m.requested_at.isoformat(),
            }
            for m in memberships
        ],
        "messages": [
            {
                "thread": m.thread_id,
                "from_me": m.sender_id == user.pk,
                "sender": str(m.sender) if m.sender else None,
                "sent_at": m.created_at.isoformat(),
                "body": m.body,
            }
            for m in messages
        ],
        "opportunities": [
            {"title": o.title, "kind": o.kind, "deadline": o.deadline.isoformat(), "description": o.description}
            for o in Opportunity.objects.filter(posted_by=user)
        ],
    }


def _profile_data(profile):
    if profile is None:
        return None
    return {
        "headline": profile.headline,
        "bio": profile.bio,
        "country": profile.country.code if profile.country else "",
        "city": profile.city,
        "languages": profile.languages,
        "expertise": profile.expertise,
        "website": profile.website,
        "linkedin": profile.linkedin,
        "sectors": [term.name_fr for term in profile.sectors.all()],
        "offers": [term.name_fr for term in profile.offers.all()],
        "needs": [term.name_fr for term in profile.needs.all()],
        "visibility": profile.visibility,
        "messaging": profile.messaging,
    }


def delete_account(*, request, user: User) -> None:
    """Remove the member: profile, memberships and account go; their messages stay, signed "former member"."""
    with transaction.atomic():
        delete_files_of(user)  # the photo (and any file of a row that goes with the account), after the commit
        Membership.objects.filter(member=user).delete()
        Profile.objects.filter(user=user).delete()
        user.delete()  # Message.sender is SET_NULL: the other person's thread stays whole
    logout(request)
