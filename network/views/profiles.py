from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from network.forms import ProfileForm
from network.permissions import get_profile_for_viewer
from network.selectors import matchmaking
from network.selectors.organisations import public_memberships
from network.selectors.profiles import completeness
from network.services import ensure_profile
from network.services.profiles import update_profile


@login_required
def profile_edit(request):
    """The member's own profile, with the completeness meter and the next step."""
    profile = ensure_profile(user=request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        update_profile(profile=profile, form=form)
        messages.success(request, _("Your profile has been saved."))
        return redirect("network:profile_edit")
    return render(request, "network/profile_form.html", {"form": form, "completeness": completeness(profile)})


def profile_detail(request, user_id):
    profile = get_profile_for_viewer(request.user, user_id)
    context = {"profile": profile, "member": profile.user, "memberships": public_memberships(profile.user)}
    if request.user.is_authenticated:
        if request.user.pk == profile.user_id:
            context["suggestions"] = matchmaking.suggested_contacts(request.user)
        else:
            context["reasons_to_connect"] = matchmaking.reasons_to_connect(request.user, profile)
    return render(request, "network/profile_detail.html", context)
