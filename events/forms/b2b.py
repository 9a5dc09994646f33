"""B2B meetings: the participants' filters, opting in, requesting and answering meetings, and the organisers' tools."""

from datetime import UTC, datetime

import django_filters
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from events import times
from events.b2b import VISIBLE_PROFILES
from events.models import B2BParticipant, Meeting
from network.countries import country_choices
from network.models import HelpType, Profile, Sector

# Filters


class ParticipantFilterSet(django_filters.FilterSet):
    """The participants page's filters. Offers, needs and sectors come from the members' profiles, so only
    profiles others may see are matched (a hidden profile's offers are never revealed by a filter)."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name or organisation")}),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=country_choices, empty_label=_("Any country"), field_name="registration__country"
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        to_field_name="slug",
        empty_label=_("Any sector"),
        method="filter_sector",
    )
    offers = django_filters.ModelChoiceFilter(
        label=_("Offers"),
        queryset=HelpType.objects.all(),
        to_field_name="slug",
        empty_label=_("Anything"),
        method="filter_offers",
    )
    needs = django_filters.ModelChoiceFilter(
        label=_("Is looking for"),
        queryset=HelpType.objects.all(),
        to_field_name="slug",
        empty_label=_("Anything"),
        method="filter_needs",
    )

    class Meta:
        model = B2BParticipant
        fields = ["q", "country", "sector", "offers", "needs"]

    @property
    def active(self) -> int:
        """How many filters are in use (the search included)."""
        if not self.form.is_valid():
            return 0
        return sum(1 for value in self.form.cleaned_data.values() if value)

    def filter_search(self, queryset, name, value):
        for word in value.split()[:8]:
            queryset = queryset.filter(
                Q(registration__first_name__unaccent__icontains=word)
                | Q(registration__last_name__unaccent__icontains=word)
                | Q(registration__organisation_name__unaccent__icontains=word)
            )
        return queryset

    def _profile_has(self, queryset, through, **term):
        listed = through.objects.filter(
            profile__user_id=OuterRef("registration__user_id"), profile__visibility__in=VISIBLE_PROFILES, **term
        )
        return queryset.filter(Exists(listed))

    def filter_sector(self, queryset, name, value):
        return self._profile_has(queryset, Profile.sectors.through, sector=value)

    def filter_offers(self, queryset, name, value):
        return self._profile_has(queryset, Profile.offers.through, helptype=value)

    def filter_needs(self, queryset, name, value):
        return self._profile_has(queryset, Profile.needs.through, helptype=value)


class MeetingFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Meeting.Status.choices,
        empty_label=_("All"),
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )

    class Meta:
        model = Meeting
        fields = ["status"]


# Participants


class OptInForm(forms.Form):
    note = forms.CharField(
        label=_("Your note for this event"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you are looking for at this event, whom you would like to meet. Other participants see it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


def slot_value(slot) -> str:
    return slot[0].astimezone(UTC).isoformat()


def slot_choices(event, slots):
    """Slots grouped by day, labelled in the event's time zone; the value is the UTC start."""
    return [
        (formats.date_format(day, "l j F Y"), [(slot_value(slot), times.time_range(event, *slot)) for slot in group])
        for day, group in times.by_day(event, slots, start=lambda slot: slot[0])
    ]


class SlotField(forms.TypedChoiceField):
    def __init__(self, *, event, slots, **kwargs):
        super().__init__(
            choices=[("", _("Choose a time")), *slot_choices(event, slots)],
            coerce=datetime.fromisoformat,
            **kwargs,
        )


class MeetingRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say who you are and what you would like to talk about."),
    )

    def __init__(self, *args, event, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {
            "slot": SlotField(
                event=event,
                slots=slots,
                label=_("Time, %(zone)s") % {"zone": event.get_time_zone_display()},
                error_messages={"invalid_choice": _("This time is no longer free. Choose another one.")},
            ),
            **self.fields,
        }
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Send the request")))


class RespondForm(forms.Form):
    ACTIONS = [("accept", _("Accept")), ("decline", _("Decline")), ("propose", _("Propose another time"))]

    action = forms.ChoiceField(choices=ACTIONS)
    slot = forms.CharField(required=False)

    def clean_slot(self):
        value = self.cleaned_data["slot"]
        if not value:
            return None
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise forms.ValidationError(_("Choose one of the meeting slots.")) from None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "propose" and not cleaned.get("slot"):
            self.add_error("slot", _("Choose the time you propose."))
        return cleaned


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("The other person receives it by email."),
    )


class OrganiserActionForm(forms.Form):
    """One of the overview's buttons: cancel a meeting (with a reason) or record whether it was held."""

    HELD = {"yes": True, "no": False, "unknown": None}

    action = forms.ChoiceField(choices=[("cancel", "cancel"), ("held", "held")])
    meeting = forms.IntegerField()
    reason = forms.CharField(required=False, max_length=300)
    held = forms.ChoiceField(required=False, choices=[(key, key) for key in HELD])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "cancel" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give a reason: both people receive it."))
        return cleaned
