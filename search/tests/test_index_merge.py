"""The SQLite index is merged back into one b-tree by the beat (search.merge_search_index).

Each publication writes its entry in a transaction of its own, and FTS5 keeps each as a b-tree
of its own until enough pile up on one level: a look-up by key (the date sort's walk, a
filtered count) opens every b-tree for every word, 1.2 ms a page at 18 b-trees against 40 µs
at one (docs/performance.md)."""

import pytest
from django.db import connection
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.catalogue.tests.fixtures import category, disclosure_root, organisation
from search.tasks import merge_search_index

__all__ = ["category", "disclosure_root", "organisation"]

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 b-trees are SQLite's"),
]


def b_trees() -> int:
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    with connection.cursor() as cursor:
        table = SQLiteFTSIndexEntry._meta.db_table
        cursor.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx")
        return cursor.fetchone()[0]


def test_the_beat_merges_the_b_trees_of_many_publications_into_one(category):
    # FTS5 merges some of them on the way: the count goes up and down with each write.
    titles = set()
    while len(titles) < 6 or b_trees() == 1:
        titles.add(
            DisclosureDocumentPageFactory(parent=category, title=f"低保公示第{len(titles)}批").title
        )
        assert len(titles) < 30

    merge_search_index.apply().get()

    assert b_trees() == 1
    found = {page.title for page in Page.objects.live().search("低保公示")}
    assert found == titles


def test_merging_a_merged_index_does_no_work():
    backend = get_search_backend()
    merge_search_index.apply().get()
    assert backend.merge_index() == 0
