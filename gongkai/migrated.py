"""Whether the database has every migration applied, for the system checks that read rows the
migrations create: `migrate` runs the checks before it migrates, and a check that failed on a
fresh or half-migrated database would stop the migration that fixes it."""

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor


def fully_migrated(alias=DEFAULT_DB_ALIAS):
    """True when the database is reachable and no migration is left to apply."""
    try:
        executor = MigrationExecutor(connections[alias])
        return not executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return False
