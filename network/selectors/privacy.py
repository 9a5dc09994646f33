"""Reads for the member's privacy rights: everything the platform holds about them, as JSON."""

from network.models import Membership, Message, Opportunity, Participant, Profile


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


def _profile_data(profile) -> dict | None:
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
