"""The database search backend for the configured database (SQLite FTS5 or PostgreSQL)."""

from django.db import connection


def SearchBackend(params):
    if connection.vendor == "postgresql":
        from search.backends.postgres import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    from search.backends.sqlite import ChineseSQLiteSearchBackend

    return ChineseSQLiteSearchBackend(params)
