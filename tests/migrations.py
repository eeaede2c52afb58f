"""Migrating the test database back and forth, for the tests of a migration that moves a model
between apps with its rows (disclosure/workdays/tests/test_move.py,
disclosure/catalogue/tests/test_staff_organisation_move.py)."""

from contextlib import contextmanager

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate the test database to `targets`, [(app label, migration name or None)]."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@contextmanager
def migrated_back_to(targets):
    """The test database migrated back to `targets` while the block runs, forward to the latest
    migrations after it, whatever happened (a test failing while back left every later test of
    its worker without the newer tables). Yields the app registry of that state: the rows a test
    plants there are made with its models, not today's (a later field has no column yet)."""
    migrate(targets)
    try:
        # (app, None) is "none of the app's migrations": no node of the graph.
        nodes = [target for target in targets if target[1] is not None]
        yield MigrationExecutor(connection).loader.project_state(nodes).apps
    finally:
        migrate(latest_migrations())


def run_data_migration(app_label, name, function):
    """Run `function` of migration `app_label.name` on the test database, with the models as
    that migration saw them (as `migrate` would, without migrating back)."""
    from importlib import import_module

    from django.db.migrations.loader import MigrationLoader

    migration = import_module(f"disclosure.{app_label}.migrations.{name}")
    apps = MigrationLoader(connection).project_state((app_label, name)).apps
    getattr(migration, function)(apps, None)


def latest_migrations():
    """The last migration of every app: what `migrate` takes to bring the database forward.
    Every app, not only the moved model's: migrating back also unapplied the migrations of
    other apps that depend on the earlier state (inspection's tables depend on catalogue's),
    and the rest of the test session needs them."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def granted_under_the_old_label(model, old_label, new_label, codename, group_name):
    """What a database migrated before `model` moved from `old_label` to `new_label` holds: its
    content type under the old label and a permission on it granted to a group. (Migrating
    back gave the content type its old label again; a fresh one is made if not.) Returns the
    content type, the permission and the group."""
    ContentType.objects.filter(app_label=new_label, model=model).delete()
    content_type, _ = ContentType.objects.get_or_create(app_label=old_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    group = Group.objects.create(name=group_name)
    group.permissions.add(permission)
    return content_type, permission, group
