"""The bulk path (issue 18): batches share a transaction, each record keeps its own savepoint, and
the tree stays what treebeard would have made."""

import json

import pytest
from django.utils import timezone
from wagtail.models import Page

from disclosure.catalogue.models import DisclosureDocumentPage, ImportedDocument
from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.imports import importer

from .factories import record

pytestmark = pytest.mark.django_db


def lines(*records):
    return [json.dumps(row, ensure_ascii=False) for row in records]


def test_records_across_batches_keep_the_tree_whole_and_a_bad_one_costs_only_itself(category):
    DisclosureDocumentPageFactory(parent=category, title="编辑已建的文件")  # a column with a child
    rows = [record(n) for n in range(1, 8)]
    rows[3] = record(4, published_at="2021-13-45")  # inside the second batch of three

    summary = importer.import_documents(lines(*rows), options=importer.ImportOptions(batch_size=3))

    assert summary.created == [1, 2, 3, 5, 6, 7]
    assert [line for line, _reason in summary.skipped] == [4]
    assert "发布日期" in summary.skipped[0][1]
    assert Page.find_problems() == ([], [], [], [], [])  # paths, depths and numchild agree
    category.refresh_from_db()
    assert category.numchild == 7
    assert not ImportedDocument.objects.filter(source_url__endswith="/4.html").exists()
    # An editor's page after the import takes the next free place.
    later = DisclosureDocumentPageFactory(parent=category, title="导入后新建的文件")
    assert later.path > max(
        Page.objects.child_of(category).exclude(pk=later.pk).values_list("path", flat=True)
    )
    assert DisclosureDocumentPage.objects.live().child_of(category).count() == 8


def test_today_path_and_bulk_path_make_the_same_pages(category):
    bulk = importer.import_documents(lines(record(1), record(2)))
    one_by_one = importer.import_documents(
        lines(record(3), record(4)), options=importer.ImportOptions(one_by_one=True)
    )

    assert (bulk.created, one_by_one.created) == ([1, 2], [1, 2])
    pages = DisclosureDocumentPage.objects.child_of(category).order_by("path")
    assert [page.doc_number for page in pages] == [f"测政发〔2021〕{n}号" for n in (1, 2, 3, 4)]
    assert all(page.live and page.index_number and page.live_revision_id for page in pages)
    assert len({page.index_number for page in pages}) == 4
    assert Page.find_problems() == ([], [], [], [], [])


def test_an_import_marks_its_organisation_stale_and_renews_the_cached_pages(client, category):
    from disclosure.inspection import snapshots
    from gongkai.page_cache import page_cache

    page_cache().clear()
    snapshots.refresh_inspections()
    other = DisclosureDocumentPageFactory(parent=category, title="编辑已建的文件")
    for page in (category, other):
        client.get(page.url)
        assert client.get(page.url).get("X-Page-Cache") == "hit"

    summary = importer.import_documents(
        lines(record(1), record(2), record(3)), options=importer.ImportOptions(batch_size=2)
    )

    assert summary.created == [1, 2, 3]
    assert "关于做好第3批垃圾分类工作的通知" in client.get(category.url).text
    # Many pages at once renew the whole site (deferred_receivers.many_changes), not page by
    # page: a page the import did not touch is rendered again too.
    assert client.get(other.url).get("X-Page-Cache") is None
    organisation = category.get_parent().specific.organisation
    assert snapshots.snapshots_of([organisation])[organisation.pk].stale


def test_records_of_one_title_in_a_batch_take_the_next_free_address(category):
    DisclosureDocumentPageFactory(parent=category, title="同名文件", slug="tong-ming-wen-jian")
    rows = [
        record(1, title="同名文件"),
        record(2, title="同名文件", doc_number="号" * 300),  # rolled back: frees its -2
        record(3, title="同名文件"),
        record(4, title="同名文件"),
    ]

    summary = importer.import_documents(lines(*rows))

    assert summary.created == [1, 3, 4]
    slugs = sorted(DisclosureDocumentPage.objects.child_of(category).values_list("slug", flat=True))
    assert slugs == [
        "tong-ming-wen-jian",
        "tong-ming-wen-jian-2",
        "tong-ming-wen-jian-3",
        "tong-ming-wen-jian-4",
    ]


def test_an_old_address_given_twice_in_one_file_imports_once_and_names_the_first_line(category):
    rows = [
        record(1),
        record(2, source_url="http://old.example.gov.cn/xxgk/1.html"),
        record(3, source_url="HTTP://OLD.example.gov.cn/xxgk/1.html#top"),
    ]

    summary = importer.import_documents(lines(*rows))

    assert summary.created == [1]
    assert summary.skipped == [
        (2, "原网址与第 1 行相同：同一文件中的两条记录不能对应旧网站的同一页面。"),
        (3, "原网址与第 1 行相同：同一文件中的两条记录不能对应旧网站的同一页面。"),
    ]
    assert DisclosureDocumentPage.objects.get().title == record(1)["title"]


def test_the_same_old_page_under_https_or_with_a_fragment_updates_instead_of_doubling(category):
    importer.import_documents(lines(record(1)))

    again = importer.import_documents(
        lines(
            record(1, source_url="https://old.example.gov.cn/xxgk/1.html#content", title="新标题")
        )
    )

    assert (again.created, again.updated) == ([], [1])
    assert list(DisclosureDocumentPage.objects.values_list("title", flat=True)) == ["新标题"]
    assert ImportedDocument.objects.count() == 1


