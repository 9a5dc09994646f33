"""B2B meetings: opting in, requesting and answering meetings, and the organisers' tools."""

from datetime import UTC, datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from events import times

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


class ProposeForm(forms.Form):
    """The answer "another time": the slot proposed instead (its UTC start)."""

    slot = forms.CharField(required=False)

    def clean_slot(self):
        value = self.cleaned_data["slot"]
        if not value:
            raise forms.ValidationError(_("Choose the time you propose."))
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise forms.ValidationError(_("Choose one of the meeting slots.")) from None


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("The other person receives it by email."),
    )


class OrganiserCancelForm(forms.Form):
    """The overview's "Cancel the meeting": both people receive the reason."""

    reason = forms.CharField(required=False, max_length=300)

    def clean_reason(self):
        reason = self.cleaned_data["reason"]
        if not reason.strip():
            raise forms.ValidationError(_("Give a reason: both people receive it."))
        return reason


class HeldForm(forms.Form):
    """The overview's record of whether an accepted meeting took place."""

    HELD = {"yes": True, "no": False, "unknown": None}

    held = forms.ChoiceField(required=False, choices=[(key, key) for key in HELD])

    def held_value(self) -> bool | None:
        return self.HELD.get(self.cleaned_data["held"])
