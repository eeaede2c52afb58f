"""索引号: generated once, at first publication, from the organisation's pattern.

Every publish path (the editor, bulk actions, scheduled publishing, workflows, imports) ends in
Wagtail's ``page_published`` signal, so the number is assigned there. The serial comes from one
counter row per organisation and year, locked while it is raised (``SELECT … FOR UPDATE`` on
PostgreSQL; SQLite serialises writers), so parallel publishes never share a serial, and a serial
once handed out is never handed out again even if its page is deleted.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from .models import DisclosureItemPage, IndexNumberCounter

# Set by a caller that publishes many pages in one transaction (the import's batches).
_batch_serials = ContextVar("batch_serials", default=None)

# Sent with `instance` (the page) once an item's number and 发布日期 are written, by an update
# that bypasses post_save: the search index, which is search's to keep (search/signals.py),
# would not hear of them otherwise. The catalogue sits below search and names none of it.
index_number_written = Signal()


class SerialBatch:
    """Serials for many publications in one transaction: each counter row is created if need be,
    locked and read once, raised in memory and written once before the commit, instead of three
    queries per publication. The lock is held to the commit (PostgreSQL; SQLite serialises
    writers anyway), so a parallel publish waits for the batch instead of sharing a serial. A
    serial taken by a record that then rolls back to its savepoint is a gap, as a deleted
    page's is.

    A counter first locked inside a savepoint that rolls back is unlocked (and, if it was
    created there, gone) again: the caller says so (`discard`) and the next serial locks and
    reads it afresh; `keep` says the savepoint was released, its locks now the transaction's."""

    def __init__(self):
        self.counters = {}
        self.fresh = []  # counters first locked since the last keep/discard

    def take(self, organisation, year):
        key = (organisation.pk, year)
        counter = self.counters.get(key)
        if counter is None:
            IndexNumberCounter.objects.get_or_create(organisation=organisation, year=year)
            counter = IndexNumberCounter.objects.select_for_update().get(
                organisation=organisation, year=year
            )
            self.counters[key] = counter
            self.fresh.append(key)
        counter.last_serial += 1
        return counter.last_serial

    def keep(self):
        self.fresh.clear()

    def discard(self):
        for key in self.fresh:
            del self.counters[key]
        self.fresh.clear()

    def write(self):
        for counter in self.counters.values():
            counter.save(update_fields=["last_serial"])
        self.counters.clear()


@contextmanager
def serials_in_one_transaction(batch=None):
    """Inside this block (itself inside the transaction) every serial, whoever publishes, comes
    from one SerialBatch, written when the block ends without an error (on an error the
    transaction is expected to roll back)."""
    batch = batch or SerialBatch()
    token = _batch_serials.set(batch)
    try:
        yield batch
        batch.write()
    finally:
        _batch_serials.reset(token)


def next_serial(organisation, year):
    batch = _batch_serials.get()
    if batch is not None:
        return batch.take(organisation, year)
    with transaction.atomic():
        IndexNumberCounter.objects.get_or_create(organisation=organisation, year=year)
        counter = IndexNumberCounter.objects.select_for_update().get(
            organisation=organisation, year=year
        )
        counter.last_serial += 1
        counter.save(update_fields=["last_serial"])
        return counter.last_serial


def first_publication_date(page):
    moment = page.first_published_at or timezone.now()
    return timezone.localdate(moment)


def date_given_at_first_publication(page):
    """The 发布日期 an item gets when first published: that day, unless the item carries a
    recorded earlier publication (backdate_first_publication) or is a translation, which keeps
    its source's date. A date typed or set any other way is not trusted."""
    if page.published_on and (page.has_recorded_earlier_publication or page.alias_of_id):
        return page.published_on
    if page.published_on and source_index_number(page) is not None:
        return page.published_on
    return first_publication_date(page)


def source_index_number(page):
    """The number of another language's version of the same item: a translation keeps it."""
    return (
        type(page)
        .objects.filter(translation_key=page.translation_key, index_number__isnull=False)
        .exclude(pk=page.pk)
        .values_list("index_number", flat=True)
        .first()
    )


def number_at_first_publication(page, organisation, translated=True):
    """The index number and 发布日期 of an item being published for the first time (a serial
    is taken: call it once, in the transaction that stores them). `translated=False`: the
    caller made the page with a new translation key, so it has no other language's number."""
    published_on = date_given_at_first_publication(page)
    number = source_index_number(page) if translated else None
    if number is None:
        serial = next_serial(organisation, published_on.year)
        number = organisation.index_number(published_on.year, serial)
    return number, published_on


def assign_index_number(page):
    """Give a just-published item its index number and publication date, once."""
    if page.index_number:
        return page.index_number
    organisation = page.organisation
    if organisation is None:  # an item outside any organisation's catalogue
        return None
    with transaction.atomic():
        number, published_on = number_at_first_publication(page, organisation)
        type(page).objects.filter(pk=page.pk, index_number__isnull=True).update(
            index_number=number, published_on=published_on
        )
    page.index_number = number
    page.published_on = published_on
    # The update above bypasses post_save: say so, so that the number becomes searchable.
    index_number_written.send(sender=type(page), instance=page)
    return number


def on_page_published(sender, instance, **kwargs):
    if isinstance(instance, DisclosureItemPage):
        assign_index_number(instance)
