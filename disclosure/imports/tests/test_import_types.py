"""Every column type imports (issue 18): the record becomes the type its column holds."""

import json
import re

import pytest
from django.core.management import CommandError, call_command

from disclosure.catalogue.models import (
    BudgetPage,
    CategoryPage,
    OrganisationFunctionPage,
    PolicyDocumentPage,
    ServiceGuidePage,
    ServiceItemListPage,
)
from disclosure.imports import importer
from tests.factories import publish_fixture as publish

from .legacy_catalogue import COLUMNS, budget, functions, guide, legacy_lines, service_list

pytestmark = pytest.mark.django_db


@pytest.fixture
def columns(disclosure_root):
    made = {}
    for n, title in enumerate(COLUMNS):
        column = CategoryPage(title=title, slug=f"column-{n}")
        disclosure_root.add_child(instance=column)
        made[title] = publish(column)
    return made


def import_one(record):
    summary = importer.import_documents([json.dumps(record, ensure_ascii=False)])
    assert not summary.skipped, summary.skipped
    return summary


def test_a_legacy_catalogue_of_every_column_type_imports_with_no_refusal(columns, tmp_path, capsys):
    path = tmp_path / "legacy.jsonl"
    path.write_text("\n".join(legacy_lines(250)) + "\n", encoding="utf-8")

    call_command("import_documents", str(path))  # raises CommandError on any skipped line
    out, _ = capsys.readouterr()

    assert "导入完成：新建 250 篇，更新 0 篇，未变化 0 篇，跳过 0 行。" in out
    for title, model in [
        ("规范性文件", PolicyDocumentPage),
        ("办事指南", ServiceGuidePage),
        ("预算决算", BudgetPage),
        ("便民服务事项清单", ServiceItemListPage),
        ("机构职能", OrganisationFunctionPage),
    ]:
        assert model.objects.child_of(columns[title]).live().count() == 50, title
    # What the import could not derive is listed for the editor.
    assert "已导入，待编辑补充或核对：" in out
    assert "标题中未识别出年度" in out

    call_command("import_documents", str(path))
    out, _ = capsys.readouterr()
    assert "新建 0 篇，更新 0 篇，未变化 250 篇，跳过 0 行" in out


@pytest.mark.parametrize(
    ("title", "year", "kind"),
    [
        ("友谊镇2022年部门预算", 2022, "budget"),
        ("友谊镇2021年部门决算公开", 2021, "final_accounts"),
        ("友谊镇2020年“三公”经费决算情况说明", 2020, "three_public"),
    ],
)
def test_a_budget_takes_year_and_kind_from_its_title(columns, title, year, kind):
    summary = import_one({**budget(3), "title": title})
    page = BudgetPage.objects.get()
    assert (page.year, page.kind) == (year, kind)
    assert "金额（万元）" in str(page.body)
    assert summary.notes == []


def test_a_table_of_the_body_stays_a_table_between_its_paragraphs(columns, client):
    body = (
        "<p>二、收支预算总表</p>"
        "<table border='1'><tr><td rowspan='2'>项目</td><td colspan='2'>金额（万元）</td></tr>"
        "<tr><td>预算</td><td>决算</td></tr><tr><td>合计</td><td>3120.50</td><td>3020.00</td></tr>"
        "</table><p>三、其他说明</p>"
    )
    import_one({**budget(3), "title": "友谊镇2022年部门预算", "body": body})

    page = BudgetPage.objects.get()
    assert [block.block_type for block in page.body] == ["paragraph", "table", "paragraph"]
    assert page.body[1].value["data"] == [
        ["项目", "金额（万元）", ""],
        ["", "预算", "决算"],
        ["合计", "3120.50", "3020.00"],
    ]
    html = client.get(page.url).text
    assert re.search(r"<td\s*>\s*3120\.50\s*</td>", html)


def test_a_table_laying_out_the_page_gives_its_text(columns):
    body = "<table><tr><td><p>第一段。</p><p>第二段。</p></td></tr></table>"
    import_one({**budget(3), "title": "友谊镇2022年部门预算", "body": body})

    page = BudgetPage.objects.get()
    assert [block.block_type for block in page.body] == ["paragraph"]
    assert str(page.body[0].value) == "<p>第一段。</p><p>第二段。</p>"


