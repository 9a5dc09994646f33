"""The only place that knows every app's URLs."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from autumn_school.views import certificates as certificate_views
from dimobel import views

# Admin logins go through allauth, so staff pass its rate limits and two-factor step.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("DIMOBEL administration")
admin.site.site_title = _("DIMOBEL")
admin.site.index_title = _("Organisers' console")

page_patterns = (
    [
        path("about/", views.content_page, {"page": "about"}, name="about"),
        path("privacy/", views.content_page, {"page": "privacy"}, name="privacy"),
        path("terms/", views.content_page, {"page": "terms"}, name="terms"),
        path("contact/", views.contact, name="contact"),
    ],
    "pages",
)

urlpatterns = [
    path("i18n/switch/", views.switch_language, name="switch_language"),
    path("calendar/<token:token>.ics", views.calendar_feed, name="calendar_feed"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("my-space/", views.my_space, name="dashboard"),
    path("my-space/calendar/", views.calendar_settings, name="calendar_settings"),
    path("", include(page_patterns)),
    path("accounts/", include("allauth.urls")),
    path("account/", include("network.account_urls")),
    path("network/", include("network.urls")),
    path("autumn-school/", include("autumn_school.urls")),
    path("events/", include("events.urls")),
    path("consortium/", include("consortium.urls")),
    path("certificates/<token:code>/", certificate_views.verify, name="certificate_verify"),
    path("admin/", admin.site.urls),
)

handler400 = "dimobel.error_pages.bad_request"
handler403 = "dimobel.error_pages.permission_denied"
handler404 = "dimobel.error_pages.page_not_found"
handler500 = "dimobel.error_pages.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
