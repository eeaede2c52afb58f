"""Filling a report's tables from the register and the catalogue: a logged, unpublished draft."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import PageLogEntry

from disclosure.catalogue.tests.factories import CategoryPageFactory, PolicyDocumentPageFactory, day
from disclosure.reports.filling import drafts, sources
from disclosure.reports.models import AnnualReportPage
from disclosure.reports.rules.checks import check_table
from disclosure.reports.rules.findings import errors
from disclosure.reports.tests.factories import consistent_report, make_index, make_report
from disclosure.statutory import tables as t
from tests.factories import publish_fixture

pytestmark = pytest.mark.django_db


def test_register_fills_tables_b_and_c_of_the_demo_2023_report(demo, admin_client):
    from disclosure.applications.statistics import table_b, table_c

    page = AnnualReportPage.objects.get(year=2023)
    live_revision = page.live_revision_id
    url = reverse("reports:prefill", args=[page.pk, "register"])

    shown = admin_client.get(url).content.decode()
    assert "依申请公开登记簿" in shown and "本年新收政府信息公开申请数量" in shown
    assert admin_client.post(url).status_code == 302

    page.refresh_from_db()
    draft = page.get_latest_revision_as_object().table_values()
    expected_b = table_b(page.organisation, 2023)
    assert draft["table_b"] == expected_b
    assert draft["table_c"] == table_c(page.organisation, 2023)
    assert expected_b["new"]["total"] > 0  # the demo register has 2023 applications
    assert draft["table_a"] == page.table_values()["table_a"]  # the rest is kept
    assert not errors(check_table(t.TABLE_B_2021, draft["table_b"]))
    # A draft, not published: the public still sees the published revision.
    assert page.live_revision_id == live_revision and page.has_unpublished_changes
    entry = PageLogEntry.objects.filter(page=page, action=drafts.LOG_ACTION).get()
    assert entry.revision_id == page.latest_revision_id
    assert "依申请公开登记簿" in entry.data["message"]
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert "依据依申请公开登记簿统计填入表二、表三" in history.content.decode()


def test_register_rows_fold_into_the_2019_single_other_row():
    values = {row: dict.fromkeys(cols, 0) for row, cols in t.TABLE_B_2021.empty_values().items()}
    values["other_overdue_fee"].update(natural=1, total=1)
    values["other_other"].update(commercial=2, total=2)
    folded = sources.table_b_as_2019(values)
    assert set(folded) == set(t.TABLE_B_2019.empty_values())
    assert folded["other_processing"]["total"] == 3
    assert folded["other_processing"]["commercial"] == 2


def _policy(category, title, **fields):
    return PolicyDocumentPageFactory(parent=category, title=title, kind="normative", **fields)


def test_catalogue_counts_normative_documents_into_table_a(admin_client):
    index = make_index()
    root = index.get_parent()
    category = CategoryPageFactory(parent=root, title="政策文件", slug="policies")
    _policy(category, "甲", written_on=day("2023-03-01"))  # issued this year, in force
    _policy(category, "乙", written_on=day("2021-05-01"))  # older, in force
    _policy(  # older, abolished this year
        category,
        "丙",
        written_on=day("2020-01-01"),
        validity="abolished",
        abolished_on=day("2023-06-30"),
    )
    _policy(category, "丁", published_on=day("2023-11-11"))  # no 成文日期: its 发布日期
    _policy(category, "戊", written_on=day("2024-01-05"))  # next year: not counted
    draft = _policy(category, "己", written_on=day("2023-02-01"))
    draft.unpublish()  # not on the site: not counted
    other = _policy(category, "庚", written_on=day("2023-04-01"))
    other.kind = "document"  # not a 规范性文件
    publish_fixture(other)
    page = make_report(index, 2023)

    url = reverse("reports:prefill", args=[page.pk, "catalogue"])
    shown = admin_client.get(url).content.decode()
    assert "本年制发 2 件，本年废止 1 件，现行有效 3 件" in shown
    assert admin_client.post(url).status_code == 302

    page.refresh_from_db()
    table_a = page.get_latest_revision_as_object().table_values()["table_a"]
    assert table_a["normative"] == {"issued": 2, "abolished": 1, "in_force": 3}
    assert table_a["licensing"] == page.table_values()["table_a"]["licensing"]
    assert PageLogEntry.objects.filter(page=page, action=drafts.LOG_ACTION).exists()


def test_a_normative_document_the_public_cannot_reach_is_not_counted():
    index = make_index()
    root = index.get_parent()
    category = CategoryPageFactory(parent=root, title="政策文件", slug="policies")
    _policy(category, "甲", written_on=day("2023-03-01"))
    withdrawn = CategoryPageFactory(parent=root, title="撤下的栏目", slug="withdrawn")
    _policy(withdrawn, "乙", written_on=day("2023-04-01"))  # live, but its column is not
    withdrawn.unpublish()
    assert sources.normative_counts(root, 2023) == {"issued": 1, "abolished": 0, "in_force": 1}


def test_a_missing_table_is_inserted_after_its_section(admin_user):
    index = make_index()
    without_a = {k: (t.FORMAT_2021, v) for k, v in consistent_report().items() if k != "table_a"}
    page = make_report(index, 2023, tables=without_a, publish=False)
    drafts.save_filled_draft(
        page,
        admin_user,
        {"table_a": (t.FORMAT_2021, t.TABLE_A_2021.empty_values())},
        "测试",
    )
    body = AnnualReportPage.objects.get(pk=page.pk).get_latest_revision_as_object().body
    order = [c.value["section"] if c.block_type == "section" else c.block_type for c in body]
    assert order == ["1", "2", "table_a", "3", "table_b", "4", "table_c", "5", "6"]


def test_filling_needs_edit_permission(client):
    index = make_index()
    page = make_report(index, 2023)
    user = get_user_model().objects.create_user("reader", "r@example.invalid", "pw")
    client.force_login(user)
    url = reverse("reports:prefill", args=[page.pk, "register"])
    assert client.post(url).status_code in (302, 403, 404)
    assert not PageLogEntry.objects.filter(page=page, action=drafts.LOG_ACTION).exists()


def test_2019_table_a_is_not_counted_from_the_catalogue(admin_client):
    index = make_index()
    page = make_report(index, 2019)
    page.report_format = t.FORMAT_2019
    publish_fixture(page)
    response = admin_client.get(reverse("reports:prefill", args=[page.pk, "catalogue"]))
    assert response.status_code == 302
    assert not PageLogEntry.objects.filter(page=page, action=drafts.LOG_ACTION).exists()


def test_fill_buttons_on_the_edit_page(admin_client):
    index = make_index()
    page = make_report(index, 2023)
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    # Visible in the form (not only in the "…" menu): the panel above the findings.
    panel = edit.split("data-report-fill-actions", 1)[1].split("</div>", 1)[0]
    register = reverse("reports:prefill", args=[page.pk, "register"])
    assert f'href="{register}"' in panel and "从登记簿填入表二、表三" in panel
    assert reverse("reports:prefill", args=[page.pk, "catalogue"]) in panel
    assert reverse("reports:upload", args=[page.pk]) in panel
    # Still in the page listing's "更多" menu too.
    listing = admin_client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert register in listing


def test_no_fill_button_for_a_report_the_user_may_not_fill(admin_client, admin_user):
    page = make_report(make_index(), 2023)
    other = get_user_model().objects.create_superuser("other", "o@example.invalid", "pw")
    page.locked, page.locked_by = True, other
    page.save()
    assert drafts.refusal(page, admin_user)
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "data-report-fill-actions" not in edit


def test_the_fill_shows_the_rules_result_and_saves_nothing_before_it_is_confirmed(admin_client):
    index = make_index()
    make_report(index, 2022)  # carried one application out: the empty register carries none in
    page = make_report(index, 2023)
    revisions = page.revisions.count()
    url = reverse("reports:prefill", args=[page.pk, "register"])

    shown = admin_client.get(url).content.decode()
    findings = shown.split("data-fill-findings", 1)[1].split("</section>", 1)[0]
    assert "R5 错误" in findings and "上年结转应等于上年报告的结转下年度继续办理" in findings
    assert "R6 警告" in findings  # the text still says 3 applications
    assert "填入后有" in findings and "不能提交审核或发布" in findings
    assert page.revisions.count() == revisions
    assert not PageLogEntry.objects.filter(page=page, action=drafts.LOG_ACTION).exists()

    admin_client.post(url)
    assert page.revisions.count() == revisions + 1


def test_on_the_demo_every_rule_holds_after_the_fill(demo, admin_client):
    from disclosure.applications.statistics import table_b

    page = AnnualReportPage.objects.get(year=2023)
    url = reverse("reports:prefill", args=[page.pk, "register"])
    shown = admin_client.get(url).content.decode()
    assert "填入后全部规则（R1–R9）均成立。" in shown
    admin_client.post(url)

    draft = AnnualReportPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.findings() == []  # R5 against the 2022 report and R6 against the text too
    assert draft.table_values() == page.table_values()  # the published report already agreed
    applications = table_b(page.organisation, 2023)["new"]["total"]
    assert f"新收政府信息公开申请 {applications} 件" in draft.text()
