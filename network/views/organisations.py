"""Organisation pages: the page itself, creating and editing, join requests, members, contact."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dimobel.forms import chosen_row_or_404
from network import permissions
from network.countries import country_names
from network.forms.organisations import (
    ContactOrganisationForm,
    JoinRequestForm,
    MembershipForm,
    OrganisationCreateForm,
    OrganisationForm,
)
from network.models import Opportunity, Organisation
from network.services import messaging
from network.services import organisations as services


def organisation_detail(request, slug):
    organisation = permissions.get_organisation_for_viewer(request.user, slug)
    is_admin = permissions.is_organisation_admin(request.user, organisation)
    context = {
        "organisation": organisation,
        "membership": services.membership_of(organisation, request.user),
        "is_admin": is_admin,
        "can_contact": permissions.can_contact_organisation(request.user, organisation),
        "countries": country_names(organisation.countries),
        "opportunities": Opportunity.objects.open().filter(organisation=organisation).order_by("deadline")[:5],
    }
    if permissions.can_see_organisation_members(request.user):
        context["show_members"] = True
        context["members"] = services.visible_members(organisation, request.user)
    if is_admin:
        context["waiting"] = services.pending_requests(organisation).count()
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
        except services.OrganisationError as error:
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
        except services.OrganisationError as error:
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
    except services.OrganisationError as error:
        messages.error(request, str(error))
        return redirect("network:organisation_detail", slug=organisation.slug)
    messages.success(request, _("You are no longer a member of %(name)s.") % {"name": organisation.name})
    return redirect("network:my_organisations")


@login_required
def organisation_members(request, slug):
    """The admins' page: answer join requests, set roles, make admins, remove members."""
    organisation = permissions.get_organisation_for_admin(request.user, slug)
    bound = None
    if request.method == "POST":
        membership = chosen_row_or_404(request.POST, "membership", organisation.memberships.all())
        action = request.POST.get("action")
        try:
            if action in ("accept", "refuse"):
                services.decide_join_request(membership=membership, admin=request.user, accept=action == "accept")
                if action == "accept":
                    messages.success(request, _("The request has been accepted."))
                else:
                    messages.success(request, _("The request has been refused."))
            elif action == "remove":
                services.remove_member(membership=membership, admin=request.user)
                messages.success(request, _("The member has been removed from the organisation."))
            elif action == "save":
                bound = MembershipForm(request.POST, prefix=f"m{membership.pk}")
                if bound.is_valid():
                    services.update_membership(membership=membership, admin=request.user, **bound.cleaned_data)
                    messages.success(request, _("The member has been saved."))
                    bound = None
        except services.OrganisationError as error:
            messages.error(request, str(error))
        if bound is None:
            if permissions.is_organisation_admin(request.user, organisation):
                return redirect("network:organisation_members", slug=organisation.slug)
            return redirect("network:organisation_detail", slug=organisation.slug)
    members = list(services.accepted_members(organisation))
    for membership in members:
        if bound is not None and bound.prefix == f"m{membership.pk}":
            membership.form = bound
        else:
            membership.form = MembershipForm(
                prefix=f"m{membership.pk}", initial={"role": membership.role, "is_admin": membership.is_admin}
            )
    context = {"organisation": organisation, "requests": services.pending_requests(organisation), "members": members}
    return render(request, "network/organisations/members.html", context)


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
        except messaging.MessagingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your message has been sent to the organisation's admins."))
            return redirect("network:thread", message.thread_id)
    return render(request, "network/organisations/contact.html", {"form": form, "organisation": organisation})


@login_required
def my_organisations(request):
    memberships = services.memberships_of_member(request.user)
    return render(request, "network/organisations/mine.html", {"memberships": memberships})
