"""The database search backend for the configured database (SQLite FTS5 or PostgreSQL)."""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - modelsearch looks the backend up by this name
    if connection.vendor == "postgresql":
        from search.backends.postgres import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    from search.backends.sqlite import ChineseSQLiteSearchBackend

    return ChineseSQLiteSearchBackend(params)
