from allauth.mfa.utils import is_mfa_enabled

from dimobel import dashboard
from network.profiles import completeness
from network.services import ensure_profile


def account_section(request):
    return {"mfa_enabled": is_mfa_enabled(request.user)}


def profile_section(request):
    return {"completeness": completeness(ensure_profile(user=request.user))}


dashboard.register(dashboard.Section("profile", "network/dashboard_profile.html", profile_section, order=5))
dashboard.register(dashboard.Section("account", "network/dashboard_account.html", account_section, order=10))


def suggestions_section(request):
    from network.matchmaking import suggested_contacts

    return {"suggestions": suggested_contacts(request.user)}


dashboard.register(
    dashboard.Section("suggestions", "network/dashboard_suggestions.html", suggestions_section, order=15)
)


def messages_section(request):
    from network.messaging import dashboard_section

    return dashboard_section(request)


dashboard.register(
    dashboard.Section("messages", "network/messaging/dashboard_messages.html", messages_section, order=7)
)
