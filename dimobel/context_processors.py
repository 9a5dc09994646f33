from functools import lru_cache

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template


def site(request):
    return {
        "SITE_URL": settings.SITE_URL,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "subnav_template": _subnav_template(getattr(request, "resolver_match", None)),
    }


def _subnav_template(match):
    """An app's second navigation bar (``<app>/includes/subnav.html``), shown on that app's pages."""
    if match is None or not match.app_name:
        return None
    return _existing_template(f"{match.app_name}/includes/subnav.html")


@lru_cache(maxsize=32)
def _existing_template(name):
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return None
    return name
