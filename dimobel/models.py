import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboundEmailQuerySet(models.QuerySet):
    def due(self, now=None) -> "OutboundEmailQuerySet":
        """What a relay may deliver now: queued and due, or claimed by a sender whose lease ran out (it died)."""
        now = now or timezone.now()
        return self.filter(
            models.Q(status=OutboundEmail.Status.QUEUED, next_attempt_at__lte=now)
            | models.Q(status=OutboundEmail.Status.SENDING, claimed_until__lte=now)
        )

    def pending(self) -> "OutboundEmailQuerySet":
        """Not delivered yet, and still to be tried."""
        return self.filter(status__in=[OutboundEmail.Status.QUEUED, OutboundEmail.Status.SENDING])

    def concerning(self, obj) -> "OutboundEmailQuerySet":
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class OutboundEmail(models.Model):
    """One email in the outbox. It is inserted in the same transaction as the change that causes it, already
    rendered in the recipient's language, and delivered after the commit by a Celery task or the periodic relay
    (dimobel.outbox): at least once, with the same Message-ID on every attempt."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled")

    to_email = models.EmailField(_("to"), max_length=254)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("member"),
        help_text=_("Empty for an address without an account."),
    )
    language = models.CharField(_("language"), max_length=10)
    template = models.CharField(_("template"), max_length=200)
    subject = models.CharField(_("subject"), max_length=998)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    from_email = models.CharField(_("from"), max_length=254)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # [{"filename", "mimetype", "content" (base64)}]: a ticket's QR code and .ics are small.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("about (type)")
    )
    object_id = models.BigIntegerField(_("about (id)"), null=True, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The relay's scan: only rows still to deliver, in the order they fall due.
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status__in=["queued", "sending"]),
                name="dimobel_outbox_pending",
            ),
            models.Index(fields=["content_type", "object_id"], name="dimobel_outbox_about"),
            models.Index(fields=["status", "-created_at"], name="dimobel_outbox_status"),
            models.Index(fields=["template", "-created_at"], name="dimobel_outbox_template"),
            models.Index(fields=["-created_at"], name="dimobel_outbox_created"),
        ]

    def __str__(self):
        return f"{self.subject} → {self.to_email}"


class Heartbeat(models.Model):
    """When a periodic task last ran: /healthz tells a live worker (and beat) from a dead one."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self):
        return self.name


class SentReminder(models.Model):
    """One reminder that went out. The unique key makes every reminder go out exactly once."""

    kind = models.CharField(_("kind"), max_length=100)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("object type"))
    object_id = models.BigIntegerField(_("object id"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recipient"),
        help_text=_("Empty for a guest without an account, reached at the object's own address."),
    )
    due_at = models.DateTimeField(_("due at"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    email = models.ForeignKey(
        OutboundEmail,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("email"),
        help_text=_("The email in the outbox, with its delivery status."),
    )

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "recipient"], name="dimobel_sentreminder_once"
            ),
            # A guest (no account) is the object's only addressee: once per kind and object.
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id"],
                condition=models.Q(recipient__isnull=True),
                name="dimobel_sentreminder_guest_once",
            ),
        ]
        indexes = [models.Index(fields=["-sent_at"], name="dimobel_sentreminder_sent")]

    def __str__(self):
        return f"{self.kind} → {self.recipient or _('guest')}"


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A member's private calendar subscription. Revoking replaces the token, so old URLs answer 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed", verbose_name=_("member")
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
