"""Instructors' forms: who attended a live session, and its recording link."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from autumn_school.models import Enrolment


class LearnerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class AttendanceForm(forms.Form):
    present = LearnerChoiceField(
        label=_("Learners present"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick everyone who attended; untick anyone marked by mistake."),
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        # Only learners holding a place can be marked: a forged id is refused as an invalid choice.
        enrolled = Enrolment.objects.active().filter(module_id=session.module_id).values("learner_id")
        self.fields["present"].queryset = (
            get_user_model().objects.filter(pk__in=enrolled).order_by("last_name", "first_name", "pk")
        )


class RecordingForm(forms.Form):
    recording_url = forms.URLField(
        label=_("Recording link"),
        required=False,
        assume_scheme="https",
        help_text=_("Learners see it on the module page. Leave empty to remove it."),
    )
