"""A member's profile and account: creating, editing, and keeping the directory's search in step."""

from django.db import transaction

from dimobel.files import replacing_files
from network.models import Profile, User
from network.services.search import refresh_profile_search


def ensure_profile(*, user) -> Profile:
    """Every member has exactly one profile; it is created with the account (or on first use)."""
    profile, created = Profile.objects.get_or_create(user=user)
    if created:  # findable by name (and sorted by it) from the start
        refresh_profile_search([profile.pk])
        profile.refresh_from_db(fields=["search_vector", "search_name"])  # a later save() must not undo it
    return profile


def update_profile(*, profile, form) -> Profile:
    """Save a profile form (the member's own, or the organisers' in the admin), and refresh what the directory's
    search knows about it. A replaced or cleared photo is deleted once this commits."""
    with transaction.atomic(), replacing_files(form.instance):
        profile = form.save()
        refresh_profile_search([profile.pk])
    return profile


def update_account(*, user, form) -> User:
    """Save name and language; the directory searches and sorts by name, so its index follows."""
    with transaction.atomic():
        user = form.save()
        refresh_profile_search(list(Profile.objects.filter(user=user).values_list("pk", flat=True)))
    return user
