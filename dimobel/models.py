import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


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


def new_calendar_token():
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
