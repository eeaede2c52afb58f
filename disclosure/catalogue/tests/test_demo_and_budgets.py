"""The demo catalogue, its listings and the query budgets of item and listing pages."""

import re

import pytest
from wagtail.models import Page

from disclosure.catalogue.models import (
    BudgetPage,
    CategoryPage,
    DisclosureItemPage,
    OrganisationFunctionPage,
    PolicyDocumentPage,
    ServiceGuidePage,
    ServiceItemListPage,
)
from gongkai.page_cache import page_cache
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE

ITEM_QUERY_BUDGET = 15
LISTING_QUERY_BUDGET = 20


def warm_but_not_cached(client, url):
    """Warm the per-process caches (site root paths, locales) with one request, then empty
    the public page cache, which would otherwise answer the measured request with no query."""
    client.get(url)
    page_cache().clear()


def demo_items():
    return [p for p in Page.objects.live().specific() if isinstance(p, DisclosureItemPage)]


@pytest.mark.django_db
def test_demo_fills_the_township_columns(demo):
    for model, column in [
        (OrganisationFunctionPage, "functions"),
        (BudgetPage, "budgets"),
        (ServiceGuidePage, "service-guides"),
        (ServiceItemListPage, "service-items"),
        (PolicyDocumentPage, "policies"),
    ]:
        pages = model.objects.live()
        assert pages.exists(), model
        assert all(p.get_parent().slug == column for p in pages)
    # Each organisation's items are numbered with its own code (the county office publishes
    # its 政务公开工作规定, recently, so that the demo passes the website inspection).
    numbers = [p.index_number for p in demo_items()]
    assert all(n and n.startswith(("1123052200432650XW/", "112305000043265181/")) for n in numbers)
    assert {n.split("/")[0] for n in numbers} == {"1123052200432650XW", "112305000043265181"}
    assert len(set(numbers)) == len(numbers)


@pytest.mark.django_db
def test_demo_items_were_first_published_on_their_publication_date(demo):
    """Search results and feeds show first_published_at: a 2022 item must not read as today's."""
    dated = [p for p in demo_items() if p.published_on]
    assert dated
    assert all(p.first_published_at.date() == p.published_on for p in dated), [
        (p.title, p.first_published_at, p.published_on) for p in dated
    ]


