"""Organisations and their members: creating and editing them, join requests, roles and admins.

Every change to who administers an organisation locks the organisation row first, so two admins
stepping down at the same moment cannot leave it with none.
"""

from collections.abc import Iterator

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from dimobel import notify
from dimobel.errors import DomainError, NotAllowed
from dimobel.files import delete_replaced_files, file_names, replacing_files
from network.models import Membership, Organisation
from network.permissions import is_organisation_admin
from network.selectors.organisations import organisation_admins, other_admins
from network.services.search import refresh_organisation_search

# Words the URLs use next to organisation slugs ("organisations/new/").
RESERVED_SLUGS = {"new"}
ORGANISATION_FIELDS = ["name", "kind", "countries", "city", "size", "founded_year", "website", "description"]


class AlreadyMember(DomainError):
    pass


class LastAdmin(DomainError):
    pass


class RequestNotPending(DomainError):
    pass


# Organisations


def _slug_candidates(name) -> Iterator[str]:
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


def _save_with_unique_slug(organisation) -> Organisation:
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
        if not is_organisation_admin(editor, organisation):
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


def save_organisation_form(*, form, formsets=(), created_by=None) -> Organisation:
    """Organisers create or edit an organisation in the admin: the row, its sectors, its memberships (the inline
    formsets, which hold no files) and what the directory's search knows about it, in one transaction. A
    replaced or cleared logo is deleted once this commits."""
    with transaction.atomic(), replacing_files(form.instance):
        organisation = form.save(commit=False)
        if organisation.pk is None:
            organisation.created_by = created_by
        organisation.save()
        form.save_m2m()
        for formset in formsets:
            formset.save()
        refresh_organisation_search([organisation.pk])
    return organisation


def set_verified(*, organisations, verified: bool) -> int:
    """Organisers give (or take back) the "verified" badge, after checking who the organisation is."""
    return organisations.update(is_verified=verified, updated_at=timezone.now())


def set_published(*, organisations, published: bool) -> int:
    """Organisers publish or unpublish organisations: an unpublished one leaves the directory, and its page
    opens only for its admins and staff."""
    return organisations.update(is_published=published, updated_at=timezone.now())


# Members


def _lock(organisation) -> Organisation:
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


def request_to_join(*, organisation, member, role="", message="") -> Membership:
    """Ask to join: a pending membership, and an email to each of the organisation's admins."""
    with transaction.atomic():
        organisation = _lock(organisation)
        if not organisation.is_published:
            raise NotAllowed(_("This organisation does not accept requests at the moment."))
        membership = Membership.objects.filter(organisation=organisation, member=member).first()
        if membership is not None and membership.is_accepted:
            raise AlreadyMember(_("You are already a member of this organisation."))
        if membership is not None and membership.is_pending:
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
        for organisation_admin in organisation_admins(organisation):
            with notify.in_language_of(organisation_admin):
                members_url = notify.link("network:organisation_members", organisation.slug)
            notify.email_member(
                recipient=organisation_admin,
                template="network/organisation_join_request",
                context={
                    "organisation_name": organisation.name,
                    "requester_name": member.get_full_name() or member.email,
                    "role": role,
                    "message": message,
                    "members_url": members_url,
                },
                about=membership,
            )
    return membership


def decide_join_request(*, membership, admin, accept: bool) -> Membership:
    """An admin accepts or refuses a pending request; the requester is told either way."""
    with transaction.atomic():
        organisation = _lock(membership.organisation)
        if not is_organisation_admin(admin, organisation):
            raise NotAllowed(_("Only the organisation's admins can answer join requests."))
        membership = Membership.objects.select_related("member").get(pk=membership.pk)
        if not membership.is_pending:
            raise RequestNotPending(_("This request has already been answered."))
        membership.status = Membership.Status.ACCEPTED if accept else Membership.Status.REFUSED
        membership.decided_at = timezone.now()
        membership.decided_by = admin
        membership.save(update_fields=["status", "decided_at", "decided_by"])
        with notify.in_language_of(membership.member):
            organisation_url = notify.link("network:organisation_detail", organisation.slug)
        notify.email_member(
            recipient=membership.member,
            template=f"network/organisation_join_{'accepted' if accept else 'refused'}",
            context={
                "organisation_name": organisation.name,
                "member_name": membership.member.get_full_name(),
                "organisation_url": organisation_url,
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
        if membership.is_admin and not other_admins(organisation, member).exists():
            raise LastAdmin(_("You are the organisation's last admin. Make another member admin before you leave."))
        membership.delete()


def update_membership(*, membership, admin, role=None, is_admin=None) -> Membership:
    """An admin sets a member's role or title, or makes them admin (or not). Someone must stay admin."""
    with transaction.atomic():
        organisation = _lock(membership.organisation)
        if not is_organisation_admin(admin, organisation):
            raise NotAllowed(_("Only the organisation's admins can change its members."))
        membership = Membership.objects.get(pk=membership.pk)
        if not membership.is_accepted:
            raise RequestNotPending(_("Accept the request before changing this member."))
        update_fields = []
        if role is not None:
            membership.role = role
            update_fields.append("role")
        if is_admin is not None and is_admin != membership.is_admin:
            if not is_admin and not other_admins(organisation, membership.member).exists():
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
        if not is_organisation_admin(admin, organisation):
            raise NotAllowed(_("Only the organisation's admins can change its members."))
        membership = Membership.objects.get(pk=membership.pk)
        if membership.is_admin and not other_admins(organisation, membership.member).exists():
            raise LastAdmin(_("An organisation needs at least one admin. Make another member admin first."))
        membership.delete()
