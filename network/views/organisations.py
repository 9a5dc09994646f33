"""Organisation pages: the page itself, creating and editing, join requests, members, contact."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from dimobel.countries import country_names
from dimobel.errors import DomainError
from dimobel.forms import chosen_row_or_404
from network import permissions
from network.forms.organisations import (
    ContactOrganisationForm,
    JoinRequestForm,
    MembershipForm,
    OrganisationCreateForm,
    OrganisationForm,
)
from network.models import Organisation
from network.selectors import organisations as selectors
from network.selectors.opportunities import open_opportunities_of
from network.services import messaging
from network.services import organisations as services


def organisation_detail(request, slug):
    organisation = permissions.get_organisation_for_viewer(request.user, slug)
    is_admin = permissions.is_organisation_admin(request.user, organisation)
    context = {
        "organisation": organisation,
        "membership": selectors.membership_of(organisation, request.user),
        "is_admin": is_admin,
        "can_contact": permissions.can_contact_organisation(request.user, organisation),
        "countries": country_names(organisation.countries),
        "opportunities": open_opportunities_of(organisation),
    }
    if permissions.can_see_organisation_members(request.user):
        context["show_members"] = True
        context["members"] = selectors.visible_members(organisation, request.user)
    if is_admin:
        context["waiting"] = selectors.pending_requests(organisation).count()
    return render(request, "network/organisations/detail.html", context)


@login_required
def organisation_create(request):
    form = OrganisationCreateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.create_organisation(
            creator=request.user, role=form.cleaned_data["role"], **form.organisation_data()
        )
        messages.success(request, _("Your organisation has been created. You are its admin."))
        return redirect("network:organisation_detail", slug=organisation.slug)
    return render(request, "network/organisations/form.html", {"form": form})


@login_required
def organisation_edit(request, slug):
    organisation = permissions.get_organisation_for_admin(request.user, slug)
    # The form edits its own copy, so the page title keeps the saved name while the form shows a typo.
    form = OrganisationForm(
        request.POST or None, request.FILES or None, instance=Organisation.objects.get(pk=organisation.pk)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_organisation(organisation=organisation, editor=request.user, **form.organisation_data())
        except services.DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The organisation has been saved."))
            return redirect("network:organisation_detail", slug=organisation.slug)
    return render(request, "network/organisations/form.html", {"form": form, "organisation": organisation})


@login_required
def organisation_join(request, slug):
    organisation = permissions.get_published_organisation(slug)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_to_join(organisation=organisation, member=request.user, **form.cleaned_data)
        except services.DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your request has been sent to the organisation's admins."))
            return redirect("network:organisation_detail", slug=organisation.slug)
    return render(request, "network/organisations/join.html", {"form": form, "organisation": organisation})


@login_required
@require_POST
def organisation_leave(request, slug):
    organisation = permissions.get_organisation_for_viewer(request.user, slug)
    try:
        services.leave_organisation(organisation=organisation, member=request.user)
    except services.DomainError as error:
        messages.error(request, str(error))
        return redirect("network:organisation_detail", slug=organisation.slug)
    messages.success(request, _("You are no longer a member of %(name)s.") % {"name": organisation.name})
    return redirect("network:my_organisations")


@login_required
@require_GET
def organisation_members(request, slug):
    """The admins' page: answer join requests, set roles, make admins, remove members. Each button posts to
    its own URL below."""
    organisation = permissions.get_organisation_for_admin(request.user, slug)
    return _render_members(request, organisation)


def _render_members(request, organisation, bound=None):
    """The members page; ``bound`` is a member's form that did not validate, shown with its errors."""
    members = list(selectors.accepted_members(organisation))
    for membership in members:
        if bound is not None and bound.prefix == f"m{membership.pk}":
            membership.form = bound
        else:
            membership.form = MembershipForm(
                prefix=f"m{membership.pk}", initial={"role": membership.role, "is_admin": membership.is_admin}
            )
    context = {"organisation": organisation, "requests": selectors.pending_requests(organisation), "members": members}
    return render(request, "network/organisations/members.html", context)


def _chosen_membership(request, slug):
    """The organisation the user administers (404 otherwise), and the membership its form names."""
    organisation = permissions.get_organisation_for_admin(request.user, slug)
    return organisation, chosen_row_or_404(request.POST, "membership", organisation.memberships.all())


def _back_to_members(request, organisation):
    """Back to the members page, or to the organisation's page when the admin just stepped down."""
    if permissions.is_organisation_admin(request.user, organisation):
        return redirect("network:organisation_members", slug=organisation.slug)
    return redirect("network:organisation_detail", slug=organisation.slug)


def _decide(request, slug, *, accept: bool):
    organisation, membership = _chosen_membership(request, slug)
    try:
        services.decide_join_request(membership=membership, admin=request.user, accept=accept)
    except services.DomainError as error:
        messages.error(request, str(error))
    else:
        if accept:
            messages.success(request, _("The request has been accepted."))
        else:
            messages.success(request, _("The request has been refused."))
    return _back_to_members(request, organisation)


@login_required
@require_POST
def membership_accept(request, slug):
    return _decide(request, slug, accept=True)


@login_required
@require_POST
def membership_refuse(request, slug):
    return _decide(request, slug, accept=False)


@login_required
@require_POST
def membership_remove(request, slug):
    organisation, membership = _chosen_membership(request, slug)
    try:
        services.remove_member(membership=membership, admin=request.user)
    except services.DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The member has been removed from the organisation."))
    return _back_to_members(request, organisation)


@login_required
@require_POST
def membership_save(request, slug):
    """A member's role or title, and whether they are an admin. An invalid or refused change comes back on the
    members page, with what the admin typed."""
    organisation, membership = _chosen_membership(request, slug)
    form = MembershipForm(request.POST, prefix=f"m{membership.pk}")
    if not form.is_valid():
        return _render_members(request, organisation, bound=form)
    try:
        services.update_membership(membership=membership, admin=request.user, **form.cleaned_data)
    except services.DomainError as error:
        messages.error(request, str(error))
        return _render_members(request, organisation, bound=form)
    messages.success(request, _("The member has been saved."))
    return _back_to_members(request, organisation)


@login_required
def organisation_contact(request, slug):
    organisation = permissions.get_published_organisation(slug)
    form = ContactOrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message = messaging.contact_organisation(
                sender=request.user,
                organisation=organisation,
                body=form.cleaned_data["body"],
                subject=form.cleaned_data["subject"] or organisation.name,
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your message has been sent to the organisation's admins."))
            return redirect("network:thread", message.thread_id)
    return render(request, "network/organisations/contact.html", {"form": form, "organisation": organisation})


@login_required
def my_organisations(request):
    memberships = selectors.memberships_of_member(request.user)
    return render(request, "network/organisations/mine.html", {"memberships": memberships})
