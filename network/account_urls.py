from django.urls import path

from network import views

urlpatterns = [
    path("", views.account_settings, name="account_settings"),
]
