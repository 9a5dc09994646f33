from allauth.mfa.utils import is_mfa_enabled

from dimobel import dashboard
from network.selectors.profiles import completeness
from network.services import ensure_profile


def account_section(request):
    return {"mfa_enabled": is_mfa_enabled(request.user)}


def profile_section(request):
    return {"completeness": completeness(ensure_profile(user=request.user))}


dashboard.register(dashboard.Section("profile", "network/dashboard_profile.html", profile_section, order=5))
dashboard.register(dashboard.Section("account", "network/dashboard_account.html", account_section, order=10))


def suggestions_section(request):
    from network.selectors.matchmaking import suggested_contacts

    return {"suggestions": suggested_contacts(request.user)}


dashboard.register(
    dashboard.Section("suggestions", "network/dashboard_suggestions.html", suggestions_section, order=15)
)


def messages_section(request):
    """'Messages' on the member's dashboard: unread count and the latest threads."""
    from network.selectors.messaging import inbox_for, unread_thread_count

    return {"threads": list(inbox_for(request.user)[:4]), "unread_count": unread_thread_count(request.user)}


dashboard.register(
    dashboard.Section("messages", "network/messaging/dashboard_messages.html", messages_section, order=7)
)