def test_a_record_without_a_publication_date_takes_its_written_date_and_says_so(category):
    summary = importer.import_documents(
        lines(
            record(1, published_at="", written_at="2019-04-08"),
            record(2, published_at="", written_at=""),
        )
    )

    assert summary.created == [1, 2]
    first, second = DisclosureDocumentPage.objects.order_by("path")
    assert str(first.published_on) == "2019-04-08"
    assert first.published_on_source == "old_site"
    assert summary.notes[0] == (
        1,
        "未给出发布日期（published_at）：暂以成文日期 2019-04-08 作为发布日期；"
        "如不符，请在导入文件中补上 published_at 后重新导入。",
    )
    assert second.published_on == timezone.localdate()
    assert summary.notes[1] == (
        2,
        "未给出发布日期（published_at）和成文日期（written_at）：以导入当天作为发布日期。",
    )


def test_a_future_publication_date_is_refused_and_an_empty_body_is_noted(category):
    summary = importer.import_documents(
        lines(
            record(1, published_at="2999-01-01"),
            record(2, body="<script>alert(1)</script><style>p{}</style>"),
        )
    )

    assert summary.skipped == [
        (
            1,
            "字段 published_at（发布日期）晚于今天：“2999-01-01”。"
            "旧网站已发布的文件，发布日期不会在今天之后。",
        )
    ]
    assert summary.created == [2]
    assert summary.notes == [
        (2, "正文去除脚本和样式后没有文字（原网页的正文可能只是图片），请编辑核对。")
    ]


def test_ctrl_c_reports_what_was_committed_and_exits_130(category, tmp_path, monkeypatch, capsys):
    from django.core.management import CommandError, call_command

    path = tmp_path / "old.jsonl"
    path.write_text("\n".join(lines(record(1), record(2, published_at=""), record(3))), "utf-8")
    real = importer.import_record

    def interrupted(record_, line_number, *args):
        if line_number == 3:
            raise KeyboardInterrupt
        return real(record_, line_number, *args)

    monkeypatch.setattr(importer, "import_record", interrupted)
    with pytest.raises(CommandError) as stopped:
        call_command("import_documents", str(path))

    assert stopped.value.returncode == 130
    out, _ = capsys.readouterr()
    assert "导入已中断：新建 2 篇" in out
    assert "第 2 行：未给出发布日期" in out  # the editor's to-do list is not lost
    assert DisclosureDocumentPage.objects.count() == 2


def test_an_update_naming_another_column_says_the_page_stays_where_it_is(category):
    from disclosure.catalogue.tests.factories import CategoryPageFactory

    CategoryPageFactory(parent=category.get_parent(), title="通知公告", slug="tzgg")
    importer.import_documents(lines(record(1)))

    again = importer.import_documents(lines(record(1, category="通知公告", title="改后的标题")))

    assert again.updated == [1]
    assert again.notes == [
        (1, "记录的栏目是“通知公告”，页面仍在原栏目：导入不移动页面，需要时请在后台移动。")
    ]
    assert DisclosureDocumentPage.objects.child_of(category).get().title == "改后的标题"


def test_a_page_an_office_deleted_is_not_brought_back_by_a_later_run(category):
    importer.import_documents(lines(record(1)))
    DisclosureDocumentPage.objects.get().delete()

    again = importer.import_documents(lines(record(1, title="又改了标题")))

    assert (again.created, again.updated, again.unchanged) == ([], [], [1])
    assert again.notes == [(1, "该文件导入后已在本平台删除，本次未重新导入。")]
    assert not DisclosureDocumentPage.objects.exists()


def test_the_same_old_page_under_http_and_https_in_one_file_is_refused_once(category):
    rows = [
        record(1, source_url="http://old.example.gov.cn:80/d/7.html"),
        record(2, source_url="https://old.example.gov.cn/d/7.html#top"),
    ]

    summary = importer.import_documents(lines(*rows))

    assert summary.created == [1]
    assert [line for line, _reason in summary.skipped] == [2]


def test_a_title_reads_its_entities_and_a_placeholder_date_is_not_taken(category):
    summary = importer.import_documents(
        lines(
            record(
                1,
                title="  关于&ldquo;双减&rdquo;工作的通知&nbsp;\n",
                published_at="1900-01-01",
                written_at="2021-03-01",
            )
        )
    )

    page = DisclosureDocumentPage.objects.get()
    assert page.title == "关于“双减”工作的通知"
    assert str(page.published_on) == "2021-03-01"
    assert summary.notes[0] == (1, "发布日期 1900-01-01 是原系统表示“无日期”的占位值，未采用。")


def test_blocks_of_old_markup_stay_apart_and_images_left_out_are_noted(category):
    body = (
        "<p>前文。</p><blockquote>引文。</blockquote><pre>一行\n二行</pre><center>居中</center>"
        "<p><img src='/uploads/tujie.png' alt='政策图解'></p>"
    )
    summary = importer.import_documents(lines(record(1, body=body)))

    text = str(DisclosureDocumentPage.objects.get().body[0].value)
    assert "<p>引文。</p><p>一行<br/>二行</p><p>居中</p>" in text
    assert summary.notes == [
        (1, "原正文中的 1 张图片未导入：请把图片作为附件上传或在正文中重新插入。")
    ]
