import json
import time

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageLogEntry

from disclosure.catalogue.models import (
    BudgetPage,
    DisclosureDocumentPage,
    ImportedDocument,
    PublicationDateSource,
)
from disclosure.catalogue.tests.factories import (
    TOWNSHIP_CODE,
    BudgetPageFactory,
    CategoryPageFactory,
    DisclosureIndexPageFactory,
    PolicyDocumentPageFactory,
)
from disclosure.imports import importer, publishing

from .factories import record

pytestmark = pytest.mark.django_db


def write_jsonl(path, rows):
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_import(path, capsys):
    try:
        call_command("import_documents", str(path))
        error = None
    except CommandError as raised:
        error = str(raised)
    out, err = capsys.readouterr()
    return out, err, error


def test_a_field_error_is_said_once_in_one_sentence(category):
    summary = importer.import_documents(
        [
            json.dumps(
                record(1, title="长" * 300, written_at="2021-06-01", published_at="2021-05-01")
            )
        ]
    )

    ((_line, reason),) = summary.skipped
    assert reason.count("title（标题）") == 1 and "draft_title" not in reason
    assert "。；" not in reason and reason.endswith("。") and not reason.endswith("。。")


def test_a_file_without_records_is_an_error(category, tmp_path, capsys):
    _out, _err, error = run_import(write_jsonl(tmp_path / "empty.jsonl", ["", "  "]), capsys)
    assert error.startswith("文件") and error.endswith("中没有记录：每行应为一个 JSON 对象。")


def test_a_thousand_documents_import_once_and_reimport_as_unchanged(category, tmp_path, capsys):
    path = write_jsonl(tmp_path / "old-site.jsonl", [record(n) for n in range(1, 1001)])

    started = time.perf_counter()
    out, err, error = run_import(path, capsys)
    elapsed = time.perf_counter() - started

    assert error is None
    assert "导入完成：新建 1000 篇，更新 0 篇，未变化 0 篇，跳过 0 行。" in out
    # Not a terminal under pytest: plain progress lines.
    assert "已处理 100/1000 行" in err and "已处理 1000/1000 行" in err
    pages = DisclosureDocumentPage.objects.child_of(category)
    assert pages.live().count() == 1000
    assert pages.filter(index_number__startswith=f"{TOWNSHIP_CODE}/2021-").count() == 1000
    assert len(set(pages.values_list("index_number", flat=True))) == 1000
    page = pages.get(doc_number="测政发〔2021〕7号")
    assert page.published_on.isoformat() == "2021-08-08"
    assert page.published_on_source == PublicationDateSource.OLD_SITE
    assert page.first_published_at.date().isoformat() == "2021-08-08"
    assert page.keyword_list == ["垃圾分类", "批次7"]
    assert "第7批垃圾分类工作安排如下" in str(page.body)
    # Indexed for the site's search as it went in.
    found = Page.objects.live().search("第7批垃圾分类")
    assert page.pk in [hit.pk for hit in found]
    print(f"imported 1000 documents in {elapsed:.1f}s")

    revisions = page.revisions.count()
    out, _, error = run_import(path, capsys)
    assert error is None
    assert "新建 0 篇，更新 0 篇，未变化 1000 篇，跳过 0 行" in out
    assert pages.count() == 1000
    assert page.revisions.count() == revisions


def test_a_changed_record_updates_its_page_and_keeps_its_index_number(category, tmp_path, capsys):
    path = write_jsonl(tmp_path / "a.jsonl", [record(1), record(2)])
    run_import(path, capsys)
    page = DisclosureDocumentPage.objects.get(doc_number="测政发〔2021〕1号")
    number = page.index_number

    changed = record(1, title="关于做好垃圾分类工作的通知（修订）", validity="失效")
    out, _, error = run_import(write_jsonl(tmp_path / "b.jsonl", [changed, record(2)]), capsys)

    assert error is None
    assert "新建 0 篇，更新 1 篇，未变化 1 篇" in out
    page.refresh_from_db()
    assert page.title == "关于做好垃圾分类工作的通知（修订）"
    assert page.validity == "expired"
    assert page.index_number == number
    assert DisclosureDocumentPage.objects.count() == 2


