from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection, connections
from django.test import TransactionTestCase, override_settings

from dimobel.celery import app as celery_app
from tests import seed
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


@pytest.fixture(scope="session", autouse=True)
def _test_templates():
    """Templates that only tests use (tests/templates), e.g. a reminder email. Set once for the session: changing
    TEMPLATES makes Django build new template engines, and each test would parse every template it renders again."""
    engine = django_settings.TEMPLATES[0]
    with override_settings(TEMPLATES=[{**engine, "DIRS": [*engine["DIRS"], Path(__file__).parent / "templates"]}]):
        yield


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with the migrations' data made if anything is missing (a database that an interrupted
    run of an older version left), once a session, before any test's transaction."""
    with django_db_blocker.unblock():
        seed.create_seed_data()


@pytest.fixture(scope="session")
def _seed_kept_aside(django_db_setup, django_db_blocker):
    """The migrations' data, made and kept aside the first time a transactional test runs (tests/seed.py); from
    then on a transactional test ends by putting it back instead of Django's flush."""
    with django_db_blocker.unblock():
        seed.build(connection)
    flush = TransactionTestCase._fixture_teardown
    TransactionTestCase._fixture_teardown = _restore_seed
    yield
    TransactionTestCase._fixture_teardown = flush


def _restore_seed(test_case) -> None:
    for alias in test_case._databases_names(include_mirrors=False):
        seed.restore(connections[alias])


@pytest.fixture(autouse=True)
def _seed_restored_after_transactional_tests(request):
    if _is_transactional(request.node):
        request.getfixturevalue("_seed_kept_aside")


@pytest.fixture
def taxonomies(db):
    """The migrations' data (sectors, help types, kinds of organisation, groups…), for tests that read it. It is
    always there (see django_db_setup above and tests/seed.py); making it again in every test cost about a second."""


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