def test_a_budget_takes_year_and_kind_from_keys_before_the_title(columns):
    import_one({**budget(3), "title": "友谊镇2022年部门预算", "year": 2019, "kind": "决算"})
    page = BudgetPage.objects.get()
    assert (page.year, page.kind) == (2019, "final_accounts")


def test_a_budget_without_year_or_kind_is_imported_with_notes(columns):
    record = {**budget(3), "title": "关于公开财政收支的说明", "published_at": "2022-03-01"}
    summary = import_one(record)
    page = BudgetPage.objects.get()
    assert (page.year, page.kind) == (2022, "budget")
    assert [line for line, _ in summary.notes] == [1, 1]
    assert "按发布日期暂定为 2022 年" in summary.notes[1][1]


def test_a_budget_with_a_wrong_year_key_is_refused_with_the_reason(columns):
    summary = importer.import_documents([json.dumps({**budget(3), "year": "二〇二二"})])
    assert summary.skipped == [(1, "字段 year（年度）必须是四位数的年份，而不是“二〇二二”。")]
    assert not BudgetPage.objects.exists()


def test_a_guide_in_a_label_table_fills_its_fields(columns):
    summary = import_one(guide(1))
    page = ServiceGuidePage.objects.get()
    assert page.item_name == "高龄津贴申领"
    assert page.item_type == "公共服务"
    assert "人口与计划生育法" in page.legal_basis
    assert page.conditions == "户籍在本镇的居民"
    assert [m.value["name"] for m in page.materials] == ["居民身份证", "户口簿", "结婚证"]
    assert [s.value["title"] for s in page.steps] == ["申请", "受理", "审核", "办结"]
    assert page.statutory_time_limit == "20个工作日"
    assert page.promised_time_limit == "2个工作日"
    assert page.fees == "不收费"
    assert page.location.startswith("友谊镇便民服务中心")
    assert page.consultation_phone == "0123-4567890"
    assert page.supervision_phone == "0123-4567899"
    assert summary.notes == []


def test_a_guide_in_headed_paragraphs_fills_its_fields_and_lists_what_is_missing(columns):
    summary = import_one(guide(2))
    page = ServiceGuidePage.objects.get()
    assert page.item_name == "临时救助申请"
    assert "社会救助暂行办法" in page.legal_basis
    assert "意外事件" in page.conditions
    assert [m.value["name"] for m in page.materials] == ["申请书", "身份证复印件"]
    assert [s.value["title"] for s in page.steps] == ["申请受理", "审核确认", "审批"]
    assert page.promised_time_limit == "3个工作日"
    assert summary.notes == [(1, "待编辑补充：办理地点、办理时间。")]


def test_a_remark_after_the_last_section_is_not_part_of_it(columns):
    body = guide(2)["body"] + "<p>九、备注：请申请人如实填报，虚报者取消资格。</p>"
    summary = import_one({**guide(2), "body": body})

    page = ServiceGuidePage.objects.get()
    assert page.consultation_phone == "0123-4567801"
    assert "虚报者取消资格" in page.conditions  # kept where the editor sees it, and told
    assert (1, "正文中未能归入栏目的文字已放入“受理条件”，请编辑核对。") in summary.notes


def test_a_guide_whose_body_has_no_sections_keeps_its_text_and_its_title_as_item_name(columns):
    record = {**guide(2), "title": "户口迁移办事指南", "body": "请携带身份证到派出所办理。"}
    summary = import_one(record)
    page = ServiceGuidePage.objects.get()
    assert page.item_name == "户口迁移办事指南"
    assert page.conditions == "请携带身份证到派出所办理。"
    assert "正文中未能归入栏目的文字已放入“受理条件”，请编辑核对。" in [
        note for _, note in summary.notes
    ]