def test_bad_lines_are_reported_with_their_numbers_and_the_rest_imported(
    category, tmp_path, capsys
):
    rows = [
        record(1),
        "{not json",
        "[1, 2]",
        record(4, title=""),
        record(5, category="不存在的栏目"),
        record(6, published_at="2021-13-45"),
        record(7, validity="作废"),
        record(8, keywords="垃圾分类"),  # a single string is accepted as one keyword
        record(9, keywords=[1, 2]),
        record(10, live="yes"),
        record(11, validity="废止"),
        "",
        record(13, written_at="2021-06-01", published_at="2021-05-01"),
        record(14),
    ]
    path = write_jsonl(tmp_path / "mixed.jsonl", rows)
    with path.open("ab") as handle:
        handle.write(b'{"title": "\xb9\xd8\xd3\xda"}\n')  # GBK bytes, not UTF-8

    out, _, error = run_import(path, capsys)

    assert error == "有 11 行未导入，原因见上方列表。"
    assert "新建 3 篇" in out and "跳过 11 行" in out
    for expected in [
        "第 2 行：不是有效的 JSON：第 2 个字符处键名须用英文双引号括起（附近的文字：{not json）。",
        "第 3 行：每行必须是一个 JSON 对象",
        "第 4 行：缺少必填字段 title（标题）",
        "第 5 行：测试镇人民政府的目录中没有栏目“不存在的栏目”",
        "第 6 行：字段 published_at（发布日期）不是有效日期：“2021-13-45”",
        "第 7 行：字段 validity（有效性）只能是“有效”“失效”或“废止”，而不是“作废”",
        "第 9 行：字段 keywords（关键词）必须是文本列表",
        "第 10 行：字段 live（是否发布）必须是 true 或 false",
        "第 11 行：abolished_at（废止日期）：有效性为“废止”时请填写废止日期。",
        "第 13 行：published_at（发布日期）：发布日期不能早于成文日期。",
        "第 15 行：不是 UTF-8 编码的文本",
    ]:
        assert expected in out, expected
    assert "第 12 行" not in out  # blank lines are not records
    assert sorted(DisclosureDocumentPage.objects.values_list("doc_number", flat=True)) == [
        "测政发〔2021〕14号",
        "测政发〔2021〕1号",
        "测政发〔2021〕8号",
    ]
    # Nothing of a refused line is left behind: no page, no import record.
    assert ImportedDocument.objects.count() == 3


def test_a_failure_inside_a_document_rolls_back_only_that_document(category, tmp_path, monkeypatch):
    real_entry = publishing.import_log_entry

    def failing_entry(page, revision, context):
        if "第2批" in page.title:
            raise importer.LineError("模拟的故障")
        return real_entry(page, revision, context)

    monkeypatch.setattr(publishing, "import_log_entry", failing_entry)
    lines = [json.dumps(record(n), ensure_ascii=False) for n in (1, 2, 3)]

    summary = importer.import_documents(lines)

    assert summary.created == [1, 3]
    assert summary.skipped == [(2, "模拟的故障")]
    assert not DisclosureDocumentPage.objects.filter(title__contains="第2批").exists()
    assert not ImportedDocument.objects.filter(source_url__endswith="/2.html").exists()
    category.refresh_from_db()
    assert category.numchild == 2


def test_live_false_imports_a_draft_without_an_index_number(category):
    summary = importer.import_documents([json.dumps(record(1, live=False))])

    assert summary.created == [1]
    page = DisclosureDocumentPage.objects.get()
    assert not page.live and page.index_number is None
    assert page.get_latest_revision() is not None
    assert not PageLogEntry.objects.filter(page=page, action="catalogue.import").exists()


def test_live_import_is_published_by_the_system_and_logged(category):
    importer.import_documents([json.dumps(record(1))], source_name="old.jsonl")

    page = DisclosureDocumentPage.objects.get()
    entry = PageLogEntry.objects.get(page=page, action="catalogue.import")
    assert entry.user is None
    assert entry.data == {
        "file": "old.jsonl",
        "line": 1,
        "source_url": "http://old.example.gov.cn/xxgk/1.html",
    }


