from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from dimobel.mail import queue_mail, site_domain


class AccountAdapter(DefaultAccountAdapter):
    """Queues allauth's emails in the outbox, in the member's language, with the site's name and domain."""

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        # allauth's templates name the site as current_site.name/.domain; without django.contrib.sites they
        # would come from the request (blank name, the proxy's host).
        request = allauth_context.request
        context = {
            "email": email,
            **context,
            "current_site": SimpleNamespace(name=settings.SITE_NAME, domain=site_domain()),
        }
        context = _links_on_site_url(context, request)
        queue_mail(
            template_prefix=template_prefix,
            to=user if user is not None and getattr(user, "email", "") == email else email,
            context=context,
            language=language,
        )

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "preferred_language", None)
        if language and language != translation.get_language():
            return translate_url(url, language)
        return url


def _links_on_site_url(context, request):
    """allauth builds its links from the request's host; emails link to SITE_URL, the site's public address, even
    when the request came through an internal name or a proxy."""
    if request is None:
        return context
    origin = request.build_absolute_uri("/")
    return {
        key: settings.SITE_URL + "/" + value[len(origin) :]
        if isinstance(value, str) and value.startswith(origin)
        else value
        for key, value in context.items()
    }
