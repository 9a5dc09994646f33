"""Events, with their registration categories, questions, rooms, tracks and B2B meeting sessions edited inline,
the live counts in the list, and links to the organisers' pages (desk, badges, dashboard…)."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dimobel.converters import id_or_none
from dimobel.countries import country_choices
from dimobel.files import ReplacedFilesAdminMixin, clean_uploaded_image
from dimobel.mail import absolute_url
from events import times
from events.admin.common import EventZoneFormMixin, known_zone
from events.models import Category, Event, MeetingBlock, Question, Room, Track
from events.selectors.seats import categories_with_seats
from events.selectors.stats import events_with_counts
from events.services.registration import promote_from_waitlist

COVER_BOX = (1600, 900)
# Positions are small numbers: a narrow input leaves room for the other columns of the table rows.
SMALL_NUMBERS = {models.PositiveSmallIntegerField: {"widget": forms.NumberInput(attrs={"class": "vSmallField"})}}


class CategoryInline(admin.TabularInline):
    model = Category
    formfield_overrides = SMALL_NUMBERS
    fields = [
        "position",
        "name",
        "description",
        "capacity",
        "requires_approval",
        "visibility",
        "seats_taken",
        "invitation_link",
    ]
    readonly_fields = ["seats_taken", "invitation_link"]
    ordering = ["position", "pk"]
    extra = 0

    def get_queryset(self, request):
        return categories_with_seats(super().get_queryset(request))

    @admin.display(description=_("seats taken"))
    def seats_taken(self, obj):
        return getattr(obj, "seats_taken", "–")

    @admin.display(description=_("invitation link"))
    def invitation_link(self, obj):
        """The secret link to send to invitees; only invitation-only categories have one."""
        if obj.pk is None or not obj.is_by_invitation:
            return "–"
        url = absolute_url(reverse("events:register_invited", args=[obj.event.slug, obj.invitation_token]))
        return format_html('<a href="{0}" class="events-invitation-link">{0}</a>', url)


class QuestionInline(admin.TabularInline):
    model = Question
    formfield_overrides = SMALL_NUMBERS
    fields = ["position", "label", "kind", "choices", "required", "help_text"]
    ordering = ["position", "pk"]
    extra = 0


class RoomInline(admin.TabularInline):
    model = Room
    formfield_overrides = SMALL_NUMBERS
    fields = ["position", "name", "seats"]
    ordering = ["position", "name"]
    extra = 0


class TrackInline(admin.TabularInline):
    model = Track
    fields = ["name"]
    extra = 0


class MeetingBlockInline(admin.TabularInline):
    model = MeetingBlock
    fields = ["starts_at", "ends_at"]
    ordering = ["starts_at"]
    extra = 0
    verbose_name_plural = _("B2B meeting sessions (times in the event's zone)")


class EventAdminForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=settings.LANGUAGES, widget=forms.CheckboxSelectMultiple, required=False
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)

    class Meta:
        model = Event
        fields = ["cover", "languages", "country"]  # the admin's fieldsets give the full list

    def clean_cover(self):
        # The same checks as members' uploads: content, size, resized and re-encoded.
        return clean_uploaded_image(self.cleaned_data.get("cover"), box=COVER_BOX)


@admin.register(Event)
class EventAdmin(ReplacedFilesAdminMixin, EventZoneFormMixin, admin.ModelAdmin):
    form = EventAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "title",
        "kind",
        "dates",
        "city",
        "is_published",
        "b2b_enabled",
        "confirmed_of_capacity",
        "waitlisted",
        "checked_in",
        "dashboard_link",
    ]
    list_filter = ["kind", "is_published", "b2b_enabled", "time_zone"]
    search_fields = ["title", "slug", "summary", "venue_name", "city"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organisers"]
    readonly_fields = ["organiser_links", "created_at"]
    date_hierarchy = "starts_at"
    inlines = [CategoryInline, QuestionInline, RoomInline, TrackInline, MeetingBlockInline]
    fieldsets = [
        (_("Organisers' pages"), {"fields": ["organiser_links"]}),
        (
            _("General"),
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    "summary",
                    "description",
                    "cover",
                    "languages",
                    "organisers",
                    "is_published",
                ]
            },
        ),
        (_("Venue"), {"fields": ["venue_name", "address", "city", "country", "map_url", "practical_info"]}),
        (
            _("Dates and registration"),
            {
                "fields": [
                    "time_zone",
                    "starts_at",
                    "ends_at",
                    "registration_opens_at",
                    "registration_closes_at",
                    "capacity",
                    "requires_approval",
                ],
                "description": _(
                    "Dates and times are in the event's time zone. Change the zone first and save, then the times."
                ),
            },
        ),
        (
            _("B2B meetings"),
            {
                "fields": ["b2b_enabled", "b2b_slot_minutes", "b2b_tables", "b2b_max_meetings"],
                "description": _("The meeting sessions themselves are listed at the bottom of the page."),
            },
        ),
        (_("Record"), {"fields": ["created_at"], "classes": ["collapse"]}),
    ]

    def zone_for(self, request, object_id):
        if request.method == "POST" and (zone := known_zone(request.POST.get("time_zone", ""))):
            return zone
        if (event_id := id_or_none(object_id)) is not None:
            name = Event.objects.filter(pk=event_id).values_list("time_zone", flat=True).first()
            return known_zone(name or "")
        return None

    def get_queryset(self, request):
        return events_with_counts(super().get_queryset(request))

    @admin.display(description=_("dates"), ordering="starts_at")
    def dates(self, obj):
        start, end = times.formatted(obj, obj.starts_at, "j M Y H:i"), times.formatted(obj, obj.ends_at, "j M H:i")
        return f"{start} → {end} ({obj.time_zone})"

    @admin.display(description=_("confirmed / capacity"), ordering="confirmed")
    def confirmed_of_capacity(self, obj):
        return f"{obj.confirmed} / {obj.capacity}" if obj.capacity else f"{obj.confirmed} / ∞"

    @admin.display(description=_("waitlisted"), ordering="waitlisted")
    def waitlisted(self, obj):
        return obj.waitlisted

    @admin.display(description=_("checked in"), ordering="checked_in")
    def checked_in(self, obj):
        return obj.checked_in

    @admin.display(description=_("dashboard"))
    def dashboard_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("events:event_dashboard", args=[obj.slug]), _("figures"))

    @admin.display(description=_("organisers' pages"))
    def organiser_links(self, obj):
        if obj.pk is None:
            return _("Save the event first.")
        pages = [
            (reverse("events:event_detail", args=[obj.slug]), _("Public page")),
            (reverse("events:programme", args=[obj.slug]), _("Programme")),
            (reverse("events:event_dashboard", args=[obj.slug]), _("Dashboard")),
            (reverse("admin:events_registration_changelist") + f"?event__id__exact={obj.pk}", _("Registrations")),
            (reverse("events:desk", args=[obj.slug]), _("Check-in desk")),
            (reverse("events:badges", args=[obj.slug]), _("Badges (PDF)")),
        ]
        if obj.b2b_enabled:
            pages.append((reverse("events:b2b_overview", args=[obj.slug]), _("B2B overview")))
        return format_html(
            '<ul class="events-admin-links">{}</ul>',
            format_html_join("", '<li><a href="{}">{}</a></li>', ((url, label) for url, label in pages)),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and _capacity_changed(form, formsets):
            # More seats (or no limit any more) let people in from the waitlist, by the registration service's rules.
            promoted = promote_from_waitlist(event=form.instance)
            if promoted:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d person moved from the waitlist to a seat (and emailed).",
                        "%(count)d people moved from the waitlist to a seat (and emailed).",
                        len(promoted),
                    )
                    % {"count": len(promoted)},
                    messages.SUCCESS,
                )


def _capacity_changed(form, formsets) -> bool:
    """Whether the event's capacity, or an existing category's, was changed on this page."""
    if "capacity" in form.changed_data:
        return True
    categories = (formset for formset in formsets if formset.model is Category)
    return any("capacity" in each.changed_data for formset in categories for each in formset.initial_forms)
