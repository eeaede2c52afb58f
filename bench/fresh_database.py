"""A fresh SQLite test database for one benchmark, beside (never instead of) the test suite's."""

import os
from contextlib import contextmanager


@contextmanager
def fresh_database(file_name):
    """Django set up with the test settings, and a migrated database in VAR_DIR/`file_name`,
    destroyed on exit."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    # Never the test suite's file: a suite may be running.
    connection.settings_dict["TEST"]["NAME"] = str(settings.VAR_DIR / file_name)
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
