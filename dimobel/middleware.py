from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from dimobel.mfa import MFARequired, has_mfa


class HealthCheckMiddleware:
    """Answer /healthz before host validation and the HTTPS redirect.

    Load balancers and container health checks call it by IP over plain HTTP.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            from dimobel.views import healthz

            return healthz(request)
        return self.get_response(request)


class StaffMFARequiredMiddleware:
    """Organisers and staff use their pages only with two-factor authentication (the rule: dimobel.mfa).

    The Django admin is checked here, for staff; the apps' access helpers raise ``MFARequired`` for every other
    organisers' and staff page. Either way the person is sent to set up an authenticator app with a ``next``
    address. allauth's set-up pages do not read ``next``, so it is kept in the session meanwhile, and once the
    app is on the person comes back to the page they asked for: straight away, or through a "Continue" link under
    the recovery codes when allauth shows new ones first (templates/mfa/recovery_codes/index.html)."""

    NEXT_KEY = "mfa_next"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._is_setup_done(request, response) and response.get("Location") == reverse("mfa_index"):
            back = request.session.pop(self.NEXT_KEY, None)
            if back:
                return redirect(back)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None:
            return None
        if match.url_name == "mfa_activate_totp" and request.method == "GET":
            back = request.GET.get("next")
            if back and self._is_safe(request, back):
                request.session[self.NEXT_KEY] = back
        elif match.url_name == "mfa_view_recovery_codes":
            request.mfa_next = request.session.pop(self.NEXT_KEY, None)
        elif match.namespace == "admin":
            user = request.user
            if user.is_authenticated and user.is_staff and not has_mfa(user):
                return self._to_setup(request)
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, MFARequired):
            return self._to_setup(request)
        return None

    def _to_setup(self, request):
        messages.warning(request, _("Two-factor authentication is required for organisers' and staff pages."))
        # A form sent without the factor (POST) comes back to the page that showed it, not to its action.
        back = request.get_full_path() if request.method == "GET" else request.headers.get("Referer", "")
        if not self._is_safe(request, back):
            back = request.path
        url = f"{reverse('mfa_activate_totp')}?{urlencode({'next': back})}"
        if getattr(request, "htmx", False):
            return HttpResponseClientRedirect(url)  # swapped into a page as a partial, the form would be lost
        return redirect(url)

    @staticmethod
    def _is_safe(request, url) -> bool:
        return bool(url) and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )

    @staticmethod
    def _is_setup_done(request, response) -> bool:
        """allauth answers a successful set-up with a redirect (to the new recovery codes, or the 2FA page)."""
        match = request.resolver_match
        return (
            match is not None
            and match.url_name == "mfa_activate_totp"
            and request.method == "POST"
            and response.status_code == 302
        )
