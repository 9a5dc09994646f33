"""The moderation queue for reported messages. Conversations themselves stay private: staff see only the
threads that hold a reported message."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from network.models import Block, Message, MessageReport, Thread
from network.services import messaging as services


class ReportedMessageInline(admin.TabularInline):
    """The thread's messages, for a moderator weighing a report in context."""

    model = Message
    fields = ["created_at", "sender", "body"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    ordering = ["created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    """Read-only, and only for threads with a reported message."""

    list_display = ["__str__", "kind", "organisation", "started_by", "created_at", "last_message_at"]
    list_filter = ["kind"]
    list_select_related = ["organisation", "started_by"]
    readonly_fields = ["kind", "organisation", "started_by", "subject", "created_at", "last_message_at", "members"]
    fields = readonly_fields
    inlines = [ReportedMessageInline]

    def get_queryset(self, request):
        return super().get_queryset(request).reported()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("participants"))
    def members(self, obj):
        return ", ".join(str(p.member) for p in obj.participants.select_related("member"))


class ReportStatusFilter(admin.SimpleListFilter):
    """Open reports first: the filter starts on the queue, not on everything."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*MessageReport.Status.choices, ("all", _("All"))]

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": (self.value() or MessageReport.Status.OPEN) == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or MessageReport.Status.OPEN
        if value == "all":
            return queryset
        return queryset.filter(status=value)


@admin.register(MessageReport)
class MessageReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "status", "excerpt", "sender", "reporter", "thread_link", "reports_on_sender"]
    list_filter = [ReportStatusFilter, "created_at"]
    search_fields = [
        "message__body",
        "reason",
        "reporter__email",
        "message__sender__email",
        "message__sender__last_name",
    ]
    list_select_related = ["message", "message__sender", "reporter", "handled_by"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "message_body",
        "sender",
        "sender_status",
        "thread_link",
        "reporter",
        "reason",
        "created_at",
        "status",
        "handled_by",
        "handled_at",
    ]
    fields = readonly_fields
    actions = ["dismiss", "mark_action_taken", "deactivate_senders"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                sender_reports=Count(
                    "message__sender__sent_messages__reports",
                    filter=Q(message__sender__isnull=False),
                    distinct=True,
                )
            )
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Reports change only through the actions, which record who handled them and when.
        return False

    def has_moderate_permission(self, request):
        return request.user.has_perm("network.change_messagereport")

    @admin.display(description=_("message"))
    def excerpt(self, obj):
        return Truncator(obj.message.body).chars(80)

    @admin.display(description=_("message"))
    def message_body(self, obj):
        return linebreaksbr(obj.message.body, autoescape=True)

    @admin.display(description=_("sender"))
    def sender(self, obj):
        sender = obj.message.sender
        if sender is None:
            return _("former member")
        url = reverse("admin:network_user_change", args=[sender.pk])
        return format_html('<a href="{}">{}</a>', url, sender)

    @admin.display(description=_("sender's account"))
    def sender_status(self, obj):
        sender = obj.message.sender
        if sender is None:
            return _("deleted")
        return _("active") if sender.is_active else _("deactivated")

    @admin.display(description=_("conversation"))
    def thread_link(self, obj):
        url = reverse("admin:network_thread_change", args=[obj.message.thread_id])
        return format_html('<a href="{}">#{}</a>', url, obj.message.thread_id)

    @admin.display(description=_("reports on this sender"), ordering="sender_reports")
    def reports_on_sender(self, obj):
        return obj.sender_reports

    def _close(self, request, queryset, status):
        count = services.handle_reports(reports=queryset, status=status, handled_by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d report closed.", "%(count)d reports closed.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Dismiss the selected reports"), permissions=["moderate"])
    def dismiss(self, request, queryset):
        self._close(request, queryset, MessageReport.Status.DISMISSED)

    @admin.action(description=_("Mark the selected reports as action taken"), permissions=["moderate"])
    def mark_action_taken(self, request, queryset):
        self._close(request, queryset, MessageReport.Status.ACTION_TAKEN)

    @admin.action(description=_("Deactivate the senders' accounts (and mark action taken)"), permissions=["moderate"])
    def deactivate_senders(self, request, queryset):
        if not request.user.has_perm("network.change_user"):
            self.message_user(request, _("You may not change members' accounts."), messages.ERROR)
            return
        sender_ids = set(queryset.exclude(message__sender=None).values_list("message__sender_id", flat=True))
        count = services.deactivate_reported_senders(member_ids=sender_ids, handled_by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d account deactivated.", "%(count)d accounts deactivated.", count) % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):
    list_display = ["blocker", "blocked", "created_at"]
    search_fields = ["blocker__email", "blocked__email", "blocked__last_name"]
    list_select_related = ["blocker", "blocked"]
    raw_id_fields = ["blocker", "blocked"]
