"""Organisations and their members: creating and editing them, join requests, roles and admins.

Every change to who administers an organisation locks the organisation row first, so two admins
stepping down at the same moment cannot leave it with none.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from dimobel.files import delete_replaced_files, file_names
from dimobel.mail import absolute_url, queue_mail
from network.models import Membership, Organisation, Profile
from network.search import refresh_organisation_search

# Words the URLs use next to organisation slugs ("organisations/new/").
RESERVED_SLUGS = {"new"}
ORGANISATION_FIELDS = ["name", "kind", "countries", "city", "size", "founded_year", "website", "description"]


class OrganisationError(Exception):
    """A rule refused the change; ``str(error)`` is a translated explanation for the member."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


class NotAllowed(OrganisationError):
    pass


class AlreadyMember(OrganisationError):
    pass


class LastAdmin(OrganisationError):
    pass


class RequestNotPending(OrganisationError):
    pass


# Organisations


def _slug_candidates(name):
    base = slugify(name)[:200].strip("-") or "organisation"
    if base in RESERVED_SLUGS:
        base = f"{base}-organisation"
    yield base
    taken = set(Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    number = 2
    while True:
        candidate = f"{base}-{number}"
        if candidate not in taken:
            yield candidate
        number += 1


def _save_with_unique_slug(organisation):
    """Give a new organisation a slug from its name; a concurrent twin makes us try the next number."""
    for candidate in _slug_candidates(organisation.name):
        if Organisation.objects.filter(slug=candidate).exists():
            continue
        organisation.slug = candidate
        try:
            with transaction.atomic():
                organisation.save()
        except IntegrityError:
            if Organisation.objects.filter(slug=candidate).exists():
                continue
            raise
        return organisation
    raise AssertionError("unreachable")  # pragma: no cover


def create_organisation(*, creator, name, kind, role="", sectors=(), logo=None, **fields) -> Organisation:
    """A member creates an organisation and becomes its first admin."""
    unknown = set(fields) - set(ORGANISATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown organisation fields: {sorted(unknown)}")
    with transaction.atomic():
        organisation = Organisation(name=name, kind=kind, created_by=creator, **fields)
        if logo:
            organisation.logo = logo
        _save_with_unique_slug(organisation)
        organisation.sectors.set(sectors)
        now = timezone.now()
        Membership.objects.create(
            organisation=organisation,
            member=creator,
            role=role,
            is_admin=True,
            status=Membership.Status.ACCEPTED,
            decided_at=now,
            decided_by=creator,
        )
        refresh_organisation_search([organisation.pk])
    return organisation


def update_organisation(*, organisation, editor, sectors=None, logo=None, **fields) -> Organisation:
    """An admin edits the organisation. ``logo``: None keeps it, False removes it, a file replaces it."""
    unknown = set(fields) - set(ORGANISATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown organisation fields: {sorted(unknown)}")
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if not _is_admin(organisation, editor):
            raise NotAllowed(_("Only the organisation's admins can edit it."))
        old_files = file_names(organisation)
        for field, value in fields.items():
            setattr(organisation, field, value)
        update_fields = [*fields, "updated_at"]
        if logo is False:
            organisation.logo = ""
            update_fields.append("logo")
        elif logo:
            organisation.logo = logo
            update_fields.append("logo")
        organisation.save(update_fields=update_fields)
        delete_replaced_files(organisation, old_files)
        if sectors is not None:
            organisation.sectors.set(sectors)
        refresh_organisation_search([organisation.pk])
    return organisation


# Members


def _is_admin(organisation, user) -> bool:
    return Membership.objects.filter(
        organisation=organisation, member=user, status=Membership.Status.ACCEPTED, is_admin=True
    ).exists()


def _other_admins(organisation, member):
    return (
        Membership.objects.filter(organisation=organisation, status=Membership.Status.ACCEPTED, is_admin=True)
        .exclude(member=member)
        .filter(member__is_active=True)
    )


def _lock(organisation) -> Organisation:
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


def _admin_emails(organisation):
    return list(
        Membership.objects.filter(
            organisation=organisation, status=Membership.Status.ACCEPTED, is_admin=True, member__is_active=True
        )
        .select_related("member")
        .values_list("member__email", "member__preferred_language")
    )


def _link(language, name, *args):
    """An absolute link in the recipient's language (the URLs carry the language prefix)."""
    with translation.override(language):
        return absolute_url(reverse(name, args=args))


def request_to_join(*, organisation, member, role="", message="") -> Membership:
    """Ask to join: a pending membership, and an email to each of the organisation's admins."""
    with transaction.atomic():
        organisation = _lock(organisation)
        if not organisation.is_published:
            raise NotAllowed(_("This organisation does not accept requests at the moment."))
        membership = Membership.objects.filter(organisation=organisation, member=member).first()
        if membership is not None and membership.status == Membership.Status.ACCEPTED:
            raise AlreadyMember(_("You are already a member of this organisation."))
        if membership is not None and membership.status == Membership.Status.PENDING:
            raise AlreadyMember(_("Your request to join this organisation is already waiting for an answer."))
        if membership is None:
            membership = Membership.objects.create(organisation=organisation, member=member, role=role)
        else:  # asking again after a refusal
            membership.status = Membership.Status.PENDING
            membership.role = role
            membership.is_admin = False
            membership.decided_at = None
            membership.decided_by = None
            membership.requested_at = timezone.now()
            membership.save(update_fields=["status", "role", "is_admin", "decided_at", "decided_by", "requested_at"])
        for email, language in _admin_emails(organisation):
            language = language or settings.LANGUAGE_CODE
            queue_mail(
                template_prefix="emails/network/organisation_join_request",
                to=email,
                language=language,
                context={
                    "organisation_name": organisation.name,
                    "requester_name": member.get_full_name() or member.email,
                    "role": role,
                    "message": message,
                    "members_url": _link(language, "network:organisation_members", organisation.slug),
                },
                about=membership,
            )
    return membership


def decide_join_request(*, membership, admin, accept: bool) -> Membership:
    """An admin accepts or refuses a pending request; the requester is told either way."""
    with transaction.atomic():
        organisation = _lock(membership.organisation)
        if not _is_admin(organisation, admin):
            raise NotAllowed(_("Only the organisation's admins can answer join requests."))
        membership = Membership.objects.select_related("member").get(pk=membership.pk)
        if membership.status != Membership.Status.PENDING:
            raise RequestNotPending(_("This request has already been answered."))
        membership.status = Membership.Status.ACCEPTED if accept else Membership.Status.REFUSED
        membership.decided_at = timezone.now()
        membership.decided_by = admin
        membership.save(update_fields=["status", "decided_at", "decided_by"])
        language = membership.member.preferred_language or settings.LANGUAGE_CODE
        queue_mail(
            template_prefix=f"emails/network/organisation_join_{'accepted' if accept else 'refused'}",
            to=membership.member,
            language=language,
            context={
                "organisation_name": organisation.name,
                "member_name": membership.member.get_full_name(),
                "organisation_url": _link(language, "network:organisation_detail", organisation.slug),
            },
            about=membership,
        )
    return membership


def leave_organisation(*, organisation, member) -> None:
    """A member leaves (or withdraws a pending request). The last admin has to hand over first."""
    with transaction.atomic():
        organisation = _lock(organisation)
        membership = Membership.objects.filter(organisation=organisation, member=member).first()
        if membership is None or membership.status == Membership.Status.REFUSED:
            raise NotAllowed(_("You are not a member of this organisation."))
        if membership.is_admin and not _other_admins(organisation, member).exists():
            raise LastAdmin(_("You are the organisation's last admin. Make another member admin before you leave."))
        membership.delete()


def update_membership(*, membership, admin, role=None, is_admin=None) -> Membership:
    """An admin sets a member's role or title, or makes them admin (or not). Someone must stay admin."""
    with transaction.atomic():
        organisation = _lock(membership.organisation)
        if not _is_admin(organisation, admin):
            raise NotAllowed(_("Only the organisation's admins can change its members."))
        membership = Membership.objects.get(pk=membership.pk)
        if membership.status != Membership.Status.ACCEPTED:
            raise RequestNotPending(_("Accept the request before changing this member."))
        update_fields = []
        if role is not None:
            membership.role = role
            update_fields.append("role")
        if is_admin is not None and is_admin != membership.is_admin:
            if not is_admin and not _other_admins(organisation, membership.member).exists():
                raise LastAdmin(_("An organisation needs at least one admin. Make another member admin first."))
            membership.is_admin = is_admin
            update_fields.append("is_admin")
        if update_fields:
            membership.save(update_fields=update_fields)
    return membership


def remove_member(*, membership, admin) -> None:
    """An admin removes a member from the organisation (never the last admin)."""
    with transaction.atomic():
        organisation = _lock(membership.organisation)
        if not _is_admin(organisation, admin):
            raise NotAllowed(_("Only the organisation's admins can change its members."))
        membership = Membership.objects.get(pk=membership.pk)
        if membership.is_admin and not _other_admins(organisation, membership.member).exists():
            raise LastAdmin(_("An organisation needs at least one admin. Make another member admin first."))
        membership.delete()


# Reads


def visible_members(organisation, viewer):
    """The organisation's accepted members whose profile the viewer may see, admins first."""
    return (
        Membership.objects.filter(
            organisation=organisation,
            status=Membership.Status.ACCEPTED,
            member__profile__in=Profile.objects.visible_to(viewer),
        )
        .select_related("member", "member__profile")
        .order_by("-is_admin", "member__first_name", "member__last_name", "pk")
    )


def membership_of(organisation, user):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(organisation=organisation, member=user).first()


def pending_requests(organisation):
    return (
        Membership.objects.filter(organisation=organisation, status=Membership.Status.PENDING)
        .select_related("member", "member__profile")
        .order_by("requested_at", "pk")
    )


def accepted_members(organisation):
    """Every accepted member, for the admins' members page (they manage them all, whatever their profile)."""
    return (
        Membership.objects.filter(organisation=organisation, status=Membership.Status.ACCEPTED)
        .select_related("member", "member__profile")
        .order_by("-is_admin", "member__first_name", "member__last_name", "pk")
    )


def memberships_of_member(member):
    """A member's organisations and requests, with the number of requests waiting where they are admin."""
    return (
        Membership.objects.filter(member=member)
        .select_related("organisation", "organisation__kind")
        .annotate(
            waiting=Count(
                "organisation__memberships",
                filter=Q(organisation__memberships__status=Membership.Status.PENDING),
            )
        )
        .order_by("status", "organisation__name")
    )
