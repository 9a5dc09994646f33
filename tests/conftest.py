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


@pytest.fixture
def taxonomies(db):
    """The starting sectors and help types. They come from a data migration, which a flushed
    (transactional-test) database no longer holds, so tests that need them ask for this fixture."""
    from importlib import import_module

    from django.apps import apps

    import_module("network.migrations.0004_taxonomies").create_terms(apps, None)
    import_module("network.migrations.0006_search_and_kinds").create_kinds(apps, None)


@pytest.fixture
def member(db):
    return UserFactory(first_name="Amina", last_name="El Idrissi", email="amina@example.org")


@pytest.fixture
def other_member(db):
    """The outsider: a member who must not see the first member's private things."""
    return UserFactory(first_name="Pieter", last_name="Janssens", email="pieter@example.org")


@pytest.fixture
def organiser(db):
    user = UserFactory(first_name="Nadia", last_name="Benali", email="nadia@example.org")
    user.groups.add(Group.objects.get_or_create(name="Organisers")[0])
    return user


@pytest.fixture
def staff(db):
    return UserFactory(first_name="Marc", last_name="Dubois", email="marc@example.org", is_staff=True)


@pytest.fixture
def admin_client_with_mfa(client, db):
    """A logged-in superuser who has set up two-factor authentication, as staff must to use the admin."""
    from allauth.mfa.models import Authenticator

    admin = UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(admin)
    return client
