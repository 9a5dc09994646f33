"""The programme: speakers (members or external people, with a photo) and sessions by event, day and room.
Times are typed and shown in the event's own zone; a room booked twice is a form error, not a database error."""

from django import forms
from django.contrib import admin
from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _

from dimobel.converters import id_or_none
from dimobel.files import ReplacedFilesAdminMixin, clean_uploaded_image
from events import times
from events.admin.common import EventColumnMixin, EventZoneFormMixin, IsSetFilter, ScopedToEventFilter, known_zone
from events.models import Event, Room, Session, Speaker, Track
from events.selectors.programme import room_clash

PHOTO_BOX = (512, 512)


class RoomFilter(ScopedToEventFilter):
    title = _("room")
    parameter_name = "room"
    model = Room
    field = "room"


class TrackFilter(ScopedToEventFilter):
    title = _("track")
    parameter_name = "track"
    model = Track
    field = "track"


class MemberOrExternalFilter(IsSetFilter):
    title = _("speaker")
    parameter_name = "member"
    field = "user"
    labels = (_("Member"), _("External"))


class SpeakerAdminForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = ["photo"]  # the admin's fields give the full list

    def clean_photo(self):
        # The same checks as members' uploads: content, size, resized and re-encoded.
        return clean_uploaded_image(self.cleaned_data.get("photo"), box=PHOTO_BOX)

    def clean(self):
        cleaned = super().clean()
        user, event = cleaned.get("user"), cleaned.get("event")
        if user and event:
            taken = Speaker.objects.filter(event=event, user=user).exclude(pk=self.instance.pk).exists()
            if taken:
                self.add_error("user", _("This member is already a speaker of this event."))
        return cleaned


@admin.register(Speaker)
class SpeakerAdmin(ReplacedFilesAdminMixin, EventColumnMixin, admin.ModelAdmin):
    form = SpeakerAdminForm
    list_display = ["name", "event", "organisation_name", "job_title", "member", "session_count", "has_photo"]
    list_filter = ["event", MemberOrExternalFilter]
    list_select_related = ["event", "user"]
    search_fields = ["name", "organisation_name", "job_title", "user__email", "user__last_name"]
    autocomplete_fields = ["user"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["event", "user", "name", "slug", "organisation_name", "job_title", "bio", "photo"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(session_count=Count("sessions"))

    @admin.display(description=_("member"), ordering="user__email")
    def member(self, obj):
        return obj.user.email if obj.user_id else _("External")

    @admin.display(description=_("sessions"), ordering="session_count")
    def session_count(self, obj):
        return obj.session_count

    @admin.display(description=_("photo"), boolean=True)
    def has_photo(self, obj):
        return bool(obj.photo)


class SessionAdminForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["event"]  # the admin's fieldsets give the full list

    def clean(self):
        cleaned = super().clean()
        event = cleaned.get("event")
        if event is not None:
            for name in ("room", "track"):
                value = cleaned.get(name)
                if value is not None and value.event_id != event.pk:
                    self.add_error(name, _("Choose one of this event's rooms and tracks."))
            if any(speaker.event_id != event.pk for speaker in cleaned.get("speakers") or []):
                self.add_error("speakers", _("Choose speakers of this event."))
        starts, ends, room = cleaned.get("starts_at"), cleaned.get("ends_at"), cleaned.get("room")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The session must end after it starts."))
        elif starts and ends and room and not self.has_error("room"):
            self._check_room_is_free(room, starts, ends)
        return cleaned

    def _check_room_is_free(self, room, starts, ends):
        """The database refuses a room booked twice; this says which session holds it, before trying.
        An error on the room also spares the generic message of the constraint check."""
        clash = room_clash(room, starts, ends, besides=self.instance.pk)
        if clash is not None:
            self.add_error(
                "room",
                _("%(room)s is already booked at that time, for “%(session)s” (%(start)s – %(end)s).")
                % {
                    "room": room.name,
                    "session": clash.title,
                    "start": times.formatted(clash.event, clash.starts_at),
                    "end": times.formatted(clash.event, clash.ends_at, "TIME_FORMAT"),
                },
            )


@admin.register(Session)
class SessionAdmin(EventColumnMixin, EventZoneFormMixin, admin.ModelAdmin):
    form = SessionAdminForm
    list_display = ["title", "kind", "event", "day", "hours", "room", "track", "speaker_names", "capacity"]
    list_filter = ["event", "kind", TrackFilter, RoomFilter]
    list_select_related = ["event", "room", "track"]
    search_fields = ["title", "abstract", "speakers__name"]
    ordering = ["event__starts_at", "starts_at", "room__position", "pk"]
    filter_horizontal = ["speakers"]
    fieldsets = [
        (None, {"fields": ["event", "kind", "title", "abstract", "speakers"]}),
        (
            _("When and where"),
            {
                "fields": ["starts_at", "ends_at", "room", "track", "capacity"],
                "description": _("Times are in the event's time zone."),
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("speakers", queryset=Speaker.objects.only("pk", "name").order_by("name")))
        )

    def _event_id(self, request):
        object_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
        if (session_id := id_or_none(object_id)) is not None:
            return Session.objects.filter(pk=session_id).values_list("event_id", flat=True).first()
        return id_or_none(request.POST.get("event") or request.GET.get("event") or "")

    def zone_for(self, request, object_id):
        event_id = self._event_id(request)
        if event_id is None:
            return None
        return known_zone(Event.objects.filter(pk=event_id).values_list("time_zone", flat=True).first() or "")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in ("room", "track"):
            return self._scoped(super().formfield_for_foreignkey, db_field, request, **kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "speakers":
            return self._scoped(super().formfield_for_manytomany, db_field, request, **kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _scoped(self, make_field, db_field, request, **kwargs):
        """Only the event's rooms, tracks or speakers once the event is known; all of them, named with their
        event, on a new session."""
        queryset = db_field.related_model.objects.select_related("event").order_by("event__starts_at", "name")
        event_id = self._event_id(request)
        if event_id is not None:
            queryset = queryset.filter(event_id=event_id)
        field = make_field(db_field, request, queryset=queryset, **kwargs)
        if event_id is None:
            field.label_from_instance = _with_event
        return field

    @admin.display(description=_("day"), ordering="starts_at")
    def day(self, obj):
        return times.formatted(obj.event, obj.starts_at, "D j M Y")

    @admin.display(description=_("hours"))
    def hours(self, obj):
        return times.time_range(obj.event, obj.starts_at, obj.ends_at)

    @admin.display(description=_("speakers"))
    def speaker_names(self, obj):
        return ", ".join(speaker.name for speaker in obj.speakers.all()) or "–"


def _with_event(obj):
    return f"{obj.event.title} – {obj}"
