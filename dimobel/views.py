from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import select_template
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from dimobel import calendar, dashboard, health, services
from dimobel.forms import ContactForm
from dimobel.models import CalendarFeed

CONTENT_PAGES = {"about", "privacy", "terms"}


def home(request):
    return render(request, "home.html")


@login_required
def my_space(request):
    return render(request, "dashboard.html", {"sections": dashboard.sections_for(request)})


def content_page(request, page):
    """About, privacy and terms: long texts kept as one template per language."""
    if page not in CONTENT_PAGES:
        raise Http404
    language = translation.get_language()
    content = select_template([f"pages/content/{page}.{language}.html", f"pages/content/{page}.fr.html"])
    return render(request, "pages/content_page.html", {"page": page, "content_template": content.template.name})


def contact(request):
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not _within_contact_limit(request):
            messages.error(request, _("Too many messages from your connection. Please try again in an hour."))
        else:
            services.forward_contact_message(**form.cleaned_data)
            messages.success(request, _("Thank you. Your message has been sent; we answer within a few days."))
            return redirect("pages:contact")
    return render(request, "pages/contact.html", {"form": form})


def _within_contact_limit(request, limit=5):
    key = f"contact-form:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, timeout=3600)
    return cache.incr(key) <= limit


@require_POST
def switch_language(request):
    """Switch the interface language, remember it for the member, and stay on the same page."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    if request.user.is_authenticated and request.user.preferred_language != language:
        request.user.preferred_language = language
        request.user.save(update_fields=["preferred_language"])
    response = redirect(translate_url(next_url, language) if next_url != "/" else f"/{language}/")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring (docs/operations.md): 200 "ok", 200 "degraded" with the reasons, or
    503 "unavailable" when the database does not answer."""
    report = health.report()
    return JsonResponse(report, status=503 if report["status"] == health.UNAVAILABLE else 200)


@login_required
def calendar_settings(request):
    feed, _created = CalendarFeed.objects.get_or_create(user=request.user)
    if request.method == "POST":
        services.revoke_calendar_feed(user=request.user)
        messages.success(request, _("Your calendar link has been replaced. The old link no longer works."))
        return redirect("calendar_settings")
    now = timezone.now()
    upcoming = [item for item in calendar.items_for(request.user) if item.end >= now]
    return render(request, "calendar_settings.html", {"feed": feed, "items": upcoming})


@require_GET
def calendar_feed(request, token):
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token, user__is_active=True)
    with translation.override(feed.user.preferred_language):
        items = calendar.items_for(feed.user)
        name = _("DIMOBEL – my calendar")
        return calendar.ics_response(items, filename="dimobel.ics", name=name)
