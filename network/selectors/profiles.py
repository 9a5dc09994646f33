"""Reads about a member's own profile: how complete it is, and what to fill in next."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from network.models import Profile


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
