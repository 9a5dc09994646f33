from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import translate_url
from django.utils.translation import gettext as _

from network.forms import AccountForm
from network.services.profiles import update_account


@login_required
def account_settings(request):
    """The account page: name and language, with links to email, password and two-factor settings."""
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        update_account(user=request.user, form=form)
        messages.success(request, _("Your account has been updated."))
        language = form.cleaned_data["preferred_language"]
        return redirect(translate_url(request.path, language))
    return render(
        request,
        "network/account_settings.html",
        {"form": form, "mfa_enabled": is_mfa_enabled(request.user)},
    )
