from django.conf import settings
from django.db import transaction

from dimobel.mail import queue_mail
from dimobel.models import CalendarFeed, new_calendar_token


def forward_contact_message(*, name, email, subject, message) -> None:
    """Queue a visitor's message to the team, with Reply-To set to the visitor."""
    queue_mail(
        template_prefix="emails/contact_message",
        to=settings.CONTACT_EMAIL,
        language=settings.LANGUAGE_CODE,
        context={"name": name, "email": email, "subject": subject, "message": message},
        reply_to=[email],
    )


def revoke_calendar_feed(*, user) -> CalendarFeed:
    """Give the member a new private calendar URL; the old one stops working at once."""
    with transaction.atomic():
        feed, _created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
        feed.token = new_calendar_token()
        feed.save(update_fields=["token"])
    return feed
