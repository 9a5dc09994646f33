from django.urls import path

from network.views import profiles

app_name = "network"

urlpatterns = [
    # Profiles
    path("me/", profiles.profile_edit, name="profile_edit"),
    path("members/<int:user_id>/", profiles.profile_detail, name="profile_detail"),
    # Directory
    # Organisations
    # Messaging
    # Opportunities
    # Matchmaking and privacy
]
