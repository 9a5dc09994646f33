"""Reads about messaging: the inbox with unread counts, a thread's messages and read receipts, blocks, who
accepts messages, and the one-click unsubscribe token. Access to a thread or a message: network.permissions."""

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.db.models import (
    Count,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Left
from django.template.defaultfilters import linebreaksbr
from django.utils.html import urlize
from django.utils.safestring import SafeString, mark_safe

from network.models import Block, Message, Participant, Profile, Thread, User

MESSAGES_PER_PAGE = 50
UNSUBSCRIBE_SALT = "network.messages.unsubscribe"
SNIPPET_LENGTH = 140
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # "never read": older than any message

# Members who live in Morocco see times in Moroccan time; everyone else in Belgian time.
_ZONES_BY_COUNTRY = {"MA": "Africa/Casablanca"}


def inbox_for(user) -> QuerySet[Thread]:
    """The member's threads, latest first, each with ``unread`` (messages from others after my read mark),
    ``last_body`` (a snippet), ``last_sender_id``, ``my_last_read_at`` and ``others`` (the other participants).
    A constant number of queries, however many threads."""
    newer_from_others = (
        Message.objects.filter(thread=OuterRef("pk"), created_at__gt=OuterRef("read_mark"))
        .exclude(sender=user)
        .order_by()
        .values("thread")
        .annotate(n=Count("pk"))
        .values("n")
    )
    latest = Message.objects.filter(thread=OuterRef("pk")).order_by("-created_at", "-pk")
    return (
        Thread.objects.annotate(mine=FilteredRelation("participants", condition=Q(participants__member=user)))
        .filter(mine__member=user, last_message_at__isnull=False)
        .annotate(
            my_last_read_at=F("mine__last_read_at"),
            read_mark=Coalesce(F("mine__last_read_at"), Value(_EPOCH)),
        )
        .annotate(
            unread=Coalesce(Subquery(newer_from_others, output_field=IntegerField()), 0),
            last_body=Subquery(latest.annotate(snippet=Left("body", SNIPPET_LENGTH + 1)).values("snippet")[:1]),
            last_sender_id=Subquery(latest.values("sender_id")[:1]),
        )
        .select_related("organisation", "started_by")
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.exclude(member=user).select_related("member").order_by("joined_at"),
                to_attr="others",
            )
        )
        .order_by("-last_message_at", "-pk")
    )


def unread_thread_count(user) -> int:
    """How many threads hold a message the member has not read: one query, for the top bar."""
    # Posting sets the thread's last_message_at and the sender's read mark to the same instant,
    # so a thread whose last message is the member's own never counts.
    return Participant.objects.filter(
        member=user, thread__last_message_at__gt=Coalesce(F("last_read_at"), Value(_EPOCH))
    ).count()


def thread_messages(thread, *, after=None, before=None, limit=MESSAGES_PER_PAGE) -> list[Message]:
    """Messages of a thread in order: those after a message id (polling), or the latest page
    (before a message id, for older pages). Each gets ``body_html``."""
    messages = Message.objects.filter(thread=thread).select_related("sender")
    if after is not None:
        messages = list(messages.filter(pk__gt=after).order_by("created_at", "pk")[:limit])
    else:
        if before is not None:
            messages = messages.filter(pk__lt=before)
        messages = list(messages.order_by("-created_at", "-pk")[:limit])[::-1]
    for message in messages:
        message.body_html = render_body(message.body)
    return messages


def has_earlier_messages(thread, first) -> bool:
    return first is not None and Message.objects.filter(thread=thread, pk__lt=first.pk).exists()


def render_body(body) -> SafeString:
    """Plain text, escaped, with line breaks kept and links made clickable (never followed by search engines,
    never given access to this page)."""
    html = urlize(body, nofollow=True, autoescape=True)
    html = html.replace('rel="nofollow"', 'rel="nofollow noopener ugc"')
    return mark_safe(linebreaksbr(html, autoescape=False))  # noqa: S308 (urlize escaped everything above)


@dataclass(frozen=True)
class Receipt:
    """What a member sees under their own latest message: "Sent" until someone else has read it, then "Seen".
    Both False when the thread's latest message is not theirs."""

    sent: bool = False
    seen: bool = False


def read_receipt(thread, user, latest=None) -> Receipt:
    """The receipt of the member's latest message in the thread. ``latest`` saves a query when the caller has it."""
    if latest is None:
        latest = Message.objects.filter(thread=thread).order_by("-created_at", "-pk").first()
    if latest is None or latest.sender_id != user.pk:
        return Receipt()
    seen = any(
        p.last_read_at is not None and p.last_read_at >= latest.created_at
        for p in thread.participants.all()
        if p.member_id != user.pk
    )
    return Receipt(sent=not seen, seen=seen)


def other_member(thread, user) -> User | None:
    """The other member of a direct thread, or None (organisation thread, or their account is gone)."""
    if not thread.is_direct:
        return None
    return next((p.member for p in thread.participants.all() if p.member_id != user.pk), None)


def direct_thread_between(a, b) -> Thread | None:
    return Thread.objects.filter(kind=Thread.Kind.DIRECT, pair_key=Thread.pair_key_of(a, b)).first()


def has_blocked(blocker, blocked) -> bool:
    return Block.objects.filter(blocker=blocker, blocked=blocked).exists()


def accepts_messages(*, recipient, sender) -> bool:
    """Whether the sender may write to the recipient. A block looks like 'not accepting messages' on purpose.
    A member without a profile yet accepts messages (profiles are created on first use)."""
    if recipient == sender or not recipient.is_active:
        return False
    profile = Profile.objects.filter(user=recipient).only("messaging", "visibility").first()
    if profile is not None and not profile.accepts_messages:
        return False
    return not has_blocked(recipient, sender)


def new_threads_started_since(member, since) -> int:
    return Thread.objects.filter(started_by=member, created_at__gte=since).count()


def unsubscribe_token(member) -> str:
    """A signed token that turns message emails off for this member, without logging in."""
    return signing.dumps(member.pk, salt=UNSUBSCRIBE_SALT)


def member_from_unsubscribe_token(token) -> User | None:
    """The member a token was made for, or None when it is tampered with or the member is gone."""
    try:
        member_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=member_id, is_active=True).first()


def blocked_member_ids(user) -> set[int]:
    return set(Block.objects.filter(blocker=user).values_list("blocked_id", flat=True))


def member_timezone(user) -> ZoneInfo:
    """The zone a member reads times in, from where they live (Belgian time unless they live in Morocco)."""
    country = Profile.objects.filter(user=user).values_list("country", flat=True).first()
    return ZoneInfo(_ZONES_BY_COUNTRY.get(str(country or ""), settings.TIME_ZONE))
