"""The site's own error pages (400, 403 and the CSRF failure, 404, 500, 503), in the visitor's language.

They render templates/errors/*, which need neither the database nor the session: the 500 and 503 pages must show
when PostgreSQL is the thing that failed."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def _page(template, status, context=None):
    return HttpResponse(render_to_string(f"errors/{template}.html", context or {}), status=status)


def bad_request(request, exception=None):
    return _page("400", 400)


def permission_denied(request, exception=None):
    # An organiser or member who opens the Django admin is told what it is for and where to go instead.
    match = getattr(request, "resolver_match", None)
    in_admin = (match is not None and match.namespace == "admin") or "/admin/" in request.path
    return _page("403", 403, {"in_admin": in_admin, "signed_in": _signed_in(request)})


def csrf_failure(request, reason=""):
    return _page("403_csrf", 403)


def page_not_found(request, exception=None):
    return _page("404", 404)


def server_error(request):
    """The 500 page, and the 503 page when the database is the cause (down, or no pooled connection within the
    pool's timeout)."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = _page("503", 503)
        response["Retry-After"] = "30"
        return response
    return _page("500", 500)


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    try:
        return bool(user and user.is_authenticated)
    except DATABASE_UNAVAILABLE:
        return False
