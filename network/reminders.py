"""What the network reminds members of. The shared sweep (dimobel.reminders) sends each reminder once."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from dimobel import reminders
from dimobel.mail import absolute_url
from network.models import Opportunity

DEADLINE_NOTICE = timedelta(days=3)


@reminders.provider
def opportunity_deadlines(now):
    """Posters hear, once, that their open opportunity closes within three days."""
    today = timezone.localdate(now)
    closing = (
        Opportunity.objects.filter(
            status=Opportunity.Status.PUBLISHED,
            deadline__gte=today,
            deadline__lte=today + DEADLINE_NOTICE,
            posted_by__is_active=True,
        )
        .select_related("posted_by")
        .order_by("deadline", "pk")
    )
    for opportunity in closing:
        due_day = opportunity.deadline - DEADLINE_NOTICE
        # Links in the poster's language, like the email itself.
        with translation.override(opportunity.posted_by.preferred_language or settings.LANGUAGE_CODE):
            url = absolute_url(reverse("network:opportunity_detail", args=[opportunity.pk]))
            edit_url = absolute_url(reverse("network:opportunity_edit", args=[opportunity.pk]))
        yield reminders.Reminder(
            kind="network.opportunity.deadline_3d",
            obj=opportunity,
            recipient=opportunity.posted_by,
            due_at=timezone.make_aware(datetime.combine(due_day, time.min)),
            template_prefix="emails/network/opportunity_deadline",
            context={
                "opportunity": opportunity,
                "url": url,
                "edit_url": edit_url,
            },
        )
