from django.urls import path

from network.views import account

urlpatterns = [
    path("", account.account_settings, name="account_settings"),
]
