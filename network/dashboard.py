from allauth.mfa.utils import is_mfa_enabled

from dimobel import dashboard


def account_section(request):
    return {"mfa_enabled": is_mfa_enabled(request.user)}


dashboard.register(dashboard.Section("account", "network/dashboard_account.html", account_section, order=10))
