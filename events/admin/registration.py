"""Registrations: who holds a seat, who waits, who came. Statuses change only through the registration
services (the actions below), so capacity, the waitlist order and the emails follow the site's rules; the list
shows the chosen event's live counts above it."""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from django_countries import countries

from dimobel import outbox
from dimobel.countries import country_choices
from dimobel.models import OutboundEmail
from events import exports, times
from events.admin.common import (
    EventColumnMixin,
    IsSetFilter,
    ScopedToEventFilter,
    action_form_page,
    apply_each,
    chosen_event_id,
)
from events.models import Category, Event, Registration
from events.selectors import stats
from events.selectors.registration import answers_of
from events.services import registration as services

# What happened to a registration and when: read-only, since statuses change through the actions only.
HISTORY = [
    "created_at",
    "email_confirmed_at",
    "confirmed_at",
    "waitlisted_at",
    "cancelled_at",
    "checked_in_at",
    "checked_in_by",
    "is_walk_in",
]


class CategoryFilter(ScopedToEventFilter):
    title = _("category")
    parameter_name = "category"
    model = Category
    field = "category"


class CountryFilter(admin.SimpleListFilter):
    """The countries registrants gave (of the chosen event, once one is chosen)."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        rows = Registration.objects.exclude(country="")
        if (event_id := chosen_event_id(request)) is not None:
            rows = rows.filter(event_id=event_id)
        codes = rows.order_by().values_list("country", flat=True).distinct()
        return sorted(((code, countries.name(code) or code) for code in codes), key=lambda pair: str(pair[1]))

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


class CheckedInFilter(IsSetFilter):
    title = _("checked in")
    parameter_name = "checked_in"
    field = "checked_in_at"


class RegistrationAdminForm(forms.ModelForm):
    country = forms.ChoiceField(label=_("Country"), choices=[("", "—"), *country_choices()], required=False)

    class Meta:
        model = Registration
        fields = ["country"]  # the admin's fieldsets give the full list


class EmailPeopleForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150, widget=forms.TextInput(attrs={"size": 70}))
    message = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
        help_text=_("Sent as typed, with a greeting and a link to each person's registration."),
    )


@admin.register(Registration)
class RegistrationAdmin(EventColumnMixin, admin.ModelAdmin):
    form = RegistrationAdminForm
    change_list_template = "admin/events/registration/change_list.html"
    list_display = [
        "full_name",
        "email",
        "event",
        "category",
        "status",
        "ticket_email",
        "country_name",
        "checked_in",
        "created_at",
    ]
    list_filter = ["event", CategoryFilter, "status", CountryFilter, CheckedInFilter, "is_walk_in"]
    list_select_related = ["event", "category"]
    search_fields = ["first_name", "last_name", "email", "organisation_name"]
    date_hierarchy = "created_at"
    readonly_fields = ["event", "category", "status", "user", *HISTORY, "answers_given", "ticket_links", "emails_sent"]
    fieldsets = [
        (None, {"fields": ["event", "category", "status", "user", "ticket_links", "emails_sent"]}),
        (
            _("Person"),
            {"fields": ["first_name", "last_name", "email", "organisation_name", "job_title", "country", "language"]},
        ),
        (_("Answers"), {"fields": ["answers_given"]}),
        (_("History"), {"fields": HISTORY}),
    ]
    actions = [
        "approve",
        "decline",
        "cancel",
        "promote",
        "resend_ticket",
        "email_people",
        "export_csv",
        "export_xlsx",
    ]

    def has_add_permission(self, request):
        # People register on the site or at the desk (walk-ins), where the window and capacity apply.
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting a seat would free it without promoting the waitlist: cancel first.
        if obj is not None and obj.is_in_the_running:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # the bulk delete would skip the check above
        return actions

    # The list

    def get_queryset(self, request):
        # Tickets are the emails that carry the QR code and the calendar file.
        tickets = OutboundEmail.objects.exclude(attachments=[])
        return super().get_queryset(request).annotate(ticket_email_status=outbox.latest_status(Registration, tickets))

    @admin.display(description=_("ticket email"), ordering="ticket_email_status")
    def ticket_email(self, obj):
        status = getattr(obj, "ticket_email_status", None)
        return OutboundEmail.Status(status).label if status else "–"

    @admin.display(description=_("name"), ordering="last_name")
    def full_name(self, obj):
        return obj.full_name

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, obj):
        return countries.name(obj.country) if obj.country else "–"

    @admin.display(description=_("checked in"), ordering="checked_in_at")
    def checked_in(self, obj):
        return times.formatted(obj.event, obj.checked_in_at)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), **self._live_counts(request)}
        return super().changelist_view(request, extra_context)

    def _live_counts(self, request):
        """The chosen event's counts and categories; without a chosen event, each upcoming event's counts."""
        event_id = chosen_event_id(request)
        event = Event.objects.filter(pk=event_id).first() if event_id is not None else None
        if event is not None:
            return {
                "counts_event": event,
                "counts": stats.seat_counts(event),
                "counts_categories": stats.categories_with_counts(event),
            }
        events = list(stats.events_with_counts(Event.objects.order_by("-starts_at"))[:10])
        for each in events:
            each.counts = stats.counts_of(each)
        return {"counts_events": events}

    # The change page

    @admin.display(description=_("answers"))
    def answers_given(self, obj):
        answers = answers_of(obj)
        if not answers:
            return "–"
        return format_html(
            "<dl class='events-answers'>{}</dl>",
            format_html_join(
                "",
                "<dt>{}</dt><dd>{}</dd>",
                ((answer.question.label, exports.answer_text(answer.value)) for answer in answers),
            ),
        )

    @admin.display(description=_("ticket"))
    def ticket_links(self, obj):
        links = [(reverse("events:badge", args=[obj.pk]), _("Badge (PDF)"))]
        if obj.user_id:
            links.append((reverse("admin:network_user_change", args=[obj.user_id]), _("Member account")))
        links.append((reverse("events:event_dashboard", args=[obj.event.slug]), _("Event dashboard")))
        return format_html_join(" · ", '<a href="{}">{}</a>', links)

    @admin.display(description=_("emails"))
    def emails_sent(self, obj):
        emails = OutboundEmail.objects.concerning(obj).order_by("-created_at", "-pk")[:20]
        if not emails:
            return "–"
        return format_html(
            "<ul class='events-emails'>{}</ul>",
            format_html_join(
                "",
                "<li>{} – {} ({}){}</li>",
                (
                    (
                        date_format(timezone.localtime(email.created_at), "SHORT_DATETIME_FORMAT"),
                        email.subject,
                        email.get_status_display(),
                        f" – {email.last_error}" if email.last_error and email.status != email.Status.SENT else "",
                    )
                    for email in emails
                ),
            ),
        )

    # Actions: each one calls a service, and reports what it did and what it could not do.

    def _each(self, request, queryset, service, done_message, **arguments):
        """``service(registration=…, **arguments)`` on each selected registration; ``done_message`` is a
        ngettext_lazy keyed on "count"."""
        rows = queryset.select_related("event", "category", "user").order_by("created_at", "pk")
        done, refused = apply_each(rows, lambda registration: service(registration=registration, **arguments))
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)
        for reason, count in refused.items():
            self.message_user(
                request,
                ngettext(
                    "%(count)d registration not changed: %(reason)s",
                    "%(count)d registrations not changed: %(reason)s",
                    count,
                )
                % {"count": count, "reason": reason},
                messages.WARNING,
            )

    @admin.action(description=_("Approve (sends the ticket)"), permissions=["change"])
    def approve(self, request, queryset):
        approved = ngettext_lazy("%(count)d registration approved.", "%(count)d registrations approved.", "count")
        self._each(request, queryset, services.approve, approved, by=request.user)

    @admin.action(description=_("Decline"), permissions=["change"])
    def decline(self, request, queryset):
        declined = ngettext_lazy("%(count)d registration declined.", "%(count)d registrations declined.", "count")
        self._each(request, queryset, services.decline, declined, by=request.user)

    @admin.action(description=_("Cancel (the seat goes to the waitlist)"), permissions=["change"])
    def cancel(self, request, queryset):
        cancelled = ngettext_lazy("%(count)d registration cancelled.", "%(count)d registrations cancelled.", "count")
        self._each(request, queryset, services.cancel, cancelled)

    @admin.action(description=_("Promote from the waitlist (selected people's events)"), permissions=["change"])
    def promote(self, request, queryset):
        """Fill the free seats of the events concerned, in the order of their one waitlist."""
        promoted = 0
        for event in Event.objects.filter(pk__in=queryset.values("event_id")).order_by("pk"):
            promoted += len(services.promote_from_waitlist(event=event))
        if promoted:
            message = ngettext(
                "%(count)d person moved from the waitlist to a seat (and emailed).",
                "%(count)d people moved from the waitlist to a seat (and emailed).",
                promoted,
            ) % {"count": promoted}
            self.message_user(request, message, messages.SUCCESS)
        else:
            self.message_user(request, _("No free seat, or nobody waiting: nobody was promoted."), messages.WARNING)

    @admin.action(description=_("Resend the ticket"), permissions=["change"])
    def resend_ticket(self, request, queryset):
        resent = ngettext_lazy("%(count)d ticket sent again.", "%(count)d tickets sent again.", "count")
        self._each(request, queryset, services.resend_ticket, resent)

    @admin.action(description=_("Email the selected people…"), permissions=["change"])
    def email_people(self, request, queryset):
        """Like Django's delete confirmation: a page lists the people and asks for the subject and message."""
        form = EmailPeopleForm(request.POST if request.POST.get("post") else None)
        people = queryset.select_related("event", "user").order_by("last_name", "first_name", "pk")
        if form.is_valid():
            count = services.email_registrants(registrations=people, **form.cleaned_data)
            self.message_user(
                request,
                ngettext("%(count)d email sent.", "%(count)d emails sent.", count) % {"count": count},
                messages.SUCCESS,
            )
            return None
        return action_form_page(
            self,
            request,
            "admin/events/registration/email_people.html",
            action="email_people",
            title=_("Email the selected people"),
            queryset=people,
            form=form,
        )

    @admin.action(description=_("Export as CSV (with the answers)"), permissions=["view"])
    def export_csv(self, request, queryset):
        return exports.csv_export(queryset)

    @admin.action(description=_("Export as Excel (with the answers)"), permissions=["view"])
    def export_xlsx(self, request, queryset):
        return exports.xlsx_export(queryset)
