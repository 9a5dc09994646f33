"""The platform's roles: the four groups, who counts as an organiser, and what each group may do in the admin.

Each app declares the permissions its models give to a group, in its ``apps.py``:
``roles.grant(roles.ORGANISERS, app_label="events", models={"event": "view add change"})``. They are granted after
every migrate, app by app, once the app's permissions exist. A codename that does not exist (a typo, a model
renamed) stops the migrate with an error instead of silently leaving a group without the permission.
"""

from collections import defaultdict

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet

ORGANISERS = "Organisers"
JURY = "Jury"
MENTORS = "Mentors"
INSTRUCTORS = "Instructors"
GROUPS = (ORGANISERS, JURY, MENTORS, INSTRUCTORS)

# app label -> group name -> codenames
_grants: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))


def grant(group: str, *, app_label: str, models: dict[str, str]) -> None:
    """Declare that ``group`` may do the given actions on ``app_label``'s models: ``{"event": "view change"}``."""
    if group not in GROUPS:
        raise ImproperlyConfigured(f"Unknown group {group!r}: the groups are {', '.join(GROUPS)}.")
    for model, actions in models.items():
        _grants[app_label][group].update(f"{action}_{model}" for action in actions.split())


def declared(app_label: str) -> dict[str, set[str]]:
    """What the apps declared for ``app_label``, by group (for tests and the admin's help)."""
    return {group: set(codenames) for group, codenames in _grants.get(app_label, {}).items()}


def grant_permissions(sender=None, **kwargs) -> None:
    """After migrate (``sender`` is the app just migrated), or for every app (no sender): give each group the
    permissions the apps declared. Raises ImproperlyConfigured on a codename that does not exist."""
    from django.contrib.auth.models import Group, Permission

    labels = [sender.label] if sender is not None else list(_grants)
    for app_label in labels:
        for group_name, codenames in _grants.get(app_label, {}).items():
            permissions = list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
            missing = codenames - {permission.codename for permission in permissions}
            if missing:
                raise ImproperlyConfigured(
                    f"roles.grant({group_name!r}, app_label={app_label!r}): no such permission: "
                    + ", ".join(sorted(missing))
                )
            group, _created = Group.objects.get_or_create(name=group_name)
            group.permissions.add(*permissions)


def is_organiser(user) -> bool:
    """Staff and the Organisers group run the programme: every event, module and call. The answer is kept on the
    user object, so a request that asks several times (a view, then its template) queries the group once."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_organiser"):
        user._is_organiser = user.is_staff or user.groups.filter(name=ORGANISERS).exists()
    return user._is_organiser


def organisers() -> QuerySet:
    """The active members who run the programme (staff and the Organisers group), e.g. to tell them something."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    return get_user_model().objects.filter(Q(is_staff=True) | Q(groups__name=ORGANISERS), is_active=True).distinct()
