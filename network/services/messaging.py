"""Writing to each other: one thread per pair of members, organisation threads, limits and blocks."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import MESSAGE_MAX_LENGTH, Block, Membership, Message, Participant, Profile, Thread

NEW_THREADS_PER_DAY = 20


class MessagingError(Exception):
    """A rule refused the message; ``str(error)`` is a translated explanation for the sender."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


class RecipientUnavailable(MessagingError):
    pass


class TooManyNewThreads(MessagingError):
    pass


class MessageInvalid(MessagingError):
    pass


def pair_key(a, b) -> str:
    low, high = sorted([a.pk, b.pk])
    return f"{low}:{high}"


def is_blocked(*, sender, recipient) -> bool:
    return Block.objects.filter(blocker=recipient, blocked=sender).exists()


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


def _check_new_thread_allowed(sender):
    since = timezone.now() - timedelta(days=1)
    started = Thread.objects.filter(started_by=sender, created_at__gte=since).count()
    if started >= NEW_THREADS_PER_DAY:
        raise TooManyNewThreads(
            _("You have started %(count)s new conversations today, the daily limit. Try again tomorrow.")
            % {"count": started}
        )


def _recipient_accepts(sender, recipient) -> bool:
    """Whether the recipient can be written to. A block looks like 'not accepting messages' on purpose."""
    if recipient == sender or not recipient.is_active:
        return False
    profile = Profile.objects.filter(user=recipient).only("messaging", "visibility").first()
    if profile is not None and (
        profile.messaging == Profile.Messaging.NOBODY or profile.visibility == Profile.Visibility.HIDDEN
    ):
        return False
    return not is_blocked(sender=sender, recipient=recipient)


def _post(thread, sender, body) -> Message:
    now = timezone.now()
    message = Message.objects.create(thread=thread, sender=sender, body=body)
    Thread.objects.filter(pk=thread.pk).update(last_message_at=now)
    Participant.objects.filter(thread=thread, member=sender).update(last_read_at=now)
    return message


def send_direct_message(*, sender, recipient, body, subject="") -> Message:
    """Write to a member: continues the pair's thread, or starts it (within the daily limit)."""
    body = _check_body(body)
    if not _recipient_accepts(sender, recipient):
        raise RecipientUnavailable(_("This member does not accept messages."))
    with transaction.atomic():
        key = pair_key(sender, recipient)
        thread = Thread.objects.select_for_update().filter(kind=Thread.Kind.DIRECT, pair_key=key).first()
        if thread is None:
            _check_new_thread_allowed(sender)
            thread, _created = Thread.objects.get_or_create(
                kind=Thread.Kind.DIRECT, pair_key=key, defaults={"started_by": sender, "subject": subject}
            )
            for member in (sender, recipient):
                Participant.objects.get_or_create(thread=thread, member=member)
        return _post(thread, sender, body)


def organisation_admins(organisation):
    from network.models import User

    return User.objects.filter(
        is_active=True,
        memberships__organisation=organisation,
        memberships__status=Membership.Status.ACCEPTED,
        memberships__is_admin=True,
    )


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
    if thread.kind == Thread.Kind.DIRECT and others and not _recipient_accepts(sender, others[0]):
        raise RecipientUnavailable(_("This member does not accept messages."))
    with transaction.atomic():
        return _post(thread, sender, body)


def mark_read(*, member, thread) -> None:
    Participant.objects.filter(thread=thread, member=member).update(last_read_at=timezone.now())


def block(*, blocker, blocked) -> Block:
    block, _created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    return block


def unblock(*, blocker, blocked) -> None:
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()
