"""What every connection to PostgreSQL is set up with (gongkai/settings/base.py)."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="session settings of PostgreSQL's own"
    ),
]


def setting(name):
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


def test_a_lock_is_waited_for_as_long_as_sqlite_waits():
    assert setting("lock_timeout") == "20s"


def test_no_statement_is_compiled_just_in_time():
    # The admin explorer's listing paid 0.9 s of JIT compiling for a 50 ms query.
    assert setting("jit") == "off"
