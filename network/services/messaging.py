"""Writing to each other: one thread per pair of members, organisation threads, limits and blocks."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from dimobel import notify, outbox
from dimobel.errors import DomainError
from dimobel.models import OutboundEmail
from network.models import (
    MESSAGE_MAX_LENGTH,
    Block,
    Message,
    MessageReport,
    Participant,
    Profile,
    Thread,
    User,
)
from network.selectors.messaging import accepts_messages, new_threads_started_since, unsubscribe_token
from network.selectors.organisations import organisation_admins
from network.services.profiles import ensure_profile

NEW_THREADS_PER_DAY = 20
NOTIFY_EVERY = timedelta(minutes=15)  # at most one email per thread and recipient in this window
NOTIFY_DELAY = timedelta(seconds=60)  # a member who has the thread open reads it before any email goes out


class RecipientUnavailable(DomainError):
    pass


class TooManyNewThreads(DomainError):
    pass


class MessageInvalid(DomainError):
    pass


def _check_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise MessageInvalid(_("Write a message before sending."))
    if len(body) > MESSAGE_MAX_LENGTH:
        raise MessageInvalid(
            _("Your message is too long (%(length)s characters); the limit is %(limit)s.")
            % {"length": len(body), "limit": MESSAGE_MAX_LENGTH}
        )
    return body


def _check_new_thread_allowed(sender) -> None:
    started = new_threads_started_since(sender, timezone.now() - timedelta(days=1))
    if started >= NEW_THREADS_PER_DAY:
        raise TooManyNewThreads(
            _("You have started %(count)s new conversations today, the daily limit. Try again tomorrow.")
            % {"count": started}
        )


def _post(thread, sender, body) -> Message:
    message = Message.objects.create(thread=thread, sender=sender, body=body)
    # The message's own time, so "read up to" and "last message" compare exactly.
    Thread.objects.filter(pk=thread.pk).update(last_message_at=message.created_at)
    Participant.objects.filter(thread=thread, member=sender).update(last_read_at=message.created_at)
    notify_new_message(message_id=message.pk)
    return message


def send_direct_message(*, sender, recipient, body, subject="") -> Message:
    """Write to a member: continues the pair's thread, or starts it (within the daily limit)."""
    body = _check_body(body)
    if not accepts_messages(recipient=recipient, sender=sender):
        raise RecipientUnavailable(_("This member does not accept messages."))
    with transaction.atomic():
        key = Thread.pair_key_of(sender, recipient)
        thread = Thread.objects.select_for_update().filter(kind=Thread.Kind.DIRECT, pair_key=key).first()
        if thread is None:
            _check_new_thread_allowed(sender)
            thread, _created = Thread.objects.get_or_create(
                kind=Thread.Kind.DIRECT, pair_key=key, defaults={"started_by": sender, "subject": subject}
            )
            for member in (sender, recipient):
                Participant.objects.get_or_create(thread=thread, member=member)
        return _post(thread, sender, body)


def contact_organisation(*, sender, organisation, body, subject="") -> Message:
    """Open (or continue) the sender's thread with an organisation's admins."""
    body = _check_body(body)
    admins = list(organisation_admins(organisation).exclude(pk=sender.pk))
    if not organisation.is_published or not admins:
        raise RecipientUnavailable(_("This organisation cannot be contacted on the platform yet."))
    with transaction.atomic():
        thread = (
            Thread.objects.select_for_update()
            .filter(kind=Thread.Kind.ORGANISATION, organisation=organisation, started_by=sender)
            .first()
        )
        if thread is None:
            _check_new_thread_allowed(sender)
            thread, _created = Thread.objects.get_or_create(
                kind=Thread.Kind.ORGANISATION,
                organisation=organisation,
                started_by=sender,
                defaults={"subject": subject},
            )
        for member in [sender, *admins]:
            Participant.objects.get_or_create(thread=thread, member=member)
        return _post(thread, sender, body)


def reply(*, sender, thread, body) -> Message:
    """Answer in a thread the sender takes part in (the caller has checked access)."""
    body = _check_body(body)
    others = [p.member for p in thread.participants.select_related("member").exclude(member=sender)]
    # A direct thread whose other member deleted their account has nobody left to read a reply.
    if thread.is_direct and (not others or not accepts_messages(recipient=others[0], sender=sender)):
        raise RecipientUnavailable(_("This member does not accept messages."))
    with transaction.atomic():
        return _post(thread, sender, body)


def mark_read(*, member, thread, up_to=None) -> None:
    """The member has read the thread, up to a time (the last message they were shown) or now.
    The mark never moves back, so a slow poll cannot undo a later read."""
    up_to = up_to or timezone.now()
    Participant.objects.filter(thread=thread, member=member).filter(
        Q(last_read_at__isnull=True) | Q(last_read_at__lt=up_to)
    ).update(last_read_at=up_to)
    # An email about a message they have now seen, still waiting its minute, is not sent; the thread's email slot
    # is then free again, so the next message they have not seen is emailed.
    seen = Message.objects.filter(thread=thread, created_at__lte=up_to).values("pk")
    waiting = OutboundEmail.objects.filter(
        content_type=ContentType.objects.get_for_model(Message), object_id__in=seen, recipient=member
    )
    if outbox.cancel(waiting):
        Participant.objects.filter(thread=thread, member=member).update(last_notified_at=None)


