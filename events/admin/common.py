"""What the events' admin pages share: forms shown in the event's own time zone, list filters scoped to the
event being looked at, and actions that go through a service row by row, some after a page asking for details.
Times are written in the event's zone by events.times."""

from collections import Counter
from zoneinfo import ZoneInfo

from django.contrib import admin
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dimobel.converters import id_or_none
from dimobel.errors import DomainError
from events.models import Event

EVENT_FILTER = "event__id__exact"  # the parameter of list_filter = ["event"]


def chosen_event_id(request, parameter=EVENT_FILTER):
    return id_or_none(request.GET.get(parameter, ""))


def known_zone(name):
    return ZoneInfo(name) if name in Event.TimeZone.values else None


class EventZoneFormMixin:
    """The add and change pages read and write times in the event's own zone, not the server's: organisers
    type 10:00 for a meeting that starts at 10:00 in Oujda, whatever Morocco's offset that day."""

    def zone_for(self, request, object_id):
        raise NotImplementedError

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        zone = self.zone_for(request, object_id)
        if zone is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        with timezone.override(zone):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            # Rendered here, while the zone is active: the widgets convert the times as they render.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response


class EventColumnMixin:
    """Once the list is filtered on one event, its title on every row would only push the useful columns off
    the screen."""

    def get_list_display(self, request):
        list_display = super().get_list_display(request)
        if chosen_event_id(request) is not None:
            return [name for name in list_display if name != "event"]
        return list_display


class ScopedToEventFilter(admin.SimpleListFilter):
    """A filter on a per-event table (category, room, track), offered once an event is chosen: the names mean
    something only within one event."""

    model = None
    field = None
    event_parameter = EVENT_FILTER

    def lookups(self, request, model_admin):
        event_id = chosen_event_id(request, self.event_parameter)
        if event_id is None:
            return []
        return [(row.pk, str(row)) for row in self.model.objects.filter(event_id=event_id)]

    def queryset(self, request, queryset):
        if (chosen := id_or_none(self.value())) is not None:
            return queryset.filter(**{f"{self.field}_id": chosen})
        return queryset


class IsSetFilter(admin.SimpleListFilter):
    """Rows whose ``field`` is set ("yes") or empty ("no")."""

    field = None
    labels = (_("Yes"), _("No"))

    def lookups(self, request, model_admin):
        return [("yes", self.labels[0]), ("no", self.labels[1])]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(**{f"{self.field}__isnull": self.value() == "no"})
        return queryset


def apply_each(rows, change) -> tuple[int, Counter]:
    """``change`` each row through its service: how many changed, and how many the rules refused, by reason.
    One refusal does not stop the others."""
    done, refused = 0, Counter()
    for row in rows:
        try:
            change(row)
        except DomainError as error:
            refused[str(error)] += 1
        else:
            done += 1
    return done, refused


def action_form_page(model_admin, request, template, *, action, title, queryset, form):
    """The page between an action and its effect (admin/action_confirmation.html)."""
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "opts": model_admin.model._meta,
        "queryset": queryset,
        "form": form,
        "action": action,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": model_admin.media,
    }
    return TemplateResponse(request, template, context)
