"""The directory: people and organisations, filtered, searched and paginated.

Open to everyone: a visitor sees public profiles (limited fields), a member also members-only ones.
htmx requests get only the results region ("…#results"); the same form works without JavaScript.
"""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from dimobel.countries import country_names
from network.filters import OrganisationFilterSet, ProfileFilterSet
from network.selectors.directory import directory_organisations, directory_profiles, directory_results


def _render(request, template, context):
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])  # the partial and the page share a URL
    return response


def people(request):
    filterset = ProfileFilterSet(request.GET, queryset=directory_profiles(request.user), request=request)
    results = directory_results(filterset, request.GET.get("page"))
    context = {"filterset": filterset, "results": results, "section": "people", "filters_active": filterset.active}
    return _render(request, "network/directory/people.html", context)


def organisations(request):
    filterset = OrganisationFilterSet(request.GET, queryset=directory_organisations(), request=request)
    results = directory_results(filterset, request.GET.get("page"))
    for organisation in results.page.object_list:
        organisation.country_names = country_names(organisation.countries)
    context = {
        "filterset": filterset,
        "results": results,
        "section": "organisations",
        "filters_active": filterset.active,
    }
    return _render(request, "network/directory/organisations.html", context)
