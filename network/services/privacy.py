"""GDPR: deleting an account while keeping others' conversations whole (the export is
network.selectors.privacy)."""

from django.contrib.auth import logout
from django.db import transaction

from dimobel.files import delete_files_of
from network.models import Membership, Profile, User


def delete_account(*, request, user: User) -> None:
    """Remove the member: profile, memberships and account go; their messages stay, signed "former member"."""
    with transaction.atomic():
        delete_files_of(user)  # the photo (and any file of a row that goes with the account), after the commit
        Membership.objects.filter(member=user).delete()
        Profile.objects.filter(user=user).delete()
        user.delete()  # Message.sender is SET_NULL: the other person's thread stays whole
    logout(request)
