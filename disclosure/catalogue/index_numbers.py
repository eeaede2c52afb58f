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
from django.utils import timezone
from modelsearch.tasks import insert_or_update_object_task

from .models import DisclosureItemPage, IndexNumberCounter

# Set by a caller that indexes the pages it publishes itself (the import, in batches).
_reindex_by_caller = ContextVar("reindex_by_caller", default=False)


@contextmanager
def caller_reindexes():
    """Inside this block a newly numbered page is not queued for reindexing: the caller
    promises to index it (after the number is set) itself."""
    token = _reindex_by_caller.set(True)
    try:
        yield
    finally:
        _reindex_by_caller.reset(token)


def next_serial(organisation, year):
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


def publication_date(page):
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


def assign_index_number(page):
    """Give a just-published item its index number and publication date, once."""
    if page.index_number:
        return page.index_number
    organisation = page.organisation
    if organisation is None:  # an item outside any organisation's catalogue
        return None
    published_on = publication_date(page)
    with transaction.atomic():
        number = source_index_number(page)
        if number is None:
            serial = next_serial(organisation, published_on.year)
            number = organisation.index_number(published_on.year, serial)
        type(page).objects.filter(pk=page.pk, index_number__isnull=True).update(
            index_number=number, published_on=published_on
        )
    page.index_number = number
    page.published_on = published_on
    # The update above bypasses post_save: reindex so the number is searchable.
    if not _reindex_by_caller.get():
        insert_or_update_object_task.enqueue(
            page._meta.app_label, page._meta.model_name, str(page.pk)
        )
    return number


def on_page_published(sender, instance, **kwargs):
    if isinstance(instance, DisclosureItemPage):
        assign_index_number(instance)