def test_html_from_the_old_site_is_cleaned_and_plain_text_keeps_paragraphs(category):
    dirty = record(
        1,
        body='<p onclick="x()">正文<script>alert(1)</script></p><style>p{}</style>'
        '<a href="http://old.example.gov.cn/f.doc">附件</a>',
    )
    plain = record(2, body="第一段\n第二行\n\n第二段 <不是标签")
    importer.import_documents([json.dumps(dirty), json.dumps(plain)])

    first, second = DisclosureDocumentPage.objects.order_by("pk")
    html = str(first.body)
    assert "正文" in html and "附件" in html
    assert "script" not in html and "onclick" not in html and "alert" not in html
    assert "<p>第一段<br/>第二行</p><p>第二段 &lt;不是标签</p>" in second.body[0].value.source


def test_organisation_is_named_when_there_are_several(category, tmp_path, capsys):
    root = DisclosureIndexPageFactory(
        organisation__name="测试县人民政府办公室",
        organisation__code="11230522004326500C",
        title="测试县政府信息公开",
        slug="county",
    )
    county_column = CategoryPageFactory(parent=root, title="政策信息", slug="county-notices")

    rows = [
        record(1),
        record(2, organisation="测试县人民政府办公室"),
        record(3, organisation="11230522004326500c", category="county-notices"),
        record(4, organisation="不存在的机关"),
    ]
    out, _, _ = run_import(write_jsonl(tmp_path / "orgs.jsonl", rows), capsys)

    assert "第 1 行：系统中有多个公开主体，请用 organisation 字段写明名称或机构代码。" in out
    assert "第 4 行：找不到公开主体“不存在的机关”" in out
    assert DisclosureDocumentPage.objects.child_of(county_column).count() == 2
    assert not DisclosureDocumentPage.objects.child_of(category).exists()


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="无法打开文件"):
        call_command("import_documents", str(tmp_path / "none.jsonl"))


# Measured as docs/catalogue.md says: about 87 queries per new document while every document
# was indexed twice on its own, about 71 with the indexes updated in batches, about 25 with a
# new record published in one save (publishing.publish_created).
QUERIES_PER_NEW_DOCUMENT = 30


def test_a_new_document_costs_a_bounded_number_of_queries_and_is_indexed_in_batches(
    category, monkeypatch, django_assert_max_num_queries
):
    sent = []
    real_queue = importer.queue_index_update

    def recording_queue(model, pks):
        sent.append(len(pks))
        return real_queue(model, pks)

    monkeypatch.setattr(importer, "INDEX_BATCH_SIZE", 10)
    monkeypatch.setattr(importer, "queue_index_update", recording_queue)
    importer.import_documents([json.dumps(record(0), ensure_ascii=False)])  # warm the caches
    sent.clear()
    lines = [json.dumps(record(n), ensure_ascii=False) for n in range(1, 26)]

    with django_assert_max_num_queries(QUERIES_PER_NEW_DOCUMENT * len(lines)):
        summary = importer.import_documents(lines)

    assert len(summary.created) == 25
    assert sent == [10, 10, 5]  # one index task per ten documents, the rest at the end
    for n in (1, 17, 25):
        page = DisclosureDocumentPage.objects.get(doc_number=f"测政发〔2021〕{n}号")
        assert page.index_number  # numbered before it was indexed: the number is searchable
        assert page.pk in [hit.pk for hit in Page.objects.live().search(page.index_number)]


def test_an_interrupted_import_still_indexes_what_it_committed(category):
    lines = [json.dumps(record(n), ensure_ascii=False) for n in (1, 2, 3)]

    def stop_after_second(line_number):
        if line_number == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        importer.import_documents(lines, progress=stop_after_second)

    assert DisclosureDocumentPage.objects.count() == 2
    found = {hit.pk for hit in Page.objects.live().search("垃圾分类")}
    assert found == set(DisclosureDocumentPage.objects.values_list("pk", flat=True))


