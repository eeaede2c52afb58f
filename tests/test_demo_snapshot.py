"""The demo written back from the rows of an earlier load (tests/demo_snapshot.py) is the demo a
load gives, on SQLite and PostgreSQL: every table's rows, the id sequences past them, and a
database that differs from the recorded one's start gets a real load."""

import pytest
from django.db import transaction
from wagtail.models import Page

from home.demo import is_loaded
from tests import demo_snapshot
from tests.demo_snapshot import load_demo_in_transaction, table_copier

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def in_rolled_back_transaction(load):
    """What `load` leaves in the database (every table, by the copier's reading), then the
    database as it was."""
    try:
        with transaction.atomic():
            load()
            contents = table_copier().read_all()
            raise Rollback
    except Rollback:
        return contents


def digests(contents):
    copier = table_copier()
    return {table: copier.digest(rows) for table, rows in contents.items()}


def test_a_written_back_demo_has_every_row_of_a_load(monkeypatch):
    monkeypatch.setattr(demo_snapshot, "_recorded_loads", {})
    loaded = in_rolled_back_transaction(lambda: load_demo_in_transaction("pw"))
    assert len(demo_snapshot._recorded_loads) == 1
    (recorded,) = demo_snapshot._recorded_loads.values()
    assert "wagtailcore_page" in recorded.rows

    calls = []
    monkeypatch.setattr("home.demo.load_demo", lambda **kwargs: calls.append(kwargs))
    written_back = in_rolled_back_transaction(lambda: load_demo_in_transaction("pw"))
    assert calls == []  # from the copy
    assert digests(written_back) == digests(loaded)


def test_pages_made_after_a_written_back_demo_take_new_ids(monkeypatch):
    monkeypatch.setattr(demo_snapshot, "_recorded_loads", {})
    in_rolled_back_transaction(lambda: load_demo_in_transaction("pw"))
    with transaction.atomic():
        load_demo_in_transaction("pw")
        assert is_loaded()
        highest = Page.objects.order_by("-pk").first()
        added = highest.add_child(instance=Page(title="加一页", slug="added", live=False))
        assert added.pk > highest.pk
        transaction.set_rollback(True)


def test_another_starting_database_gets_a_load(monkeypatch):
    monkeypatch.setattr(demo_snapshot, "_recorded_loads", {})
    in_rolled_back_transaction(lambda: load_demo_in_transaction("pw"))
    with transaction.atomic():
        Page.objects.get(depth=1).add_child(
            instance=Page(title="先有一页", slug="first", live=False)
        )
        load_demo_in_transaction("pw")
        assert Page.objects.filter(slug="first").exists() and is_loaded()
        assert len(demo_snapshot._recorded_loads) == 2
        transaction.set_rollback(True)
