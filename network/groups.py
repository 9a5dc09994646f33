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
