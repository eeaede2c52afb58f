"""An index of the page tree's root nodes (depth 1), on Wagtail's page table.

Wagtail asks for the root nodes by `depth = 1` alone: the admin does it for every view a
superuser opens (`explorable_root_instance`, the explorer, breadcrumbs), treebeard's
`get_root_nodes` too. No index serves the depth, so each time the whole table is read for one
row: 100 ms of a superuser's explorer page at 100,000 pages on SQLite (430 → 300 ms with the
index). The index holds the root alone, so it stays one row whatever the site's size, and a
query for another depth never takes it (a full index on the depth would tempt SQLite, which
plans without statistics, away from the path's index for a column's children)."""

from django.db import migrations

INDEX = "gongkai_page_tree_roots"


class Migration(migrations.Migration):
    dependencies = [
        ("gongkai", "0003_search_index_stamps_moved_to_search"),
        # After Wagtail's own: rebuilding the table on SQLite would drop an index it does not know.
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f'CREATE INDEX "{INDEX}" ON "wagtailcore_page" ("path") WHERE "depth" = 1',
            reverse_sql=f'DROP INDEX "{INDEX}"',
        ),
    ]
