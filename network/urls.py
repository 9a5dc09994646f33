from django.urls import path

from network import views

app_name = "network"

urlpatterns = [
    path("me/", views.profile_edit, name="profile_edit"),
    path("members/<int:user_id>/", views.profile_detail, name="profile_detail"),
]
