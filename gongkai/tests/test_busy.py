"""What counts as a busy database, and that every page editor Wagtail routes to keeps the typed
text when it is busy (the behaviour itself: tests/faults/test_database_locked_edit.py)."""

import pytest
from django.db import DatabaseError, OperationalError
from django.urls import reverse
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import get_page_models

from gongkai.busy import PageEditorKeepsTypedText, is_database_busy


class _PostgresError(Exception):
    def __init__(self, sqlstate):
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "busy"),
    [
        ("55P03", True),  # lock_not_available: lock_timeout
        ("57014", True),  # query_canceled: statement_timeout
        ("40P01", True),  # deadlock_detected
        ("40001", True),  # serialization_failure
        ("42P01", False),  # undefined_table: a bug, not a busy database
        ("23505", False),  # unique_violation
    ],
)
def test_postgres_lock_and_statement_timeouts_count_as_busy(sqlstate, busy):
    """psycopg's error is the cause Django wraps; its SQLSTATE says what happened."""
    error = OperationalError("canceling statement")
    error.__cause__ = _PostgresError(sqlstate)
    assert is_database_busy(error) is busy


@pytest.mark.parametrize(
    ("message", "busy"),
    [("database is locked", True), ("database table is locked", True), ("no such table", False)],
)
def test_sqlite_busy_errors(message, busy):
    assert is_database_busy(OperationalError(message)) is busy
    assert is_database_busy(RuntimeError(message)) is False  # not a database error at all
    assert is_database_busy(DatabaseError(message)) is busy


@pytest.mark.parametrize("model", get_page_models(), ids=lambda model: model.__name__)
def test_every_page_type_is_created_and_edited_by_a_busy_aware_view(model):
    """A page viewset registered for one type would bypass the default one: enumerate them."""
    reverse("wagtailadmin_home")  # the admin's URLs register the viewsets (register_admin_viewset)
    viewset = page_viewset_registry.get_by_type(model)
    assert issubclass(viewset.add_view_class, PageEditorKeepsTypedText)
    assert issubclass(viewset.edit_view_class, PageEditorKeepsTypedText)
