"""The marketplace pages: the filterable list, an opportunity, posting and editing, "I'm interested"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from dimobel.countries import country_names
from dimobel.errors import DomainError
from network import permissions
from network.filters import OpportunityFilter
from network.forms.opportunities import InterestForm, OpportunityForm
from network.selectors.opportunities import interest_message, marketplace, poster_is_visible
from network.services import opportunities as services

PAGE_SIZE = 20


def opportunity_list(request):
    filterset = OpportunityFilter(request.GET, queryset=marketplace(request.user), request=request)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for opportunity in page:
        opportunity.country_names = country_names(opportunity.countries)
    context = {"filter": filterset, "page_obj": page, "filters_active": filterset.active}
    template = "network/opportunities/list.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


def opportunity_detail(request, pk):
    opportunity = permissions.get_opportunity_for_viewer(request.user, pk)
    context = {
        "opportunity": opportunity,
        "country_names": country_names(opportunity.countries),
        "poster_visible": poster_is_visible(request.user, opportunity),
        "is_closed": opportunity.is_closed,
        "can_edit": permissions.can_edit_opportunity(request.user, opportunity),
        "can_express_interest": permissions.can_express_interest(request.user, opportunity),
    }
    if context["can_express_interest"]:
        context["interest_form"] = InterestForm(initial={"body": interest_message(opportunity)})
    return render(request, "network/opportunities/detail.html", context)


@login_required
def opportunity_create(request):
    form = OpportunityForm(request.POST or None, poster=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            opportunity = services.post_opportunity(poster=request.user, **form.opportunity_data())
        except services.DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your opportunity is published."))
            return redirect("network:opportunity_detail", pk=opportunity.pk)
    return render(request, "network/opportunities/form.html", {"form": form})


@login_required
def opportunity_edit(request, pk):
    opportunity = permissions.get_opportunity_for_poster(request.user, pk)
    form = OpportunityForm(request.POST or None, instance=opportunity, poster=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_opportunity(opportunity=opportunity, editor=request.user, **form.opportunity_data())
        except services.DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your opportunity has been saved."))
            return redirect("network:opportunity_detail", pk=opportunity.pk)
    return render(request, "network/opportunities/form.html", {"form": form, "opportunity": opportunity})


@login_required
def opportunity_delete(request, pk):
    opportunity = permissions.get_opportunity_for_poster(request.user, pk)
    if request.method == "POST":
        services.delete_opportunity(opportunity=opportunity, editor=request.user)
        messages.success(request, _("Your opportunity has been deleted."))
        return redirect("network:opportunity_list")
    return render(request, "network/opportunities/confirm_delete.html", {"opportunity": opportunity})


@login_required
def opportunity_interested(request, pk):
    """ "I'm interested": a message to the poster, prefilled with a polite sentence the member can edit."""
    opportunity = permissions.get_opportunity_for_viewer(request.user, pk)
    form = InterestForm(request.POST or None, initial={"body": interest_message(opportunity)})
    if request.method == "POST" and form.is_valid():
        try:
            message = services.express_interest(
                member=request.user, opportunity=opportunity, body=form.cleaned_data["body"]
            )
        except (services.DomainError, DomainError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your message has been sent to the poster."))
            return redirect("network:thread", message.thread_id)
    return render(request, "network/opportunities/interest.html", {"form": form, "opportunity": opportunity})
