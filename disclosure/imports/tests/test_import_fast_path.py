"""The bulk publication of new records (issue 18): what it leaves behind is what Wagtail's
create, revise and publish leave, in fewer queries; serials, log entries and the search index
stay whole across batches."""

import json
import re
from contextlib import nullcontext

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.blocks import StreamValue
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.search.models import IndexEntry

from disclosure.catalogue.models import (
    DisclosureDocumentPage,
    ImportedDocument,
    IndexNumberCounter,
    PublicationDateSource,
)
from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.imports import importer, publishing
from disclosure.imports.files import FileFolder
from disclosure.moderation.publishing.publication import UnreviewedPublication
from search.backends.tsquery import WORD_MARK

from .factories import record

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%fast path\n"
BLOCK_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

# Identity of a page, not its content: differs between any two pages.
IDENTITY = {"pk", "id", "page_ptr", "path", "url_path", "slug", "translation_key", "index_number"}
# When it happened: differs between any two publications.
MOMENTS = {"last_published_at", "latest_revision_created_at"}


def without_block_ids(value):
    """Stream blocks get a random id each: compare them without it."""
    if isinstance(value, StreamValue):
        value = value.get_prep_value()
    elif isinstance(value, str) and value.startswith('[{"type"'):
        value = json.loads(value)
    if isinstance(value, list):
        return [without_block_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: without_block_ids(item) for key, item in value.items() if key != "id"}
    return value


def lines(*records):
    return [json.dumps(row, ensure_ascii=False) for row in records]


def row_of(page):
    page = type(page).objects.get(pk=page.pk)
    fields = {
        field.attname: without_block_ids(getattr(page, field.attname))
        for field in page._meta.concrete_fields
        if field.name not in IDENTITY | MOMENTS
    }
    # The revision ids differ; that both point at the page's one revision is compared.
    assert page.live_revision_id == page.latest_revision_id
    fields.pop("live_revision_id")
    fields.pop("latest_revision_id")
    return fields


def revision_of(page):
    (revision,) = page.revisions.all()
    content = {
        key: without_block_ids(value)
        for key, value in revision.content.items()
        if key not in IDENTITY
    }
    return {
        "content": content,
        "object_str": revision.object_str,
        "user": revision.user_id,
        "content_type": revision.content_type_id,
        "base_content_type": revision.base_content_type_id,
        "approved_go_live_at": revision.approved_go_live_at,
        "is_live": revision.pk == page.live_revision_id,
    }


def log_of(page):
    page = Page.objects.get(pk=page.pk)
    return sorted(
        (
            entry.action,
            entry.label,
            entry.user_id,
            entry.content_changed,
            entry.content_type_id,
            entry.revision_id == page.live_revision_id if entry.revision_id else None,
            {key: value for key, value in entry.data.items() if key not in ("line", "source_url")},
        )
        for entry in PageLogEntry.objects.filter(page=page)
    )


def search_entry_of(page):
    entry = IndexEntry.objects.get(
        content_type=ContentType.objects.get_for_model(page), object_id=str(page.pk)
    )
    # Without the number tokens: the two index numbers differ in their serial. PostgreSQL
    # stores a tsvector ('word':positions, a jieba word marked), SQLite the words: compare
    # the words.
    words = sorted({word.split("':")[0].strip("'") for word in entry.body.split()})
    words = [word for word in words if not word.removesuffix(WORD_MARK).rstrip("w").isdigit()]
    return (entry.title, words, entry.autocomplete)


def references_of(page):
    return sorted(
        (
            ref.to_content_type_id,
            ref.to_object_id,
            ref.model_path,
            BLOCK_ID.sub("<id>", ref.content_path),
        )
        for ref in ReferenceIndex.get_references_for_object(page)
    )


def test_a_record_published_the_bulk_way_is_the_item_wagtail_would_have_made(category, tmp_path):
    (tmp_path / "全文.pdf").write_bytes(PDF)

    def options(one_by_one):
        options = importer.ImportOptions(source_name="old.jsonl", files=FileFolder(tmp_path))
        options.one_by_one = one_by_one
        return options

    attached = {"attachments": [{"title": "通知全文", "path": "全文.pdf"}]}
    framework = importer.import_documents(
        lines(record(1, source_url="http://old.example.gov.cn/a.html", **attached)),
        options=options(one_by_one=True),
    )
    bulk = importer.import_documents(
        lines(record(1, source_url="http://old.example.gov.cn/b.html", **attached)),
        options=options(one_by_one=False),
    )

    assert (framework.created, bulk.created) == ([1], [1])
    made, fast = DisclosureDocumentPage.objects.child_of(category).order_by("path")
    assert row_of(fast) == row_of(made)
    assert fast.live and not fast.has_unpublished_changes and fast.live_revision_id
    assert fast.published_on.isoformat() == "2021-02-02"
    assert fast.published_on_source == PublicationDateSource.OLD_SITE
    # The same pattern, the next serial.
    prefix, serial = made.index_number.rsplit("-", 1)
    assert fast.index_number == f"{prefix}-{int(serial) + 1:0{len(serial)}d}"
    assert revision_of(fast) == revision_of(made)
    assert log_of(fast) == log_of(made)
    assert [action for action, *_ in log_of(fast)] == [
        "catalogue.import",
        "wagtail.create",
        "wagtail.publish",
    ]
    assert search_entry_of(fast) == search_entry_of(made)
    assert references_of(fast) == references_of(made) != []
    assert ImportedDocument.objects.get(source_url__endswith="/b.html").page_id == fast.pk
    assert Page.find_problems() == ([], [], [], [], [])