def block(*, blocker, blocked) -> Block:
    block, _created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    return block


def unblock(*, blocker, blocked) -> None:
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()


class AlreadyReported(DomainError):
    pass


def report_message(*, reporter, message, reason="") -> MessageReport:
    """Send a message to the moderation queue. Each member reports a message once."""
    if message.sender_id == reporter.pk:
        raise DomainError(_("You cannot report your own message."))
    with transaction.atomic():
        report, created = MessageReport.objects.get_or_create(
            message=message, reporter=reporter, defaults={"reason": (reason or "").strip()}
        )
    if not created:
        raise AlreadyReported(_("You have already reported this message; the team will look at it."))
    return report


def handle_reports(*, reports, status, handled_by) -> int:
    """Close the open ones of these reports (dismissed or action taken), recording who and when. Reports
    already closed keep their first answer."""
    return reports.filter(status=MessageReport.Status.OPEN).update(
        status=status, handled_by=handled_by, handled_at=timezone.now()
    )


def deactivate_reported_senders(*, member_ids, handled_by) -> int:
    """Moderation: close the accounts of reported senders (never staff, never the moderator themselves) and mark
    their open reports handled."""
    member_ids = set(member_ids) - {handled_by.pk}
    with transaction.atomic():
        members = User.objects.filter(pk__in=member_ids, is_active=True, is_staff=False, is_superuser=False)
        ids = list(members.values_list("pk", flat=True))
        count = User.objects.filter(pk__in=ids).update(is_active=False)
        handle_reports(
            reports=MessageReport.objects.filter(message__sender_id__in=ids),
            status=MessageReport.Status.ACTION_TAKEN,
            handled_by=handled_by,
        )
    return count


def set_email_on_message(*, member, enabled: bool) -> Profile:
    profile = ensure_profile(user=member)
    if profile.email_on_message != enabled:
        profile.email_on_message = enabled
        profile.save(update_fields=["email_on_message", "updated_at"])
    return profile


def _claim_notification(participant, message, now) -> bool:
    """Take the thread's email slot for this recipient, atomically: the conditional UPDATE succeeds for one
    worker only, and only if nobody was emailed in the window and the message is still unread."""
    return bool(
        Participant.objects.filter(pk=participant.pk)
        .filter(Q(last_notified_at__isnull=True) | Q(last_notified_at__lte=now - NOTIFY_EVERY))
        .filter(Q(last_read_at__isnull=True) | Q(last_read_at__lt=message.created_at))
        .update(last_notified_at=now)
    )


def notify_new_message(*, message_id) -> list[User]:
    """Queue an email to the other participants about a new message, in the message's transaction. Each email
    waits NOTIFY_DELAY in the outbox and is cancelled if the member reads the thread meanwhile. Returns who
    gets one. Safe to run twice: the second run finds every slot taken."""
    message = Message.objects.select_related("thread", "thread__organisation", "sender").filter(pk=message_id).first()
    if message is None:
        return []
    recipients = (
        Participant.objects.filter(thread_id=message.thread_id, member__is_active=True)
        .exclude(member_id=message.sender_id)
        .select_related("member", "member__profile")
    )
    notified = []
    for participant in recipients:
        member = participant.member
        profile = getattr(member, "profile", None)  # no profile yet: emails are on by default
        if profile is not None and not profile.email_on_message:
            continue
        now = timezone.now()
        with transaction.atomic():
            if not _claim_notification(participant, message, now):
                continue
            with notify.in_language_of(member):
                thread_url = notify.link("network:thread", message.thread_id)
                unsubscribe_url = notify.link("network:messages_unsubscribe", unsubscribe_token(member))
            notify.email_member(
                recipient=member,
                template="network/message_notification",
                context={
                    "recipient": member,
                    "sender_name": str(message.sender) if message.sender else None,
                    "organisation_name": message.thread.organisation.name if message.thread.organisation else "",
                    "excerpt": _excerpt(message.body),
                    "thread_url": thread_url,
                    "unsubscribe_url": unsubscribe_url,
                },
                headers={
                    "List-Unsubscribe": f"<{unsubscribe_url}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
                about=message,
                send_after=now + NOTIFY_DELAY,
            )
        notified.append(member)
    return notified


def _excerpt(body, lines=6, chars=500) -> str:
    """The first lines of a message, for an email."""
    all_lines = body.splitlines()
    short = Truncator("\n".join(all_lines[:lines])).chars(chars)
    if len(all_lines) > lines and not short.endswith("…"):
        short += "…"
    return short
