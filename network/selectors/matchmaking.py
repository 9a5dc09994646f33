"""Suggested contacts: members whose offers meet my needs, and the reverse.

A selector, not a model: scores are computed in one query from the offers/needs taxonomy, weighted by
shared sectors and by the Belgium↔Morocco corridor, then explained in words.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Case, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from network.models import Block, Participant, Profile, Thread

OFFER_NEED_WEIGHT = 3
SECTOR_WEIGHT = 1
CORRIDOR_WEIGHT = 2
CORRIDOR = {"BE": "MA", "MA": "BE"}
RANKING_SIZE = 50  # more than shown, so live exclusions (a new block, a new contact) still leave enough
RANKING_CACHE_SECONDS = 600


@dataclass(frozen=True)
class Suggestion:
    profile: Profile
    score: int
    reasons: list[str]


def _excluded_user_ids(user) -> set[int]:
    """Blocked either way, and anyone already in a direct conversation with the member."""
    blocked = set(Block.objects.filter(blocker=user).values_list("blocked_id", flat=True))
    blocked |= set(Block.objects.filter(blocked=user).values_list("blocker_id", flat=True))
    my_threads = Thread.objects.filter(kind=Thread.Kind.DIRECT, participants__member=user)
    contacted = set(
        Participant.objects.filter(thread__in=my_threads).exclude(member=user).values_list("member_id", flat=True)
    )
    return blocked | contacted | {user.pk}


def _links(through, term_field, term_ids) -> QuerySet:
    return through.objects.filter(**{f"{term_field}__in": term_ids}).values("profile_id")


def _count(through, term_field, term_ids) -> Coalesce:
    """How many of ``term_ids`` a profile has in one of its M2M lists."""
    counted = (
        through.objects.filter(profile_id=OuterRef("pk"), **{f"{term_field}__in": term_ids})
        .order_by()
        .values("profile_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _matchable_profile(user) -> Profile | None:
    """The member's profile with ``term_ids`` (offers, needs, sectors as sets of ids), or None when they have no
    profile or neither offers nor needs anything: nothing to match on."""
    me = Profile.objects.filter(user=user).prefetch_related("offers", "needs", "sectors").first()
    if me is None:
        return None
    me.term_ids = tuple({term.pk for term in terms.all()} for terms in (me.offers, me.needs, me.sectors))
    offers, needs, _sectors = me.term_ids
    return me if offers or needs else None


def suggested_contacts(user, *, limit=6) -> list[Suggestion]:
    me = _matchable_profile(user)
    if me is None:
        return []
    my_offers, my_needs, my_sectors = me.term_ids
    excluded = _excluded_user_ids(user)
    # Scoring reads every matching profile, so the ranking is cached briefly per member (and per version
    # of their profile); who is listed is still checked live below: visibility, blocks, contacts.
    key = f"matchmaking:{user.pk}:{me.updated_at.timestamp()}"
    ranking = cache.get(key)
    if ranking is None:
        ranking = _ranking(me, my_offers, my_needs, my_sectors, excluded)
        cache.set(key, ranking, RANKING_CACHE_SECONDS)
    scores = dict(ranking)
    profiles = (
        Profile.objects.listed_to_members()
        .filter(pk__in=scores)
        .exclude(user_id__in=excluded)
        .select_related("user")
        .prefetch_related("offers", "needs", "sectors")
    )
    order = {pk: position for position, (pk, _score) in enumerate(ranking)}
    chosen = sorted(profiles, key=lambda p: order[p.pk])[:limit]
    return [
        Suggestion(profile=p, score=scores[p.pk], reasons=explain(me, p, my_offers, my_needs, my_sectors))
        for p in chosen
    ]


def suggested_among(user, user_ids, *, limit=6) -> list[Suggestion]:
    """Suggestions limited to the members ``user_ids`` (a list or a values() queryset), e.g. the other
    participants of an event's B2B meetings. Blocks and hidden profiles are left out as above, but members the
    user already writes to are kept: meeting them in person is still worth it. Not cached, since the set varies."""
    me = _matchable_profile(user)
    if me is None:
        return []
    my_offers, my_needs, my_sectors = me.term_ids
    blocked = Block.objects.filter(Q(blocker=user) | Q(blocked=user)).values_list("blocker_id", "blocked_id")
    excluded = {user_id for pair in blocked for user_id in pair} | {user.pk}
    ranking = _ranking(me, my_offers, my_needs, my_sectors, excluded, size=limit, among=user_ids)
    scores = dict(ranking)
    profiles = (
        Profile.objects.filter(pk__in=scores).select_related("user").prefetch_related("offers", "needs", "sectors")
    )
    order = {pk: position for position, (pk, _score) in enumerate(ranking)}
    return [
        Suggestion(profile=p, score=scores[p.pk], reasons=explain(me, p, my_offers, my_needs, my_sectors))
        for p in sorted(profiles, key=lambda p: order[p.pk])
    ]


def _ranking(me, my_offers, my_needs, my_sectors, excluded, size=RANKING_SIZE, among=None) -> list[tuple[int, int]]:
    """The best-scored (profile id, score) pairs for this member (among some members only, if given)."""
    partner_country = CORRIDOR.get(me.country.code if me.country else "")
    # Only profiles with an offer I need or a need I offer are scored; each count is a small subquery on
    # the indexed M2M tables, rather than one join of offers × needs × sectors over every profile.
    matching = Q(pk__in=_links(Profile.offers.through, "helptype_id", my_needs)) | Q(
        pk__in=_links(Profile.needs.through, "helptype_id", my_offers)
    )
    ranked = (
        Profile.objects.listed_to_members()  # what a member may find; their own profile is in ``excluded``
        .filter(matching)
        .exclude(user_id__in=excluded)
        .filter(Q() if among is None else Q(user_id__in=among))
        .annotate(
            score=OFFER_NEED_WEIGHT
            * (
                _count(Profile.offers.through, "helptype_id", my_needs)
                + _count(Profile.needs.through, "helptype_id", my_offers)
            )
            + SECTOR_WEIGHT * _count(Profile.sectors.through, "sector_id", my_sectors)
            + Case(
                When(country=partner_country or "", then=Value(CORRIDOR_WEIGHT)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("-score", "user__last_name", "user__first_name")
        .values_list("pk", "score")[:size]
    )
    return list(ranked)


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


@dataclass(frozen=True)
class NeedsMatch:
    """How one member's profile answers a set of needs: the score, and the terms behind it."""

    user_id: int
    score: int
    offers: list  # the HelpType terms they offer among the needs
    sectors: list  # the Sector terms they share


def answers_to_needs(*, need_ids, sector_ids, user_ids) -> dict[int, NeedsMatch]:
    """Score some members (``user_ids``) against needs that are not a member's own, e.g. a consortium project's
    open needs and sectors, with the weights of ``suggested_contacts``: OFFER_NEED_WEIGHT for each need they
    offer, SECTOR_WEIGHT for each shared sector. Keyed by user id; members without a profile or without any
    match are left out. Profile visibility is not checked: the caller chose the members, and only ranks them."""
    need_ids, sector_ids = set(need_ids), set(sector_ids)
    if not need_ids and not sector_ids:
        return {}
    profiles = Profile.objects.filter(user_id__in=user_ids, user__is_active=True).prefetch_related("offers", "sectors")
    matches = {}
    for profile in profiles:
        offers = [term for term in profile.offers.all() if term.pk in need_ids]
        sectors = [term for term in profile.sectors.all() if term.pk in sector_ids]
        score = OFFER_NEED_WEIGHT * len(offers) + SECTOR_WEIGHT * len(sectors)
        if score:
            matches[profile.user_id] = NeedsMatch(profile.user_id, score, offers, sectors)
    return matches
