"""Enrolments: who holds a place, who waits, who finished. Places change only through the enrolment services
(the actions below), so capacity, the waitlist order and the emails follow the same rules as on the site."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from autumn_school.admin.helpers import run_for_each
from autumn_school.exports import enrolments_csv
from autumn_school.models import Enrolment, Module
from autumn_school.services.enrolment import promote_from_waitlist, unenrol


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = [
        "learner",
        "module",
        "status",
        "enrolled_at",
        "waitlisted_at",
        "completed_at",
        "last_activity_at",
    ]
    list_filter = ["status", "module__edition", "module"]
    list_select_related = ["learner", "module"]
    search_fields = ["learner__email", "learner__first_name", "learner__last_name", "module__title"]
    autocomplete_fields = ["learner", "module"]
    date_hierarchy = "created_at"
    fields = [
        "learner",
        "module",
        "status",
        "created_at",
        "enrolled_at",
        "waitlisted_at",
        "cancelled_at",
        "completed_at",
        "last_lesson",
        "last_activity_at",
    ]
    readonly_fields = fields
    actions = ["cancel", "promote", "export_csv"]

    def has_add_permission(self, request):
        # Learners enrol themselves (the window, prerequisites and capacity apply); see the actions to change places.
        return False

    @admin.action(description=_("Cancel (promotes the waitlist)"), permissions=["change"])
    def cancel(self, request, queryset):
        run_for_each(
            self,
            request,
            queryset.current().select_related("module", "learner"),
            lambda enrolment: unenrol(enrolment=enrolment),
            done_message=lambda count: (
                ngettext("%(count)d enrolment cancelled.", "%(count)d enrolments cancelled.", count) % {"count": count}
            ),
        )

    @admin.action(description=_("Promote from the waitlist"), permissions=["change"])
    def promote(self, request, queryset):
        """Fill the free seats of the selected enrolments' modules, first come first served."""
        promoted = 0
        for module in Module.objects.filter(pk__in=queryset.values("module_id")).order_by("pk"):
            promoted += len(promote_from_waitlist(module=module))
        if promoted:
            message = ngettext(
                "%(count)d learner moved from the waitlist into the module.",
                "%(count)d learners moved from the waitlist into the module.",
                promoted,
            ) % {"count": promoted}
            self.message_user(request, message, messages.SUCCESS)
        else:
            self.message_user(request, _("No free seat, or nobody waiting: nobody was promoted."), messages.WARNING)

    @admin.action(description=_("Export as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return enrolments_csv(queryset)