def test_the_column_or_the_type_field_decides_the_page_type(category, tmp_path, capsys):
    from disclosure.catalogue.models import PolicyDocumentPage, PolicyKind

    root = category.get_parent()
    policies = CategoryPageFactory(parent=root, title="规范性文件", slug="policies")
    budgets = CategoryPageFactory(parent=root, title="预算决算", slug="budgets")
    PolicyDocumentPageFactory(
        parent=policies, title="已有的规范性文件", body=[("paragraph", "正文")]
    )
    BudgetPageFactory(parent=budgets, title="2022年预算", year=2022)

    rows = [
        record(1),  # an empty column: 公开信息, as before
        record(2, category="规范性文件"),  # a column of policies: a policy (其他文件)
        record(3, category="规范性文件", kind="规范性文件"),
        record(4, type="policy"),  # told: a policy in the notices column
        record(5, category="预算决算"),  # a budget: year and kind left for the editor
        record(6, type="budget"),  # told: a budget in the notices column
        record(7, type="PolicyDocumentPage", kind="政策解读"),
        record(8, category="预算决算", type="document"),  # told: the column may hold it
    ]
    out, _, _ = run_import(write_jsonl(tmp_path / "types.jsonl", rows), capsys)

    assert "新建 7 篇" in out and "跳过 1 行" in out
    assert "第 5 行：标题中未识别出年度，按发布日期暂定为 2021 年，请核对。" in out
    assert "第 7 行：字段 kind（文件类别）只能是“规范性文件”或“其他文件”" in out

    def imported(n):
        return Page.objects.get(title=record(n)["title"]).specific

    assert type(imported(1)) is DisclosureDocumentPage
    assert type(imported(2)) is PolicyDocumentPage and imported(2).kind == PolicyKind.DOCUMENT
    assert imported(3).kind == PolicyKind.NORMATIVE
    assert type(imported(4)) is PolicyDocumentPage and imported(4).get_parent().pk == category.pk
    assert type(imported(5)) is BudgetPage and imported(5).get_parent().pk == budgets.pk
    assert type(imported(6)) is BudgetPage and imported(6).get_parent().pk == category.pk
    assert type(imported(8)) is DisclosureDocumentPage
    assert all(imported(n).index_number for n in (1, 2, 3, 4, 5, 6, 8))

    # A known document keeps its type; a record cannot turn it into another.
    changed = record(2, category="规范性文件", type="document", title="改名")
    out, _, _ = run_import(write_jsonl(tmp_path / "again.jsonl", [changed]), capsys)
    assert "第 1 行：该文件已导入为“政策文件”，不能改变页面类型。" in out


def test_an_imported_title_never_takes_the_feed_address(category):
    importer.import_documents([json.dumps(record(1, title="RSS"))])
    assert DisclosureDocumentPage.objects.get().slug == "rss-2"


def editors_draft(page, **changes):
    """A person's unpublished change of an imported page (the importer saves as nobody)."""
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_user("draft-editor")
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision(user=editor)
    return editor


@pytest.mark.parametrize("review", [None, "needs_changes", "in_progress"])
def test_a_page_with_a_persons_unpublished_change_is_not_updated_so_nothing_unreviewed_goes_live(
    category, tmp_path, capsys, review
):
    from wagtail.models import Workflow, WorkflowState

    run_import(write_jsonl(tmp_path / "a.jsonl", [record(1)]), capsys)
    page = DisclosureDocumentPage.objects.get(doc_number="测政发〔2021〕1号")
    editor = editors_draft(page, summary="未经审核的摘要")
    if review:
        WorkflowState.objects.create(
            content_object=page,
            content_type=page.content_type,
            base_content_type=page.get_base_content_type(),
            workflow=Workflow.objects.create(name="审核"),
            requested_by=editor,
            status=review,
        )

    changed = record(1, title="关于做好垃圾分类工作的通知（修订）")
    out, _, error = run_import(write_jsonl(tmp_path / "b.jsonl", [changed]), capsys)

    assert error is not None  # exit 1: a record was skipped
    assert "本次未更新" in out + error
    page.refresh_from_db()
    assert page.title == "关于做好第1批垃圾分类工作的通知"
    assert page.live_revision.as_object().summary != "未经审核的摘要"


def test_a_pretty_printed_json_file_is_told_to_hold_one_object_per_line(category):
    summary = importer.import_documents(["{", '  "title": "通知"', "}"])
    assert summary.skipped[0] == (
        1,
        "不是有效的 JSON：每行须是一个完整的 JSON 对象，文件不能是分行排版的 JSON。",
    )


def test_old_sites_wording_of_validity_is_read(category):
    summary = importer.import_documents([json.dumps(record(1, validity="现行有效"))])
    assert summary.created == [1]
    assert DisclosureDocumentPage.objects.get().validity == "valid"
