"""Copies of the demo, so that a test that needs it does not load it again: loading it takes
seconds (four on SQLite, ten on PostgreSQL), and hundreds of tests and modules load it.

- `load_committed_demo`, for tests that need it committed (a live server's thread, another
  process reading the database): a transactional test empties the database when it ends, so
  each such test loaded it again. On SQLite the first load is kept in an in-memory copy
  (SQLite's backup API) and every later test copies it back over its emptied database in
  milliseconds: the same rows, ids and sequences as a fresh load on that day. On another
  database the demo is loaded as before.
- `load_demo_in_transaction`, for the `demo` fixture and the demo a module shares, loaded in a
  transaction rolled back after the test or module (tests/fixtures.py): the first load on a
  worker records the rows it wrote, table by table; a later load in the same starting
  database writes those rows back instead (PostgreSQL's COPY, SQLite's inserts), then moves
  the id sequences past them. Rolled back, the load never committed, so nothing it would have
  done at commit (tasks queued on commit) is missed.

A copy is used only when the database is the one it was taken from: every table's rows the
same as before the recorded load, the same search-index settings (the moderation tests load
the demo without index updates), the same day (the demo's dates count from today), and every
file its rows name (its documents and images, in the media folder that tests do not empty)
still there. Otherwise the demo is loaded and that load recorded.
"""

import hashlib
import sqlite3

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection
from django.utils import timezone

_snapshots = {}  # (password, english) -> (in-memory copy, the media files its rows name)
_recorded_loads = {}  # see `load_key` -> RecordedLoad
KEPT_LOADS = 4  # a transactional test's flush gives its worker another starting database


def load_committed_demo(password, english=False):
    from home.demo import load_demo

    if connection.vendor != "sqlite":
        load_demo(password=password, english=english)
        return
    key = (password, english)
    connection.ensure_connection()
    kept = _snapshots.get(key)
    if kept and all(default_storage.exists(name) for name in kept[1]):
        kept[0].backup(connection.connection)
        return
    load_demo(password=password, english=english)
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    _snapshots[key] = (copy, media_files())


def media_files():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    names = set(get_document_model().objects.values_list("file", flat=True))
    names |= set(get_image_model().objects.values_list("file", flat=True))
    return sorted(name for name in names if name)


def load_demo_in_transaction(password, english=False):
    """The demo, inside the transaction the caller holds; outside one (a transactional test)
    it is loaded, and commits what it does at commit."""
    from home.demo import load_demo

    if not connection.in_atomic_block:
        load_demo(password=password, english=english)
        return
    tables = table_copier()
    before = tables.read_all()
    key = (
        password,
        english,
        repr(settings.WAGTAILSEARCH_BACKENDS),
        timezone.localdate(),
        digest_of(tables, before),
    )
    recorded = _recorded_loads.get(key)
    if recorded and all(default_storage.exists(name) for name in recorded.media):
        tables.write_back(recorded.rows)
        reset_sequences(recorded.rows)
        return
    if not load_demo(password=password, english=english):
        return
    after = tables.read_all()
    written = {table: rows for table, rows in after.items() if before.get(table) != rows}
    _recorded_loads[key] = RecordedLoad(written, media_files())
    while len(_recorded_loads) > KEPT_LOADS:
        del _recorded_loads[next(iter(_recorded_loads))]


class RecordedLoad:
    def __init__(self, rows, media):
        self.rows = rows  # table -> its rows after the load, as the copier reads them
        self.media = media


def digest_of(tables, contents):
    """One digest of every table's rows, whatever order the database returned them in."""
    total = hashlib.sha256()
    for table in sorted(contents):
        total.update(table.encode())
        total.update(tables.digest(contents[table]))
    return total.hexdigest()


def reset_sequences(rows):
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in rows
    ]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def table_copier():
    connection.ensure_connection()
    return PostgresTables() if connection.vendor == "postgresql" else SqliteTables()


class PostgresTables:
    """Each table's rows as COPY's text: no type passes through Python, JSON and search
    vectors included; the foreign keys are checked at the end of the transaction."""

    def names(self):
        with connection.cursor() as cursor:
            return [
                name
                for name in connection.introspection.table_names(cursor)
                if name != "django_migrations"
            ]

    def read_all(self):
        contents = {}
        with connection.connection.cursor() as raw:
            for table in self.names():
                with raw.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT") as copy:
                    contents[table] = b"".join(bytes(block) for block in copy)
        return contents

    def digest(self, data):
        return hashlib.sha256(b"\n".join(sorted(data.split(b"\n")))).digest()

    def write_back(self, rows):
        with connection.connection.cursor() as raw:
            for table, data in rows.items():
                quoted = connection.ops.quote_name(table)
                raw.execute(f"DELETE FROM {quoted}")
                with raw.copy(f"COPY {quoted} FROM STDIN") as copy:
                    copy.write(data)


class SqliteTables:
    """Each table's columns and rows; a full-text table (FTS5) with its rowid, through the
    table itself, never its shadow tables. sqlite_sequence holds the id sequences."""

    SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")

    def names(self):
        """{table: whether it is a virtual (full-text) table}."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
            found = cursor.fetchall()
        virtual = {name for name, sql in found if sql and sql.startswith("CREATE VIRTUAL")}
        shadows = {name + suffix for name in virtual for suffix in self.SHADOWS}
        return {
            name: name in virtual
            for name, _sql in found
            if name not in shadows
            and name != "django_migrations"
            and not name.startswith("sqlite_stat")
        }

    def read_all(self):
        contents = {}
        with connection.cursor() as cursor:
            for table, is_virtual in self.names().items():
                rowid = "rowid, " if is_virtual else ""
                cursor.execute(f"SELECT {rowid}* FROM {connection.ops.quote_name(table)}")
                columns = tuple(column[0] for column in cursor.description)
                contents[table] = (columns, sorted(cursor.fetchall(), key=repr))
        return contents

    def digest(self, data):
        return hashlib.sha256(repr(data).encode()).digest()

    def write_back(self, rows):
        with connection.cursor() as cursor:
            for table, (columns, values) in rows.items():
                quoted = connection.ops.quote_name(table)
                cursor.execute(f"DELETE FROM {quoted}")
                names = ", ".join(connection.ops.quote_name(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quoted} ({names}) VALUES ({marks})", values)