def test_serials_of_a_batch_are_whole_whoever_publishes(category):
    # Without a 发布日期 or 成文日期 from the old site every item is numbered in the year it
    # goes live here.
    undated = {"published_at": "", "written_at": ""}
    importer.import_documents(lines(record(1, live=False, **undated)))  # numbered when published

    # In one batch: a new record, the draft published by the framework's way, a new record.
    summary = importer.import_documents(
        lines(record(2, **undated), record(1, **undated), record(3, **undated))
    )

    assert (summary.created, summary.updated) == ([1, 3], [2])
    numbers = DisclosureDocumentPage.objects.order_by("index_number")
    assert [page.index_number.rsplit("-", 1)[1] for page in numbers] == ["00001", "00002", "00003"]
    assert [page.doc_number[-2] for page in numbers] == ["2", "1", "3"]
    assert IndexNumberCounter.objects.get().last_serial == 3
    # A publication after the import takes the next serial.
    importer.import_documents(lines(record(4, **undated)))
    later = DisclosureDocumentPage.objects.get(doc_number="测政发〔2021〕4号")
    assert later.index_number.endswith("-00004")


@pytest.mark.parametrize("failing", [1, 2])
def test_a_record_rolled_back_leaves_no_log_entry_and_the_others_keep_theirs(
    category, monkeypatch, failing
):
    """The first record takes (creates and locks) the year's counter; when it is the one that
    rolls back, the counter goes with it and the next record takes it afresh."""
    real_entry = publishing.import_log_entry

    def failing_entry(page, revision, context):
        if f"第{failing}批" in page.title:
            raise importer.LineError("模拟的故障")
        return real_entry(page, revision, context)

    monkeypatch.setattr(publishing, "import_log_entry", failing_entry)

    summary = importer.import_documents(lines(record(1), record(2), record(3)))

    kept = [n for n in (1, 2, 3) if n != failing]
    assert summary.created == kept and summary.skipped == [(failing, "模拟的故障")]
    assert not PageLogEntry.objects.filter(label__contains=f"第{failing}批").exists()
    pages = DisclosureDocumentPage.objects.order_by("index_number")
    for page in pages:
        assert PageLogEntry.objects.filter(page=page).count() == 3
    serials = [int(page.index_number.rsplit("-", 1)[1]) for page in pages]
    assert len(set(serials)) == 2
    assert IndexNumberCounter.objects.get().last_serial == max(serials)


def test_the_search_index_is_complete_when_the_import_ends(category):
    DisclosureDocumentPageFactory(parent=category, title="编辑已建的文件")
    rows = [record(n) for n in range(1, 31)]

    summary = importer.import_documents(lines(*rows), options=importer.ImportOptions(batch_size=7))

    assert len(summary.created) == 30
    pages = DisclosureDocumentPage.objects.live().filter(doc_number__startswith="测政发")
    indexed = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(DisclosureDocumentPage),
        object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)],
    )
    assert indexed.count() == 30
    for page in pages:
        hits = Page.objects.live().search(page.index_number)
        assert page.pk in [hit.pk for hit in hits]
    # The organisation's name, read from the tree for the whole batch at once, is searchable.
    by_organisation = {hit.pk for hit in Page.objects.live().search("测试镇人民政府")}
    assert set(pages.values_list("pk", flat=True)) <= by_organisation


def test_the_bulk_publication_goes_live_only_inside_the_sanction(category, monkeypatch):
    """The insert is a draft row; the one save that puts the page live passes the revision
    check (moderation/publishing/publication.py) like any other: without the importer's sanction it
    is refused, and nothing of the record stays."""
    monkeypatch.setattr(publishing, "sanctioned_publication", lambda why: nullcontext())

    with pytest.raises(UnreviewedPublication):
        importer.import_documents(lines(record(1)))

    assert not DisclosureDocumentPage.objects.exists()
    assert not ImportedDocument.objects.exists()
    assert not PageLogEntry.objects.filter(action="catalogue.import").exists()
