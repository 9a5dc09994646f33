"""The roles registry: each app declares what its models give to a group; a typo fails loudly."""

import copy

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import ImproperlyConfigured

from dimobel import roles
from tests.factories import UserFactory


@pytest.fixture
def registry():
    """Changes to the registry made by a test are undone after it."""
    saved = copy.deepcopy(roles._grants)
    yield roles
    roles._grants.clear()
    roles._grants.update(saved)


@pytest.mark.django_db
def test_every_app_declares_its_own_permissions_and_they_are_granted():
    for label in ("network", "account", "dimobel", "autumn_school", "events", "consortium"):
        assert roles.declared(label)[roles.ORGANISERS], label
    roles.grant_permissions()  # no error: every declared codename exists
    organisers = Group.objects.get(name=roles.ORGANISERS)
    granted = set(organisers.permissions.values_list("content_type__app_label", "codename"))
    assert {
        ("events", "view_registration"),
        ("autumn_school", "change_module"),
        ("consortium", "add_reviewassignment"),
        ("network", "change_messagereport"),
        ("account", "view_emailaddress"),
        ("dimobel", "view_sentreminder"),
    } <= granted
    assert ("events", "delete_registration") not in granted  # only what was declared


@pytest.mark.django_db
def test_an_unknown_codename_stops_the_grant_with_its_name(registry):
    registry.grant(roles.ORGANISERS, app_label="events", models={"registraton": "view"})
    with pytest.raises(ImproperlyConfigured, match="view_registraton"):
        registry.grant_permissions(sender=apps.get_app_config("events"))


@pytest.mark.django_db
def test_after_migrating_one_app_only_its_permissions_are_checked(registry):
    """post_migrate runs app by app: another app's permissions may not exist yet, and are not asked for."""
    registry.grant(roles.ORGANISERS, app_label="consortium", models={"nothing": "view"})
    registry.grant_permissions(sender=apps.get_app_config("events"))
    with pytest.raises(ImproperlyConfigured):
        registry.grant_permissions(sender=apps.get_app_config("consortium"))


def test_an_unknown_group_is_refused(registry):
    with pytest.raises(ImproperlyConfigured, match="Organizers"):
        registry.grant("Organizers", app_label="events", models={"event": "view"})


@pytest.mark.django_db
def test_organisers_are_staff_and_the_organisers_group():
    member = UserFactory()
    organiser = UserFactory()
    organiser.groups.add(Group.objects.get(name=roles.ORGANISERS))
    staff = UserFactory(is_staff=True)
    inactive = UserFactory(is_active=False, is_staff=True)

    assert roles.is_organiser(organiser)
    assert roles.is_organiser(staff)
    assert not roles.is_organiser(member)
    assert not roles.is_organiser(AnonymousUser())
    assert set(roles.organisers()) == {organiser, staff}
    assert inactive not in roles.organisers()
