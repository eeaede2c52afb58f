"""The demo, committed, for tests that need it committed (a live server's thread, another
process reading the database): loaded once per test process on SQLite, then copied back in.

Loading the demo takes seconds; a transactional test empties the database when it ends, so
each such test loaded it again. On SQLite the first load is kept in an in-memory copy (SQLite's
backup API) and every later test copies it back over its emptied database in milliseconds: the
same rows, ids and sequences as a fresh load on that day. Files the demo's rows name (its
documents and images) live in the media folder, which tests do not empty; a copy is only used
while they are all still there. On another database the demo is loaded as before.
"""

import sqlite3

from django.core.files.storage import default_storage
from django.db import connection

_snapshots = {}  # (password, english) -> (in-memory copy, the media files its rows name)


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
