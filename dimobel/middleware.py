from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


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
    """Staff must turn on two-factor authentication before they use the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace != "admin":
            return None
        user = request.user
        if user.is_authenticated and user.is_staff and not is_mfa_enabled(user):
            messages.warning(request, _("Two-factor authentication is required to use the administration."))
            return redirect("mfa_activate_totp")
        return None
