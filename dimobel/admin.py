from datetime import timedelta

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dimobel import outbox
from dimobel.models import CalendarFeed, OutboundEmail, SentReminder


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "recipient", "content_type", "object_id", "due_at", "sent_at", "email_status"]
    list_filter = ["kind", "content_type", "email__status"]
    search_fields = ["kind", "recipient__email"]
    list_select_related = ["recipient", "content_type", "email"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("email"), ordering="email__status")
    def email_status(self, reminder):
        return reminder.email.get_status_display() if reminder.email_id else "–"


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    search_fields = ["user__email"]
    list_select_related = ["user"]
    exclude = ["token"]


class AgeFilter(admin.SimpleListFilter):
    title = _("age")
    parameter_name = "age"
    AGES = {"1h": timedelta(hours=1), "1d": timedelta(days=1), "7d": timedelta(days=7)}

    def lookups(self, request, model_admin):
        return [
            ("1h", _("queued over an hour ago")),
            ("1d", _("queued over a day ago")),
            ("7d", _("queued over a week ago")),
        ]

    def queryset(self, request, queryset):
        age = self.AGES.get(self.value() or "")
        return queryset.filter(created_at__lte=timezone.now() - age) if age else queryset


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """The outbox: what went out, what waits, what failed and why. Staff retry or cancel; nobody edits an email."""

    list_display = ["subject", "to_email", "template", "status", "attempts", "created_at", "next_attempt_at", "sent_at"]
    list_filter = ["status", "template", AgeFilter, "language"]
    search_fields = ["to_email", "subject", "message_id"]
    date_hierarchy = "created_at"
    list_per_page = 50
    actions = ["retry_now", "cancel"]
    fields = [
        "status",
        "to_email",
        "recipient",
        "language",
        "template",
        "subject",
        "message_id",
        "about_link",
        "attempts",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
        "body_text",
        "attachment_names",
    ]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("about"))
    def about_link(self, email) -> str:
        return f"{email.content_type} #{email.object_id}" if email.content_type_id else "–"

    @admin.display(description=_("attachments"))
    def attachment_names(self, email):
        return ", ".join(attachment["filename"] for attachment in email.attachments) or "–"

    @admin.action(description=_("Retry now"), permissions=["view"])
    def retry_now(self, request, queryset) -> None:
        count = outbox.retry_now(queryset)
        self.message_user(
            request,
            ngettext("%(count)d email will be sent again.", "%(count)d emails will be sent again.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Cancel (do not send)"), permissions=["view"])
    def cancel(self, request, queryset) -> None:
        count = outbox.cancel(queryset)
        self.message_user(
            request,
            ngettext("%(count)d email cancelled.", "%(count)d emails cancelled.", count) % {"count": count},
            messages.SUCCESS,
        )
