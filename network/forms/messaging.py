from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from network.models import MESSAGE_MAX_LENGTH, MessageReport, Profile


class MessageForm(forms.Form):
    # No maxlength attribute: a browser would cut a pasted text silently; the service refuses with a message
    # and the form gives the whole text back.
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a message before sending.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = gettext("Plain text; links become clickable. At most %(limit)s characters.") % {
            "limit": MESSAGE_MAX_LENGTH
        }


class ReplyForm(MessageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Your reply")
        self.fields["body"].help_text = ""
        self.fields["body"].widget.attrs.update({"rows": 3})


class ReportForm(forms.ModelForm):
    class Meta:
        model = MessageReport
        fields = ["reason"]
        labels = {"reason": _("Why are you reporting this message?")}
        help_texts = {"reason": _("Optional. Only the DIMOBEL team reads this.")}
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}


class MessageEmailsForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["email_on_message"]
        help_texts = {
            "email_on_message": _(
                "At most one email per conversation every 15 minutes, and only for messages you have not read."
            )
        }
