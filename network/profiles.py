"""Reads about profiles: access for a viewer, and how complete a profile is."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from network.models import Membership, Profile


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


@dataclass(frozen=True)
class Completeness:
    percent: int
    next_step: str  # empty when the profile is complete


# Each step: (is it done?, what to ask for next). The order is the order we guide a new member in.
STEPS = [
    (lambda p: bool(p.headline), _("Add a headline that says what you do.")),
    (lambda p: bool(p.country and p.city), _("Say where you live (country and city).")),
    (lambda p: p.sectors.exists(), _("Choose your sectors.")),
    (lambda p: p.offers.exists(), _("Add what you offer.")),
    (lambda p: p.needs.exists(), _("Add what you are looking for.")),
    (lambda p: bool(p.bio), _("Write a few lines about yourself.")),
    (lambda p: bool(p.languages), _("List the languages you speak.")),
    (lambda p: bool(p.expertise), _("Add a few expertise keywords.")),
]


def completeness(profile: Profile) -> Completeness:
    done = [check(profile) for check, _message in STEPS]
    next_step = next((str(message) for (check, message), ok in zip(STEPS, done, strict=True) if not ok), "")
    return Completeness(percent=round(100 * sum(done) / len(STEPS)), next_step=next_step)


def public_memberships(user):
    """The organisations a member belongs to, as shown on their profile: accepted, published ones."""
    return (
        Membership.objects.filter(member=user, status=Membership.Status.ACCEPTED, organisation__is_published=True)
        .select_related("organisation")
        .order_by("organisation__name")
    )
