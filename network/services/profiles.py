from network.models import Profile


def ensure_profile(*, user) -> Profile:
    """Every member has exactly one profile; it is created with the account (or on first use)."""
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile
