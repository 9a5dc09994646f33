from django.urls import path

from network.views import directory, messaging, opportunities, organisations, privacy, profiles

app_name = "network"

urlpatterns = [
    # Profiles
    path("me/", profiles.profile_edit, name="profile_edit"),
    path("members/<int:user_id>/", profiles.profile_detail, name="profile_detail"),
    # Directory
    path("", directory.people, name="directory"),
    path("organisations/", directory.organisations, name="organisation_list"),
    # Organisations
    path("organisations/new/", organisations.organisation_create, name="organisation_create"),
    path("organisations/<slug:slug>/", organisations.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", organisations.organisation_edit, name="organisation_edit"),
    path("organisations/<slug:slug>/join/", organisations.organisation_join, name="organisation_join"),
    path("organisations/<slug:slug>/leave/", organisations.organisation_leave, name="organisation_leave"),
    path("organisations/<slug:slug>/members/", organisations.organisation_members, name="organisation_members"),
    path("organisations/<slug:slug>/members/accept/", organisations.membership_accept, name="membership_accept"),
    path("organisations/<slug:slug>/members/refuse/", organisations.membership_refuse, name="membership_refuse"),
    path("organisations/<slug:slug>/members/save/", organisations.membership_save, name="membership_save"),
    path("organisations/<slug:slug>/members/remove/", organisations.membership_remove, name="membership_remove"),
    path("organisations/<slug:slug>/contact/", organisations.organisation_contact, name="organisation_contact"),
    path("my-organisations/", organisations.my_organisations, name="my_organisations"),
    # Messaging
    path("messages/<int:thread_id>/", messaging.thread_detail, name="thread"),
    path("messages/", messaging.inbox, name="inbox"),
    path("messages/<int:thread_id>/new/", messaging.thread_new, name="thread_new"),
    path("messages/settings/", messaging.message_settings, name="message_settings"),
    path("messages/report/<int:message_id>/", messaging.report_message, name="report_message"),
    path("messages/notifications/off/<token:token>/", messaging.unsubscribe, name="messages_unsubscribe"),
    path("members/<int:user_id>/write/", messaging.write_to_member, name="write_to_member"),
    path("members/<int:user_id>/block/", messaging.block_member, name="block_member"),
    path("members/<int:user_id>/unblock/", messaging.unblock_member, name="unblock_member"),
    # Opportunities
    path("opportunities/", opportunities.opportunity_list, name="opportunity_list"),
    path("opportunities/new/", opportunities.opportunity_create, name="opportunity_create"),
    path("opportunities/<int:pk>/", opportunities.opportunity_detail, name="opportunity_detail"),
    path("opportunities/<int:pk>/edit/", opportunities.opportunity_edit, name="opportunity_edit"),
    path("opportunities/<int:pk>/delete/", opportunities.opportunity_delete, name="opportunity_delete"),
    path("opportunities/<int:pk>/interested/", opportunities.opportunity_interested, name="opportunity_interested"),
    # Matchmaking and privacy
    path("me/data/", privacy.download_my_data, name="download_my_data"),
    path("me/delete/", privacy.delete_my_account, name="delete_my_account"),
]