def test_a_service_list_takes_its_rows_from_the_body_table(columns):
    summary = import_one(service_list(1))
    page = ServiceItemListPage.objects.get()
    rows = [item.value for item in page.items]
    assert [row["name"] for row in rows][:2] == ["生育登记", "高龄津贴申领"]
    assert rows[0]["department"] == "友谊镇社会事务办"
    assert rows[0]["time_limit"] == "3个工作日"
    assert rows[0]["charged"] is False and rows[1]["charged"] is False
    assert rows[0]["location"] == "便民服务中心"
    assert "事项清单公布如下" in page.intro and "<table" not in page.intro
    assert summary.notes == []


def test_a_service_list_without_a_table_is_imported_for_the_editor(columns):
    summary = import_one({**service_list(1), "body": "<p>清单见附件。</p>"})
    page = ServiceItemListPage.objects.get()
    assert len(page.items) == 0 and "清单见附件" in page.intro
    assert "服务事项待编辑补充" in summary.notes[0][1]


def test_service_rows_without_a_department_take_the_organisation(columns, organisation):
    body = (
        "<table><tr><td>事项名称</td><td>是否收费</td></tr>"
        "<tr><td>开具证明</td><td>是</td></tr></table>"
    )
    summary = import_one({**service_list(1), "body": body})
    row = ServiceItemListPage.objects.get().items[0].value
    assert (row["name"], row["department"], row["charged"]) == ("开具证明", organisation.name, True)
    assert "1 个服务事项没有办理部门" in summary.notes[0][1]


def test_functions_take_the_body_and_contacts(columns):
    summary = import_one(functions(1))
    page = OrganisationFunctionPage.objects.get()
    assert "经济社会发展规划" in page.functions
    assert page.address == "友谊镇人民路1号" and page.phone == "0123-4567800"
    assert [leader.value["name"] for leader in page.leaders] == ["张三"]
    assert summary.notes == [(1, "待编辑补充：机构设置。")]


def test_the_command_lists_notes_and_exits_zero_when_nothing_was_skipped(columns, tmp_path, capsys):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(functions(2), ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("import_documents", str(path))
    out, _ = capsys.readouterr()
    assert "已导入，待编辑补充或核对：\n  第 1 行：待编辑补充：领导信息、机构设置。" in out

    path.write_text(json.dumps({**budget(1), "year": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_documents", str(path))


def test_old_addresses_on_the_old_host_redirect_to_the_imported_pages(
    columns, tmp_path, capsys, client
):
    elsewhere = {**budget(2), "source_url": "http://mirror.example.com/czyjs/2.html"}
    path = tmp_path / "old.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in [budget(1), elsewhere]) + "\n",
        encoding="utf-8",
    )
    call_command("import_documents", str(path))
    capsys.readouterr()
    assert client.get("/xxgk/czyjs/1.html").status_code == 404  # no --redirect-host: none

    # A re-run with the host adds the redirects; the records themselves are unchanged.
    call_command("import_documents", str(path), "--redirect-host", "WWW.youyi.gov.cn")
    out, _ = capsys.readouterr()
    assert "未变化 2 篇" in out
    assert "第 2 行：原网址不在 www.youyi.gov.cn 上，未建立跳转。" in out
    page = BudgetPage.objects.get(title=budget(1)["title"])
    response = client.get("/xxgk/czyjs/1.html")
    assert response.status_code == 301
    assert response["Location"].endswith(page.url)
    assert client.get("/czyjs/2.html").status_code == 404


def test_a_column_limited_to_one_type_takes_its_records_as_that_type_and_no_other(
    disclosure_root,
):
    column = CategoryPage(title="专题栏目", slug="bsfw", item_type="catalogue.ServiceGuidePage")
    disclosure_root.add_child(instance=column)
    publish(column)
    record = {**guide(1), "category": "专题栏目"}

    summary = importer.import_documents(
        [
            json.dumps(record, ensure_ascii=False),
            json.dumps(
                {**record, "type": "policy", "source_url": "http://old.example.gov.cn/other.html"},
                ensure_ascii=False,
            ),
        ]
    )

    assert summary.created == [1]
    assert ServiceGuidePage.objects.child_of(column).count() == 1
    assert summary.skipped == [(2, "栏目“专题栏目”不能存放政策文件。")]
