"""The 政府信息公开 navigation finds 制度 and 年报 wherever an office's tree keeps them: a county
office imported from its old site keeps its rules and its reports as ordinary columns, one
level down under a 政府信息公开 column, named 公开制度 or 政府信息公开年报 or only by slug."""

import pytest
from django.urls import reverse

from disclosure.catalogue.tests.factories import (
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
    DisclosureGuidePageFactory,
    DisclosureIndexPageFactory,
)
from home.portal_nav import build

pytestmark = pytest.mark.django_db


def nav_of(root, rf, current=None):
    request = rf.get("/")
    return {entry.key: entry.url for entry in build(request, root, current).entries}


@pytest.fixture
def county_office():
    """A county bureau's tree as its old site had it."""
    root = DisclosureIndexPageFactory(organisation__name="和平县人力资源和社会保障局", slug="rsj")
    DisclosureGuidePageFactory(parent=root)
    CategoryPageFactory(parent=root, title="机构职能", slug="jgzn")
    about = CategoryPageFactory(parent=root, title="政府信息公开", slug="zfxxgk")
    rules = CategoryPageFactory(parent=about, title="公开制度", slug="gkzd")
    reports = CategoryPageFactory(parent=about, title="政府信息公开年报", slug="gknb")
    DisclosureDocumentPageFactory(
        parent=reports, title="和平县人社局2023年政府信息公开工作年度报告"
    )
    return root, rules, reports


def test_nested_rules_and_report_columns_are_found(county_office, rf):
    root, rules, reports = county_office
    nav = nav_of(root, rf)
    assert nav["rules"] == rules.url
    assert nav["reports"] == reports.url
    assert list(nav) == ["guide", "rules", "catalogue", "reports", "apply"]


def test_columns_named_only_by_their_usual_slugs_are_found(rf):
    root = DisclosureIndexPageFactory(organisation__name="和平县水务局", slug="slj")
    rules = CategoryPageFactory(parent=root, title="工作规范", slug="xxgkzd")
    reports = CategoryPageFactory(parent=root, title="历年报告", slug="ndbg")
    nav = nav_of(root, rf)
    assert nav["rules"] == rules.url and nav["reports"] == reports.url


def test_the_shallowest_disclosure_rules_column_wins_over_other_rules(rf):
    root = DisclosureIndexPageFactory(organisation__name="和平县财政局", slug="czj")
    documents = CategoryPageFactory(parent=root, title="部门文件", slug="bmwj")
    CategoryPageFactory(parent=documents, title="财务管理制度", slug="cwglzd")
    rules = CategoryPageFactory(parent=root, title="政府信息公开制度", slug="gkzd")
    assert nav_of(root, rf)["rules"] == rules.url


def test_the_page_read_marks_its_entry(county_office, rf):
    root, _rules, reports = county_office
    report = reports.get_children().first()
    request = rf.get(report.url)
    current = {e.key for e in build(request, root, report).entries if e.current}
    assert current == {"reports"}


def test_an_office_without_rules_or_reports_gets_no_such_entry(rf):
    root = DisclosureIndexPageFactory(organisation__name="和平县档案馆", slug="dag")
    CategoryPageFactory(parent=root, title="机构职能", slug="jgzn")
    nav = nav_of(root, rf)
    assert "rules" not in nav and "reports" not in nav
    assert nav["apply"].startswith(reverse("applications:apply"))
