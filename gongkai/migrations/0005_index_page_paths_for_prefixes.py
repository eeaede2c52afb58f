"""An index of the page paths that SQLite's `LIKE 'prefix%'` can read, on Wagtail's page table.

Every `descendant_of` and `child_of` is `path LIKE '000100020003%'` (Django's `startswith`).
SQLite's LIKE ignores case, so it reads a range of an index only when the index ignores case
too: the path's own index (BINARY) never served it, and each such statement read the whole page
table. At 100,000 pages a public column listing of 2,859 items asks four of them (18–55 ms
each, 7–13 ms from this index) and took 140–170 ms a request against 80–96 ms with it. Paths
hold digits only, so ignoring case changes no answer.

PostgreSQL has what it needs already: it turns a prefix into a range of the unique path's
index (with the C collation), or of the `varchar_pattern_ops` index Django adds beside it."""

from django.db import migrations

INDEX = "gongkai_page_path_prefixes"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f'CREATE INDEX "{INDEX}" ON "wagtailcore_page" ("path" COLLATE NOCASE)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f'DROP INDEX "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [("gongkai", "0004_index_the_page_tree_s_roots")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
