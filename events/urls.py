from django.urls import path

from events.views import b2b, badges, checkin, organisers, programme, public, registration

app_name = "events"

urlpatterns = [
    path("", public.event_list, name="event_list"),
    # Registrations and tickets (fixed prefixes first, before the event slug)
    path("registrations/", registration.my_registrations, name="my_registrations"),
    path("registrations/<int:registration_id>/", registration.registration_detail, name="registration"),
    path("registrations/<int:registration_id>/edit/", registration.edit_answers, name="registration_edit"),
    path("registrations/<int:registration_id>/cancel/", registration.cancel, name="registration_cancel"),
    path("registrations/<int:registration_id>/ticket.ics", registration.registration_ics, name="registration_ics"),
    path("registrations/confirm/<token:token>/", registration.confirm_email, name="confirm_email"),
    path("tickets/<token:secret>/", registration.guest_ticket, name="guest_ticket"),
    path("tickets/<token:secret>/answers/", registration.guest_answers, name="guest_answers"),
    path("tickets/<token:secret>/cancel/", registration.guest_cancel, name="guest_cancel"),
    path("tickets/<token:secret>/qr.svg", registration.ticket_qr, name="ticket_qr"),
    # At the door
    path("checkin/<token:token>/", checkin.scan, name="checkin"),
    path("registrations/<int:registration_id>/badge.pdf", badges.badge, name="badge"),
    # B2B meetings
    path("meetings/<int:meeting_id>/accept/", b2b.accept, name="b2b_accept"),
    path("meetings/<int:meeting_id>/decline/", b2b.decline, name="b2b_decline"),
    path("meetings/<int:meeting_id>/propose/", b2b.propose, name="b2b_propose"),
    path("meetings/<int:meeting_id>/cancel/", b2b.cancel, name="b2b_cancel"),
    # One event
    path("<slug:slug>/", public.event_detail, name="event_detail"),
    path("<slug:slug>/register/", registration.register, name="register"),
    path("<slug:slug>/register/<token:invitation>/", registration.register, name="register_invited"),
    path("<slug:slug>/programme/", programme.programme, name="programme"),
    path("<slug:slug>/speakers/", programme.speaker_list, name="speakers"),
    path("<slug:slug>/speakers/<slug:speaker_slug>/", programme.speaker_detail, name="speaker"),
    path("<slug:slug>/sessions/<int:session_id>/", programme.session_detail, name="session"),
    path("<slug:slug>/sessions/<int:session_id>/star/", programme.star, name="session_star"),
    path("<slug:slug>/sessions/<int:session_id>/unstar/", programme.unstar, name="session_unstar"),
    path("<slug:slug>/sessions/<int:session_id>/signup/", programme.workshop_signup, name="workshop_signup"),
    path(
        "<slug:slug>/sessions/<int:session_id>/signup/cancel/",
        programme.workshop_signup_cancel,
        name="workshop_signup_cancel",
    ),
    path("<slug:slug>/agenda/", programme.my_agenda, name="agenda"),
    path("<slug:slug>/agenda.ics", programme.agenda_ics, name="agenda_ics"),
    path("<slug:slug>/desk/", checkin.desk, name="desk"),
    path("<slug:slug>/desk/walk-in/", checkin.walk_in, name="walk_in"),
    path("<slug:slug>/badges/", badges.badge_sheets, name="badges"),
    path("<slug:slug>/badges/<int:job_id>/", badges.badge_sheet_job, name="badge_sheet_job"),
    path("<slug:slug>/badges/<int:job_id>/download/", badges.badge_sheet_download, name="badge_sheet_download"),
    path("<slug:slug>/b2b/", b2b.participants, name="b2b_participants"),
    path("<slug:slug>/b2b/join/", b2b.opt_in, name="b2b_opt_in"),
    path("<slug:slug>/b2b/leave/", b2b.opt_out, name="b2b_opt_out"),
    path("<slug:slug>/b2b/schedule/", b2b.schedule, name="b2b_schedule"),
    path("<slug:slug>/b2b/schedule.ics", b2b.schedule_ics, name="b2b_schedule_ics"),
    path("<slug:slug>/b2b/request/<int:participant_id>/", b2b.request_meeting, name="b2b_request"),
    path("<slug:slug>/b2b/overview/", b2b.organiser_overview, name="b2b_overview"),
    path("<slug:slug>/b2b/overview/<int:meeting_id>/cancel/", b2b.organiser_cancel, name="b2b_overview_cancel"),
    path("<slug:slug>/b2b/overview/<int:meeting_id>/held/", b2b.organiser_mark_held, name="b2b_overview_held"),
    path("<slug:slug>/dashboard/", organisers.event_dashboard, name="event_dashboard"),
]
