"""The platform's groups and what each may do.

The groups themselves are created by a data migration (network 0002). Their permissions are granted
after every migrate, so an app that adds models only adds lines here.
"""

GROUP_PERMISSIONS = {
    "Organisers": [
        "network.view_user",
        "network.change_user",
        "dimobel.view_sentreminder",
        "account.view_emailaddress",
        "network.view_profile",
        "network.view_organisation",
        "network.change_organisation",
        "network.view_membership",
        "network.change_membership",
        "network.view_opportunity",
        "network.change_opportunity",
        "network.view_messagereport",
        "network.view_thread",
        "network.view_block",
        "network.change_messagereport",
        "network.view_sector",
        "network.add_sector",
        "network.change_sector",
        "network.view_helptype",
        "network.add_helptype",
        "network.change_helptype",
        "network.view_organisationkind",
        "network.add_organisationkind",
        "network.change_organisationkind",
        "autumn_school.view_edition",
        "autumn_school.add_edition",
        "autumn_school.change_edition",
        "autumn_school.view_module",
        "autumn_school.add_module",
        "autumn_school.change_module",
        "autumn_school.view_lesson",
        "autumn_school.add_lesson",
        "autumn_school.change_lesson",
        "autumn_school.view_resource",
        "autumn_school.add_resource",
        "autumn_school.change_resource",
        "autumn_school.view_livesession",
        "autumn_school.add_livesession",
        "autumn_school.change_livesession",
        "autumn_school.view_attendance",
        "autumn_school.add_attendance",
        "autumn_school.change_attendance",
        "autumn_school.view_enrolment",
        "autumn_school.add_enrolment",
        "autumn_school.change_enrolment",
        "autumn_school.view_quiz",
        "autumn_school.add_quiz",
        "autumn_school.change_quiz",
        "autumn_school.view_quizquestion",
        "autumn_school.add_quizquestion",
        "autumn_school.change_quizquestion",
        "autumn_school.view_choice",
        "autumn_school.add_choice",
        "autumn_school.change_choice",
        "autumn_school.view_certificatetemplate",
        "autumn_school.add_certificatetemplate",
        "autumn_school.change_certificatetemplate",
        "autumn_school.view_theme",
        "autumn_school.add_theme",
        "autumn_school.change_theme",
        "autumn_school.view_question",
        "autumn_school.add_question",
        "autumn_school.change_question",
        "autumn_school.view_answer",
        "autumn_school.add_answer",
        "autumn_school.change_answer",
        "autumn_school.view_certificate",
        "autumn_school.change_certificate",
        "autumn_school.view_quizattempt",
        "autumn_school.view_lessonprogress",
        "autumn_school.delete_lesson",
        "autumn_school.delete_resource",
        "autumn_school.delete_livesession",
        "autumn_school.delete_choice",
        "autumn_school.delete_quizquestion",
    ],
    "Jury": [],
    "Mentors": [],
    "Instructors": [],
}


def grant_group_permissions(sender=None, **kwargs):
    from django.contrib.auth.models import Group, Permission

    for name, codenames in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is not None:
                group.permissions.add(permission)
