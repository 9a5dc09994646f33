"""Every FilterSet of the consortium. The filters live in the query string, so a filtered list can be shared."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from consortium.models import Call, ConsortiumMember, Project
from consortium.selectors.members import services_by_name
from dimobel.countries import country_choices


class MemberFilter(django_filters.FilterSet):
    """The public list of consortium members, by the service they offer and the country they work in."""

    service = django_filters.ModelChoiceFilter(
        label=_("Service offered"),
        field_name="services",
        queryset=services_by_name,
        to_field_name="slug",
        empty_label=_("All services"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country of activity"),
        choices=country_choices,
        method="filter_country",
        empty_label=_("All countries"),
    )

    class Meta:
        model = ConsortiumMember
        fields = []

    def filter_country(self, queryset, name, value):
        return queryset.filter(organisation__countries__contains=[value])

    @property
    def active(self) -> int:
        self.errors  # noqa: B018 (validates the form; an invalid choice is simply not applied)
        return sum(1 for name in self.filters if self.form.cleaned_data.get(name))


class WorkspaceFilter(django_filters.FilterSet):
    """Staff narrow the list of workspaces by call and by status."""

    call = django_filters.ModelChoiceFilter(
        label=_("Call"), queryset=Call.objects.order_by("-opens_at"), empty_label=_("All calls")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(status, Project.Status(status).label) for status in Project.ACCOMPANIED],
        empty_label=_("All statuses"),
    )

    class Meta:
        model = Project
        fields = ["call", "status"]


class DashboardFilter(django_filters.FilterSet):
    """The staff dashboard's filter: the call narrows every figure; the status narrows the table only."""

    call = django_filters.ModelChoiceFilter(
        label=_("Call for projects"),
        queryset=Call.objects.order_by("-opens_at", "pk"),
        to_field_name="slug",
        empty_label=_("All calls"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[choice for choice in Project.Status.choices if choice[0] != Project.Status.DRAFT],
        empty_label=_("Every status"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    class Meta:
        model = Project
        fields = ["call", "status"]
