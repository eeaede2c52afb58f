"""The bulk path of an import: records in batches, a transaction per batch, a savepoint per record.

A bad record rolls back to its savepoint and is reported; the batch's other records commit
together. What the framework would do once per page is done once per batch here: the place of
new pages in the tree and their slugs (ChildSlots), their index-number serials
(index_numbers.SerialBatch), their log entries (publishing.LogBatch), their search- and
reference-index updates (importer.IndexBatch, sent after the batch commits), the page cache's
and the inspection's work on what was published (deferred_receivers.many_changes); a new live
record is published in one save (publishing.publish_created).
"""

from itertools import islice

from django.db.models import Count
from wagtail.models import Page

from disclosure.catalogue import title_slugs
from disclosure.catalogue.index_numbers import SerialBatch

from .publishing import LogBatch, publish_created, publish_or_save

# Records per transaction: large enough that the per-batch work is paid rarely, small enough
# that a crash loses little and a writer waiting on SQLite's lock waits briefly.
BATCH_SIZE = 200


def batches(numbered_lines, size):
    """[(line number, line), …] in lists of `size`."""
    iterator = iter(numbered_lines)
    while batch := list(islice(iterator, size)):
        yield batch


class OneByOne:
    """Today's path, kept for comparison (bench/bench_import.py): treebeard places each page,
    Wagtail saves, revises and publishes it."""

    def free_slug(self, column, base):
        return title_slugs.free_slug(column, base)

    def create(self, column, page, live, context):
        column.add_child(instance=page)
        return publish_or_save(page, live, context)

    def keep(self):
        return None

    def discard(self):
        return None

    def close(self):
        return None


class Batch:
    """What a batch's records share until it commits: their places in the tree, their slugs
    and their log entries. A new live record is published the bulk way, a draft the
    framework's way."""

    def __init__(self):
        self.slots = ChildSlots()
        self.logs = LogBatch()
        self.serials = SerialBatch()  # made current by the caller (serials_in_one_transaction)

    def free_slug(self, column, base):
        return self.slots.free_slug(column, base)

    def create(self, column, page, live, context):
        if live:
            return publish_created(page, column, self.slots, self.logs, context)
        self.slots.add_child(column, page)
        return publish_or_save(page, live, context)

    def keep(self):
        """The record's savepoint is released: its log entries will be written, its counter
        locks are the batch's."""
        self.logs.keep()
        self.serials.keep()
        self.slots.keep()

    def discard(self):
        """The record's savepoint rolled back, and with it its log entries and counter locks."""
        self.logs.discard()
        self.serials.discard()
        self.slots.discard()

    def close(self):
        """Before the batch commits."""
        self.slots.close()
        self.logs.write()


class ChildSlots:
    """Where a batch's new pages go in the tree. treebeard's add_child locks and re-reads the
    parent, asks for its last child and raises its numchild for every page; a batch locks each
    column once (held to the batch's commit, so an editor's add_child waits instead of taking
    the same path), hands out the following paths itself and sets numchild once at the end.
    A record rolled back to its savepoint leaves a gap in the paths, as a deleted page does."""

    def __init__(self):
        self.columns = {}  # column pk: [locked row, next free path]
        self.slugs = {}  # column pk: the slugs its children have or the batch gave
        self.given = []  # (column pk, slug) given to the record being imported

    def add_child(self, column, page):
        """Insert `page` as add_child would (minimal validation, a wagtail.create entry)."""
        self.place(column, page)
        page.save()

    def free_slug(self, column, base):
        """title_slugs.free_slug, from the column's slugs read once per batch (under its lock)
        and those given since."""
        taken = self.slugs.get(column.pk)
        if taken is None:
            self._slot(column)
            children = Page.objects.child_of(column).values_list("slug", flat=True)
            taken = self.slugs[column.pk] = set(children) | title_slugs.reserved_slugs(column)
        slug = title_slugs.first_free(base, taken)
        taken.add(slug)
        self.given.append((column.pk, slug))
        return slug

    def keep(self):
        self.given.clear()

    def discard(self):
        """The record rolled back: the slugs it was given are free again."""
        for column_pk, slug in self.given:
            self.slugs[column_pk].discard(slug)
        self.given.clear()

    def _slot(self, column):
        slot = self.columns.get(column.pk)
        if slot is None:
            locked = Page.objects.select_for_update().get(pk=column.pk)
            last = locked.get_last_child()
            depth = locked.depth + 1
            slot = [locked, last._inc_path() if last else Page._get_path(locked.path, depth, 1)]
            self.columns[column.pk] = slot
        return slot

    def place(self, column, page):
        """Give `page` its place below `column`, unsaved; the next page takes the next one."""
        slot = self._slot(column)
        locked, path = slot
        page.depth = locked.depth + 1
        page.path = path
        page._cached_parent_obj = column
        slot[1] = page._inc_path()

    def close(self):
        """Each column's numchild, counted: the batch's records that committed."""
        for locked, _path in self.columns.values():
            children = Page.objects.filter(
                path__startswith=locked.path, depth=locked.depth + 1
            ).aggregate(count=Count("pk"))["count"]
            Page.objects.filter(pk=locked.pk).update(numchild=children)
        self.columns.clear()
        self.slugs.clear()
