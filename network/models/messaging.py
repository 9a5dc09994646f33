from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 5000


class ThreadQuerySet(models.QuerySet):
    def reported(self) -> "ThreadQuerySet":
        """Threads holding a reported message: the only conversations moderators may read."""
        return self.filter(Exists(MessageReport.objects.filter(message__thread=OuterRef("pk"))))


class Thread(models.Model):
    """A conversation. Direct threads are one per pair of members (``pair_key``); an organisation
    thread joins a member to that organisation's admins, one per (organisation, member)."""

    class Kind(models.TextChoices):
        DIRECT = "direct", _("Between two members")
        ORGANISATION = "organisation", _("With an organisation")

    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices, default=Kind.DIRECT)
    pair_key = models.CharField(max_length=50, null=True, blank=True, editable=False)  # "<low id>:<high id>"
    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="threads",
        verbose_name=_("organisation"),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_message_at = models.DateTimeField(_("last message at"), null=True, blank=True)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["pair_key"], condition=models.Q(kind="direct"), name="network_thread_one_per_pair"
            ),
            models.UniqueConstraint(
                fields=["organisation", "started_by"],
                condition=models.Q(kind="organisation"),
                name="network_thread_one_per_org_member",
            ),
        ]

    def __str__(self):
        return self.subject or f"#{self.pk}"

    @staticmethod
    def pair_key_of(a, b) -> str:
        """The ``pair_key`` of the direct thread between two members, whichever writes first."""
        low, high = sorted([a.pk, b.pk])
        return f"{low}:{high}"

    @property
    def is_direct(self) -> bool:
        return self.kind == self.Kind.DIRECT

    @property
    def is_with_organisation(self) -> bool:
        return self.kind == self.Kind.ORGANISATION


class Participant(models.Model):
    """A member in a thread, with what they have read and when they were last emailed about it."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="participants")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_participations")
    last_read_at = models.DateTimeField(null=True, blank=True)
    last_notified_at = models.DateTimeField(null=True, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["thread", "member"], name="network_participant_once")]
        indexes = [models.Index(fields=["member", "thread"], name="network_participant_member")]

    def __str__(self):
        return f"{self.member} in {self.thread_id}"


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,  # a deleted account's messages stay, signed "former member"
        related_name="sent_messages",
        verbose_name=_("sender"),
    )
    body = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["thread", "created_at"], name="network_message_thread")]

    def __str__(self):
        return self.body[:60]


class Block(models.Model):
    """The blocker no longer receives anything from the blocked member; nothing tells the blocked one."""

    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="network_block_once")]

    def __str__(self):
        return f"{self.blocker} ⊘ {self.blocked}"


class MessageReport(models.Model):
    """A message reported by a recipient; organisers handle the queue in the admin."""

    class Status(models.TextChoices):
        OPEN = "open", _("To review")
        DISMISSED = "dismissed", _("Dismissed")
        ACTION_TAKEN = "action_taken", _("Action taken")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports", verbose_name=_("message"))
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("reported by")
    )
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )

    class Meta:
        verbose_name = _("reported message")
        verbose_name_plural = _("reported messages")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["message", "reporter"], name="network_report_once_per_reporter")]
        indexes = [models.Index(fields=["status", "-created_at"], name="network_report_queue")]

    def __str__(self):
        return f"{self.message_id} ({self.get_status_display()})"
