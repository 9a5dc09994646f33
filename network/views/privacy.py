import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from network.forms.privacy import DeleteAccountForm
from network.selectors.privacy import export_member_data
from network.services.privacy import delete_account


@login_required
@require_http_methods(["GET", "POST"])
def download_my_data(request):
    if request.method == "POST":
        data = json.dumps(export_member_data(user=request.user), ensure_ascii=False, indent=2)
        response = HttpResponse(data, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="dimobel-my-data.json"'
        return response
    return render(request, "network/privacy/download.html")


@login_required
@require_http_methods(["GET", "POST"])
def delete_my_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        delete_account(request=request, user=request.user)
        messages.success(request, _("Your account has been deleted. Thank you for having been part of DIMOBEL."))
        return redirect("home")
    return render(request, "network/privacy/delete.html", {"form": form})