@pytest.mark.django_db
def test_every_item_page_renders_within_budget(client, demo, django_assert_max_num_queries):
    tested_types = set()
    for page in demo_items():
        warm_but_not_cached(client, page.url)
        with django_assert_max_num_queries(ITEM_QUERY_BUDGET):
            response = client.get(page.url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert page.index_number in response.content.decode()
        tested_types.add(type(page))
    assert len(tested_types) == 6


@pytest.mark.django_db
def test_category_listing_within_budget(client, demo, django_assert_max_num_queries):
    for url in ["/xxgk/policies/?validity=current&keyword=垃圾", "/xxgk/service-guides/"]:
        warm_but_not_cached(client, url)
        with django_assert_max_num_queries(LISTING_QUERY_BUDGET):
            response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response


def listed_titles(client, url):
    html = client.get(url).content.decode()
    return {p.title for p in demo_items() if f">{p.title}</a>" in html}


@pytest.mark.django_db
def test_listing_filters(client, demo):
    base = "/xxgk/policies/"
    assert "友谊镇燃气安全管理暂行办法" in listed_titles(client, base)
    assert "友谊镇燃气安全管理暂行办法" not in listed_titles(client, base + "?validity=valid")
    assert listed_titles(client, base + "?validity=abolished") == {"友谊镇燃气安全管理暂行办法"}
    assert listed_titles(client, base + "?year=2019") == {"友谊镇燃气安全管理暂行办法"}
    from disclosure.catalogue.models import Domain

    environment = Domain.objects.get(name="环境保护").pk
    assert listed_titles(client, f"{base}?domain={environment}") == {
        "友谊镇生活垃圾分类工作实施方案",
        "《友谊镇生活垃圾分类工作实施方案》政策解读",
        "友谊镇农村人居环境整治管理办法",
    }
    assert listed_titles(client, base + "?keyword=政策解读") == {
        "《友谊镇生活垃圾分类工作实施方案》政策解读"
    }


@pytest.mark.django_db
def test_a_year_the_column_has_nothing_in_stays_chosen_and_lists_nothing(client, demo):
    """?year=1900 or ?year=3000 made the filter form invalid: every filter was dropped and the
    whole column listed, 全部 selected, without a word."""
    base = "/xxgk/policies/"
    for year in ("1900", "3000", "1800", "9" * 40):
        url = f"{base}?year={year}&keyword=友谊镇"
        html = client.get(url).content.decode()
        assert listed_titles(client, url) == set(), year
        assert f'<option value="{year}" selected>{year}</option>' in html
        assert "共 0 条" in html and "清除筛选" in html
        outside = year != "1900"
        assert (f"所选年份 {year} 不在 1900—2999 年之间" in html) is outside, year
    # Full-width digits name their year; junk is ignored and the other filters are kept.
    gas = {"友谊镇燃气安全管理暂行办法"}
    assert listed_titles(client, base + "?year=２０１９") == gas
    assert listed_titles(client, base + "?year=abc&validity=abolished") == gas


@pytest.mark.django_db
def test_the_keyword_filter_finds_a_document_number_however_its_brackets_are_typed(client, demo):
    from disclosure.catalogue.models import PolicyDocumentPage

    rules = PolicyDocumentPage.objects.get(doc_number="友政规〔2023〕1号")
    serial = rules.index_number.rsplit("/", 1)[1]
    for typed in (
        "友政规〔2023〕1号",
        "友政规[2023]1号",
        "友政规(2023)1号",
        "友政规（2023）1号",
        "友政规 2023 1号",
        rules.index_number,
        serial,
    ):
        assert rules.title in listed_titles(client, f"/xxgk/policies/?keyword={typed}"), typed
    assert listed_titles(client, "/xxgk/policies/?keyword=友政规[2023]9号") == set()
    assert listed_titles(client, "/xxgk/policies/?keyword=〔〕") == listed_titles(
        client, "/xxgk/policies/"
    )


@pytest.mark.django_db
def test_the_validity_filter_offers_each_choice_once(client, demo):

    html = client.get("/xxgk/policies/").content.decode()
    select = re.search(r'<select name="validity".*?</select>', html, re.S).group(0)
    labels = re.findall(r"<option[^>]*>([^<]*)</option>", select)
    assert labels == ["全部", "有效", "失效", "废止"]
    # An address bookmarked with the former 现行有效 choice still lists the items in force.
    in_force = listed_titles(client, "/xxgk/policies/?validity=valid")
    assert in_force and listed_titles(client, "/xxgk/policies/?validity=current") == in_force


@pytest.mark.django_db
def test_a_column_offers_the_filters_its_items_differ_in(client, demo):
    """预算决算 offered 有效性 although every budget is 有效, and all 26 主题分类 although every
    budget is 财政预决算: filters that changed nothing or found nothing."""
    budgets = client.get("/xxgk/budgets/").content.decode()
    assert 'name="validity"' not in budgets and 'name="domain"' not in budgets
    # An address asking for one still shows what it filtered by.
    assert 'name="validity"' in client.get("/xxgk/budgets/?validity=valid").content.decode()
    # Where the items differ, the subjects offered are theirs.
    notices = client.get("/xxgk/notices/").content.decode()
    select = re.search(r'<select name="domain".*?</select>', notices, re.S).group(0)
    offered = set(re.findall(r'<option value="(\d+)"', select))
    column = CategoryPage.objects.get(slug="notices", depth=4, locale__language_code="zh-hans")
    items = [page.specific for page in column.get_children().live()]
    held = {str(item.domain_id) for item in items if getattr(item, "domain_id", None)}
    assert len(offered) > 1 and offered == held


@pytest.mark.django_db
def test_listing_is_newest_first_and_paginated(client, demo, monkeypatch):
    from disclosure.catalogue.models import listing

    monkeypatch.setattr(listing, "PAGE_SIZE", 4)
    html = client.get("/xxgk/policies/?keyword=友谊镇").content.decode()
    # Newest first: the 2023 and 2022 documents on page 1, the 2019 one on page 2.
    assert "友谊镇燃气安全管理暂行办法" not in html
    assert "下一页" in html and "keyword=%E5%8F%8B%E8%B0%8A%E9%95%87&amp;page=2" in html
    second = client.get("/xxgk/policies/?keyword=友谊镇&page=2").content.decode()
    assert "上一页" in second and "友谊镇燃气安全管理暂行办法" in second
    assert client.get("/xxgk/policies/?page=99").status_code == 200
    assert client.get("/xxgk/policies/?year=abc").status_code == 200


@pytest.mark.django_db
def test_demo_has_a_disclosure_guide_for_both_organisations(client, demo):
    from disclosure.catalogue.models import DisclosureGuidePage

    guides = DisclosureGuidePage.objects.live().order_by("title")
    assert all(guide.get_prev_sibling() is None for guide in guides)  # listed first
    names = {guide.get_parent().specific.organisation.name for guide in guides}
    assert names == {"友谊县友谊镇人民政府", "友谊县人民政府办公室"}
    for guide in guides:
        assert client.get(guide.url).status_code == 200


@pytest.mark.django_db
def test_search_results_mark_an_abolished_document(client, demo):
    """A citizen searching 燃气安全管理 found the abolished 暂行办法 first, with nothing saying
    it no longer applies; its replacement, in force, carries no mark."""

    html = client.get("/search/", {"q": "燃气安全管理"}).content.decode()
    headings = dict(
        (re.sub(r"<[^>]+>", "", title), rest)
        for title, rest in re.findall(r"<h3><a [^>]*>(.*?)</a>(.*?)</h3>", html, re.S)
    )
    assert '<span class="validity-tag">废止</span>' in headings["友谊镇燃气安全管理暂行办法"]
    assert headings["友谊县城镇燃气安全管理办法"] == ""
