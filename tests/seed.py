"""The migrations' data, put back after each transactional test by one statement instead of Django's flush.

Django ends a transactional test (a race, a browser journey, a worker, fault or deployed-stack test) by truncating
every table and running post_migrate again, and the data migrations' rows (groups and their permissions, sectors,
help types, kinds of organisation, course themes, certificate texts, assistance services) then had to be made again:
10 to 30 seconds a test, most of the suite's time. Here that state is made once per test session, as the flush and
the migrations leave it, and copied into a schema of its own; a transactional test then ends with one statement that
empties every table and copies the seed rows back, with their ids, in one transaction (so the database never stands
empty: an interrupted run leaves at worst the last test's rows, wiped by the next session's first rebuild).
"""

from django.core.management.sql import emit_post_migrate_signal
from django.db import transaction

# Every foreign key Django makes is DEFERRABLE INITIALLY DEFERRED, so tables are emptied and filled in any order
# and checked once, when the statement's transaction commits.
_EMPTY = """
DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'django_migrations' LOOP
        EXECUTE format('DELETE FROM public.%I', t);
    END LOOP;
END $$"""

_KEEP = """
DO $$
DECLARE t text; filled boolean;
BEGIN
    DROP SCHEMA IF EXISTS test_seed CASCADE;
    CREATE SCHEMA test_seed;
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'django_migrations' LOOP
        EXECUTE format('SELECT EXISTS (SELECT FROM public.%I)', t) INTO filled;
        IF filled THEN
            EXECUTE format('CREATE TABLE test_seed.%I AS SELECT * FROM public.%I', t, t);
        END IF;
    END LOOP;
END $$"""

_RESTORE = """
DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'django_migrations' LOOP
        EXECUTE format('DELETE FROM public.%I', t);
    END LOOP;
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'test_seed' LOOP
        EXECUTE format('INSERT INTO public.%I SELECT * FROM test_seed.%I', t, t);
    END LOOP;
END $$"""


def create_seed_data() -> None:
    """What the data migrations create (only what is missing)."""
    from importlib import import_module

    from django.apps import apps

    from dimobel.roles import grant_permissions

    import_module("network.migrations.0002_groups").create_groups(apps, None)
    grant_permissions()
    import_module("network.migrations.0004_taxonomies").create_terms(apps, None)
    import_module("network.migrations.0006_search_and_kinds").create_kinds(apps, None)
    import_module("autumn_school.migrations.0002_themes_and_certificate_texts").create_defaults(apps, None)
    import_module("consortium.migrations.0002_assistance_services").create_services(apps, None)


def build(connection) -> None:
    """The seed state from scratch (every table emptied, post_migrate, the migrations' data), kept aside."""
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(_EMPTY)
        emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
        create_seed_data()
        cursor.execute(_KEEP)


def restore(connection) -> None:
    """Every table as ``build`` left it."""
    with connection.cursor() as cursor:
        cursor.execute(_RESTORE)
