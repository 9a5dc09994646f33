"""B2B participants and meetings, read-mostly. A booked meeting is never dropped silently: it cannot be
deleted here, and cancelling it goes through the B2B service, which emails both people the reason."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events import times
from events.admin.common import EventColumnMixin, action_form_page, apply_each
from events.models import B2BParticipant, Meeting
from events.services import b2b as services


@admin.register(B2BParticipant)
class B2BParticipantAdmin(EventColumnMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "organisation",
        "event",
        "is_active",
        "accepted_meetings",
        "pending_requests",
        "opted_in_at",
    ]
    list_filter = ["event", "is_active"]
    list_select_related = ["event", "registration__event"]  # str() names the event (checkbox labels)
    search_fields = [
        "registration__first_name",
        "registration__last_name",
        "registration__email",
        "registration__organisation_name",
    ]
    fields = ["registration_link", "event", "note", "is_active", "opted_in_at"]
    readonly_fields = ["registration_link", "event", "is_active", "opted_in_at"]

    def has_add_permission(self, request):
        return False  # participants opt in themselves, with a confirmed registration

    def has_delete_permission(self, request, obj=None):
        return False  # deleting would drop their meetings without telling the other people

    def get_queryset(self, request):
        requested = Q(meetings_requested__status=Meeting.Status.REQUESTED)
        return (
            super()
            .get_queryset(request)
            .annotate(
                # Seats exist for accepted meetings only, one per person.
                accepted_count=Count("seats", distinct=True),
                requested_count=Count("meetings_requested", filter=requested, distinct=True),
            )
        )

    @admin.display(description=_("name"), ordering="registration__last_name")
    def name(self, obj):
        return obj.registration.full_name

    @admin.display(description=_("organisation"), ordering="registration__organisation_name")
    def organisation(self, obj):
        return obj.registration.organisation_name or "–"

    @admin.display(description=_("accepted meetings"), ordering="accepted_count")
    def accepted_meetings(self, obj):
        return obj.accepted_count

    @admin.display(description=_("requests sent, unanswered"), ordering="requested_count")
    def pending_requests(self, obj):
        return obj.requested_count

    @admin.display(description=_("registration"))
    def registration_link(self, obj):
        url = reverse("admin:events_registration_change", args=[obj.registration_id])
        return format_html('<a href="{}">{}</a>', url, obj.registration.full_name)


class CancelMeetingForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Both people receive it by email."),
        widget=forms.TextInput(attrs={"size": 70}),
    )


@admin.register(Meeting)
class MeetingAdmin(EventColumnMixin, admin.ModelAdmin):
    list_display = ["requester_name", "recipient_name", "event", "when", "table", "status", "held"]
    list_filter = ["event", "status", "held"]
    list_select_related = ["event", "requester__registration__event", "recipient__registration__event"]
    search_fields = [
        "requester__registration__first_name",
        "requester__registration__last_name",
        "requester__registration__organisation_name",
        "recipient__registration__first_name",
        "recipient__registration__last_name",
        "recipient__registration__organisation_name",
    ]
    ordering = ["event__starts_at", "starts_at", "table", "pk"]
    fields = [
        "event",
        "requester",
        "recipient",
        "when",
        "table",
        "status",
        "message",
        "proposed_by",
        "created_at",
        "responded_at",
        "cancelled_reason",
        "held",
    ]
    readonly_fields = fields
    actions = ["cancel_meetings", "mark_held", "mark_not_held"]

    def has_add_permission(self, request):
        return False  # participants request meetings in free slots; the service assigns tables

    def has_change_permission(self, request, obj=None):
        # Read-only pages; the actions (which need the change permission) do the changes through the service.
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False  # cancel instead: both people are told

    @admin.display(description=_("requested by"), ordering="requester__registration__last_name")
    def requester_name(self, obj):
        return obj.requester.registration.full_name

    @admin.display(description=_("with"), ordering="recipient__registration__last_name")
    def recipient_name(self, obj):
        return obj.recipient.registration.full_name

    @admin.display(description=_("when"), ordering="starts_at")
    def when(self, obj):
        day = times.formatted(obj.event, obj.starts_at, "D j M")
        return f"{day} {times.time_range(obj.event, obj.starts_at, obj.ends_at)}"

    @admin.action(description=_("Cancel (emails both people)…"), permissions=["change"])
    def cancel_meetings(self, request, queryset):
        meetings = queryset.open().select_related("event", "requester__registration", "recipient__registration")
        form = CancelMeetingForm(request.POST if request.POST.get("post") else None)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            done, refused = apply_each(
                meetings,
                lambda meeting: services.cancel_as_organiser(meeting=meeting, organiser=request.user, reason=reason),
            )
            if done:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d meeting cancelled; both people were emailed.",
                        "%(count)d meetings cancelled; both people were emailed.",
                        done,
                    )
                    % {"count": done},
                    messages.SUCCESS,
                )
            for refusal, count in refused.items():
                self.message_user(request, f"{count} × {refusal}", messages.WARNING)
            return None
        if not meetings:
            self.message_user(request, _("The selected meetings are already closed."), messages.WARNING)
            return None
        return action_form_page(
            self,
            request,
            "admin/events/meeting/cancel_confirmation.html",
            action="cancel_meetings",
            title=_("Cancel meetings"),
            queryset=meetings,
            form=form,
        )

    def _mark(self, request, queryset, held):
        done, refusals = apply_each(
            queryset.select_related("event"),
            lambda meeting: services.mark_held(meeting=meeting, organiser=request.user, held=held),
        )
        refused = refusals.total()
        if done:
            self.message_user(
                request,
                ngettext("%(count)d meeting updated.", "%(count)d meetings updated.", done) % {"count": done},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d meeting skipped: only accepted meetings can be marked.",
                    "%(count)d meetings skipped: only accepted meetings can be marked.",
                    refused,
                )
                % {"count": refused},
                messages.WARNING,
            )

    @admin.action(description=_("Mark as held"), permissions=["change"])
    def mark_held(self, request, queryset):
        self._mark(request, queryset, True)

    @admin.action(description=_("Mark as not held"), permissions=["change"])
    def mark_not_held(self, request, queryset):
        self._mark(request, queryset, False)
