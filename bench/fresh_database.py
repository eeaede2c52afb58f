"""A fresh SQLite test database for one benchmark, beside (never instead of) the test suite's."""

import os
from contextlib import contextmanager


@contextmanager
def fresh_database(file_name, keep=False):
    """Django set up with the test settings, and a migrated database in VAR_DIR/`file_name`
    (on PostgreSQL, when DATABASE_URL names one: the database `test_<file name's stem>`),
    destroyed on exit unless `keep`, when the next run with `keep` reuses it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    # Never the test suite's database: a suite may be running.
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(settings.VAR_DIR / file_name)
    else:
        connection.settings_dict["TEST"]["NAME"] = "test_" + file_name.split(".")[0]
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=keep)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=keep)
