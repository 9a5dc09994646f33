from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from dimobel.celery import app as celery_app
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _isolated_cache_and_eager_tasks():
    """Each test starts with an empty cache (allauth's rate limits live there) and eager Celery tasks.

    Only the worker integration test (tests/dimobel/test_celery_worker.py) turns eager mode off.
    """
    cache.clear()
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = eager


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create many members; a fast hasher keeps that cheap. Production keeps Django's default."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in French, the default, whatever language an earlier request activated."""
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads made by tests land in a temporary folder, never in var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _test_templates(settings):
    """Templates that only tests use (tests/templates), e.g. a reminder email."""
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], Path(__file__).parent / "templates"]}
    ]


def create_seed_data():
    """What the data migrations create (only what is missing): groups and their permissions, sectors, help types,
    kinds of organisation, course themes, certificate texts, assistance services. Transactional tests (the races,
    the browser journeys) flush the database, and --reuse-db hands the flushed database to the next run."""
    from importlib import import_module

    from django.apps import apps

    from network.groups import grant_group_permissions

    import_module("network.migrations.0002_groups").create_groups(apps, None)
    grant_group_permissions()
    import_module("network.migrations.0004_taxonomies").create_terms(apps, None)
    import_module("network.migrations.0006_search_and_kinds").create_kinds(apps, None)
    import_module("autumn_school.migrations.0002_themes_and_certificate_texts").create_defaults(apps, None)
    import_module("consortium.migrations.0002_assistance_services").create_services(apps, None)


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test (a race, a browser journey) ends by flushing the database: once its fixtures are
    torn down, put the migrations' data back for the tests that follow (and for the next --reuse-db run)."""
    result = yield
    if _is_transactional(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            create_seed_data()
    return result


@pytest.fixture
def taxonomies(db):
    """The migrations' data, for tests that need it explicitly (it is normally there already)."""
    create_seed_data()


@pytest.fixture
def member(db):
    return UserFactory(first_name="Amina", last_name="El Idrissi", email="amina@example.org")


@pytest.fixture
def other_member(db):
    """The outsider: a member who must not see the first member's private things."""
    return UserFactory(first_name="Pieter", last_name="Janssens", email="pieter@example.org")


@pytest.fixture
def organiser(db):
    """In the Organisers group, with two-factor authentication set up, as organisers' pages require."""
    user = UserFactory(first_name="Nadia", last_name="Benali", email="nadia@example.org", mfa=True)
    user.groups.add(Group.objects.get_or_create(name="Organisers")[0])
    return user


@pytest.fixture
def staff(db):
    """Staff, with two-factor authentication set up, as staff pages and the admin require."""
    return UserFactory(first_name="Marc", last_name="Dubois", email="marc@example.org", is_staff=True, mfa=True)


@pytest.fixture
def admin_client_with_mfa(client, db):
    """A logged-in superuser who has set up two-factor authentication, as staff must to use the admin."""
    from allauth.mfa.models import Authenticator

    admin = UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(admin)
    return client
