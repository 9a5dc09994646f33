import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.countries import country_choices
from network.forms.organisations import CountriesField
from network.models import Opportunity, Organisation, Sector
from network.permissions import organisations_administered_by


class OpportunityForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=None,
        required=False,
        empty_label=_("Myself"),
        help_text=_("An organisation you administer, or yourself."),
    )
    countries = CountriesField(
        label=_("Countries"), required=False, help_text=_("Hold Ctrl (or Cmd) to choose several.")
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Opportunity
        fields = ["title", "kind", "organisation", "description", "sectors", "countries", "deadline"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, poster, **kwargs):
        super().__init__(*args, **kwargs)
        # The current organisation stays a choice even if the poster is no longer one of its admins.
        choices = organisations_administered_by(poster) | Organisation.objects.filter(pk=self.instance.organisation_id)
        self.fields["organisation"].queryset = choices.distinct().order_by("name")
        if not self.fields["organisation"].queryset.exists():
            del self.fields["organisation"]

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        # A closed opportunity can still be corrected without moving its deadline.
        if (self.instance.pk is None or "deadline" in self.changed_data) and deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline must be today or later."), code="deadline_past")
        return deadline

    def opportunity_data(self):
        """The cleaned fields, as the opportunity services take them."""
        return {field: self.cleaned_data.get(field) for field in self.Meta.fields}


class InterestForm(forms.Form):
    body = forms.CharField(label=_("Your message to the poster"), widget=forms.Textarea(attrs={"rows": 5}))


class OpportunityFilter(django_filters.FilterSet):
    """The marketplace's filters; they live in the query string, so a filtered list can be shared."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        widget=forms.TextInput(
            attrs={"type": "search", "class": "form-control", "placeholder": _("Title or description")}
        ),
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Opportunity.Kind.choices, empty_label=_("All kinds"))
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"),
        field_name="sectors",
        queryset=Sector.objects.all(),
        to_field_name="slug",
        empty_label=_("All sectors"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=country_choices, method="filter_country", empty_label=_("All countries")
    )
    show = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=[("open", _("Open only")), ("all", _("Open and closed"))],
        empty_label=None,
        method="filter_show",
    )
    mine = django_filters.BooleanFilter(label=_("Posted by me"), method="filter_mine", widget=forms.CheckboxInput)

    class Meta:
        model = Opportunity
        fields = []

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))

    def filter_country(self, queryset, name, value):
        return queryset.filter(countries__contains=[value])

    def filter_show(self, queryset, name, value):
        return queryset  # applied in filter_queryset, since "open" is also the default

    def filter_mine(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        if value and user is not None and user.is_authenticated:
            return queryset.filter(posted_by=user)
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.form.cleaned_data.get("show") == "all":
            return queryset.order_by("-deadline", "-pk")
        return queryset.filter(deadline__gte=timezone.localdate()).order_by("deadline", "pk")
