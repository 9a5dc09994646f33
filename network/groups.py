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
