"""Reads of the consortium's members for the public pages: who they are, what they offer, and their experts."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, QuerySet
from django.utils.translation import get_language

from consortium.models import AssistanceService, ConsortiumMember
from network.models import Profile


def services_by_name(request=None) -> QuerySet[AssistanceService]:
    """The services sorted by their name in the current language (``request``: django-filter passes it)."""
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return AssistanceService.objects.order_by(f"name_{language}", "pk")


def active_members(viewer) -> QuerySet[ConsortiumMember]:
    """Active members whose organisation is published, with their services and the experts whose directory
    profile the viewer may see (the others are left out rather than named without their consent)."""
    visible_experts = (
        get_user_model()
        .objects.filter(is_active=True, pk__in=Profile.objects.visible_to(viewer).values("user_id"))
        .order_by("last_name", "first_name", "pk")
    )
    return (
        ConsortiumMember.objects.listed()
        .select_related("organisation", "organisation__kind")
        .prefetch_related(
            Prefetch("services", queryset=services_by_name()),
            Prefetch("experts", queryset=visible_experts, to_attr="visible_experts"),
        )
        .order_by("organisation__name", "pk")
    )


def member_count() -> int:
    return ConsortiumMember.objects.listed().count()
