from django.contrib import admin

from dimobel.models import CalendarFeed, SentReminder


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "recipient", "content_type", "object_id", "due_at", "sent_at"]
    list_filter = ["kind", "content_type"]
    search_fields = ["kind", "recipient__email"]
    list_select_related = ["recipient", "content_type"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    search_fields = ["user__email"]
    list_select_related = ["user"]
    exclude = ["token"]
