"""Suggested contacts: members whose offers meet my needs, and the reverse.

A selector, not a model: scores are computed in one query from the offers/needs taxonomy, weighted by
shared sectors and by the Belgium↔Morocco corridor, then explained in words.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

from network.models import Block, Participant, Profile, Thread

OFFER_NEED_WEIGHT = 3
SECTOR_WEIGHT = 1
CORRIDOR_WEIGHT = 2
CORRIDOR = {"BE": "MA", "MA": "BE"}


@dataclass(frozen=True)
class Suggestion:
    profile: Profile
    score: int
    reasons: list[str]


def _excluded_user_ids(user):
    """Blocked either way, and anyone already in a direct conversation with the member."""
    blocked = set(Block.objects.filter(blocker=user).values_list("blocked_id", flat=True))
    blocked |= set(Block.objects.filter(blocked=user).values_list("blocker_id", flat=True))
    my_threads = Thread.objects.filter(kind=Thread.Kind.DIRECT, participants__member=user)
    contacted = set(
        Participant.objects.filter(thread__in=my_threads).exclude(member=user).values_list("member_id", flat=True)
    )
    return blocked | contacted | {user.pk}


def suggested_contacts(user, *, limit=6) -> list[Suggestion]:
    me = Profile.objects.filter(user=user).prefetch_related("offers", "needs", "sectors").first()
    if me is None:
        return []
    my_offers = {term.pk for term in me.offers.all()}
    my_needs = {term.pk for term in me.needs.all()}
    my_sectors = {term.pk for term in me.sectors.all()}
    if not my_offers and not my_needs:
        return []
    partner_country = CORRIDOR.get(me.country.code if me.country else "")
    candidates = (
        Profile.objects.visible_to(user)
        .exclude(visibility=Profile.Visibility.HIDDEN)
        .exclude(user_id__in=_excluded_user_ids(user))
        .annotate(
            offers_match=Count("offers", filter=Q(offers__in=my_needs), distinct=True),
            needs_match=Count("needs", filter=Q(needs__in=my_offers), distinct=True),
            shared_sectors=Count("sectors", filter=Q(sectors__in=my_sectors), distinct=True),
            corridor=Case(
                When(country=partner_country or "", then=Value(CORRIDOR_WEIGHT)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .filter(Q(offers_match__gt=0) | Q(needs_match__gt=0))
        .annotate(
            score=OFFER_NEED_WEIGHT * (F("offers_match") + F("needs_match"))
            + SECTOR_WEIGHT * F("shared_sectors")
            + F("corridor")
        )
        .select_related("user")
        .prefetch_related("offers", "needs", "sectors")
        .order_by("-score", "user__last_name", "user__first_name")[:limit]
    )
    return [
        Suggestion(profile=p, score=p.score, reasons=explain(me, p, my_offers, my_needs, my_sectors))
        for p in candidates
    ]


def explain(me, other, my_offers, my_needs, my_sectors) -> list[str]:
    reasons = []
    for term in other.offers.all():
        if term.pk in my_needs:
            reasons.append(_("Offers %(help)s, which you are looking for") % {"help": term.name.lower()})
    for term in other.needs.all():
        if term.pk in my_offers:
            reasons.append(_("Looks for %(help)s, which you offer") % {"help": term.name.lower()})
    shared = [term.name for term in other.sectors.all() if term.pk in my_sectors]
    if shared:
        reasons.append(_("Also works in %(sectors)s") % {"sectors": ", ".join(shared)})
    if me.country and other.country and CORRIDOR.get(me.country.code) == other.country.code:
        reasons.append(_("Based in %(country)s, across the Belgium–Morocco corridor") % {"country": other.country.name})
    return reasons


def reasons_to_connect(viewer, profile) -> list[str]:
    """Why the viewer and this member might talk (shown on the member's profile page)."""
    me = Profile.objects.filter(user=viewer).prefetch_related("offers", "needs", "sectors").first()
    if me is None or me.pk == profile.pk:
        return []
    return explain(
        me,
        profile,
        {term.pk for term in me.offers.all()},
        {term.pk for term in me.needs.all()},
        {term.pk for term in me.sectors.all()},
    )
