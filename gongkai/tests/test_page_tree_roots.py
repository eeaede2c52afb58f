"""Wagtail's look-up of the tree's root nodes reads an index of them, not the page table."""

import pytest
from django.db import connection
from wagtail.models import Page


def plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return " ".join(row[-1] for row in cursor.fetchall())
        # A test database's page table is small enough for a scan to be cheapest: plan as
        # PostgreSQL would where scanning it is what costs.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return " ".join(row[0] for row in cursor.fetchall())


@pytest.mark.django_db(transaction=False)
def test_the_root_nodes_are_read_from_their_index():
    roots = Page.objects.filter(depth=1)
    assert "gongkai_page_tree_roots" in plan(roots)
    assert [page.depth for page in roots] == [1]


@pytest.mark.django_db
def test_a_deeper_level_is_not_read_from_it():
    assert "gongkai_page_tree_roots" not in plan(Page.objects.filter(depth=2))


@pytest.mark.django_db
def test_a_page_s_descendants_are_read_from_an_index_of_the_paths():
    """`descendant_of` is `path LIKE 'prefix%'`: SQLite reads a range of the paths' NOCASE index
    (migration gongkai/0005), PostgreSQL of the unique path's own."""
    home = Page.objects.get(depth=2)
    below = Page.objects.descendant_of(home).filter(live=True)
    used = plan(below)
    if connection.vendor == "sqlite":
        assert "USING INDEX gongkai_page_path_prefixes (path>? AND path<?)" in used
    else:  # the unique path's index (or its `_like` twin when the collation is not C)
        assert "Index Scan using wagtailcore_page_path_" in used
    assert list(below) == list(
        Page.objects.filter(path__startswith=home.path, depth__gt=2, live=True)
    )
