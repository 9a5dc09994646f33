from django.urls import path

from autumn_school.views import catalogue, certificates, learning, live, questions, quizzes, teaching

app_name = "autumn_school"

urlpatterns = [
    # Catalogue and enrolment
    path("", catalogue.catalogue, name="catalogue"),
    path("my-courses/", catalogue.my_courses, name="my_courses"),
    path("modules/<slug:slug>/", catalogue.module_detail, name="module_detail"),
    path("modules/<slug:slug>/enrol/", catalogue.enrol, name="enrol"),
    path("modules/<slug:slug>/unenrol/", catalogue.unenrol, name="unenrol"),
    # Learning
    path("modules/<slug:slug>/resume/", learning.resume, name="resume"),
    path("modules/<slug:slug>/lessons/<int:lesson_id>/", learning.lesson_detail, name="lesson"),
    path("modules/<slug:slug>/lessons/<int:lesson_id>/done/", learning.mark_done, name="lesson_done"),
    path("resources/<int:resource_id>/", learning.download_resource, name="resource"),
    # Quiz
    path("modules/<slug:slug>/quiz/", quizzes.quiz, name="quiz"),
    path("modules/<slug:slug>/quiz/attempts/<int:attempt_id>/", quizzes.attempt_result, name="quiz_result"),
    # Questions and answers
    path("modules/<slug:slug>/questions/", questions.question_list, name="questions"),
    path("modules/<slug:slug>/questions/<int:question_id>/", questions.question_detail, name="question"),
    # Live sessions
    path("sessions/<int:session_id>/join/", live.join, name="session_join"),
    path("sessions/<int:session_id>.ics", live.session_ics, name="session_ics"),
    path("sessions/<int:session_id>/attendance/", live.attendance, name="session_attendance"),
    path("sessions/<int:session_id>/attendance/save/", live.save_attendance, name="session_attendance_save"),
    path("sessions/<int:session_id>/recording/", live.save_recording, name="session_recording"),
    # Instructors
    path("modules/<slug:slug>/teach/", teaching.instructor_page, name="teach"),
    path("modules/<slug:slug>/teach/learners.csv", teaching.export_csv, name="teach_csv"),
    path("modules/<slug:slug>/teach/nudge/", teaching.email_inactive, name="teach_nudge"),
    # Certificates (the public verification page is /certificates/<code>/, see dimobel/urls.py)
    path("certificates/<int:certificate_id>/download/", certificates.download, name="certificate_download"),
]
