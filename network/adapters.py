from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url
from django.utils import translation

from dimobel.mail import send_templated_mail


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's emails through the platform's mail helper and honours the member's language."""

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        send_templated_mail(template_prefix=template_prefix, to=email, context=context, language=language)

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "preferred_language", None)
        if language and language != translation.get_language():
            return translate_url(url, language)
        return url
