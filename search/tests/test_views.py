"""The public search page and the autocomplete endpoint, through the test client."""

import datetime
import re

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from disclosure.catalogue.tests.factories import CategoryPageFactory
from gongkai.page_cache import page_cache
from search.models import SearchSuggestion, Synonym
from search.tests.factories import CORPUS_PER_MODULE

pytestmark = CORPUS_PER_MODULE


def get(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response


def result_titles(response):
    return [row["page"].title for row in response.context["rows"]]


@pytest.mark.django_db
def test_results_are_ranked_counted_and_highlighted(client, corpus):
    response = get(client, q="低保")
    assert result_titles(response) == ["低保申请须知", "申请指南"]
    html = response.content.decode()
    assert "共找到 2 条结果" in html
    assert "<mark>低保</mark>申请须知" in html
    # The default thesaurus pairs 低保 with 最低生活保障: both are marked.
    assert "<mark>最低生活保障</mark>（<mark>低保</mark>）申请办理流程" in html


@pytest.mark.django_db
def test_highlight_marks_the_original_traditional_text(client, corpus):
    html = get(client, q="资讯公开").content.decode()
    assert "醫療保障<mark>資訊公開</mark>" in html


@pytest.mark.django_db
def test_each_result_names_its_organisation_and_column(client, corpus):
    rows = get(client, q="部门预算").context["rows"]
    assert rows[0]["organisation"].name == "友谊镇人民政府"
    assert rows[0]["parent"].title == "预算决算"


@pytest.mark.django_db
def test_filters_by_organisation_column_and_year(client, corpus, items):
    county = corpus["county_root"].pk
    assert set(result_titles(get(client, q="公开", org=county))) == {
        "和平县医保局信息公开",
        "醫療保障資訊公開",
    }
    assert set(result_titles(get(client, q="预算", column=corpus["budget"].pk))) == {
        "预算决算",
        "友谊镇2022年部门预算公开",
        "2023年部门预算",
    }
    items["valid"].refresh_from_db()
    year = items["valid"].first_published_at.year
    assert set(result_titles(get(client, q="临时救助", year=year))) == {
        "临时救助实施办法",
        "临时救助审批流程",
    }
    assert result_titles(get(client, q="临时救助", year=year - 1)) == []
    # The roots and columns holding 公开, set up the same year, show no date: no year has them.
    assert result_titles(get(client, q="公开", year=year)) == []


@pytest.mark.django_db
def test_sorting_by_date_puts_the_newest_first(client, corpus):
    rows = get(client, q="公开", sort="date").context["rows"]
    dates = [row["page"].first_published_at for row in rows]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.django_db
def test_pagination_keeps_the_query_and_filters(client, corpus):
    from search import views

    views.RESULTS_PER_PAGE, saved = 2, views.RESULTS_PER_PAGE
    try:
        response = get(client, q="公开", sort="date")
        assert 'href="?q=%E5%85%AC%E5%BC%80&amp;sort=date&amp;page=2"' in response.content.decode()
        assert len(get(client, q="公开", page=2).context["rows"]) == 2
        assert get(client, q="公开", page="x").context["search_results"].number == 1
    finally:
        views.RESULTS_PER_PAGE = saved


@pytest.mark.django_db
def test_no_results_page_suggests_single_words_and_the_administrators_list(client, corpus):
    SearchSuggestion.objects.create(text="预算")
    # Neither word is on any page (one of them would be found by the retries, retries.py).
    html = get(client, q="量子 火箭").content.decode()
    assert "没有找到与“量子 火箭”相关的结果" in html
    assert 'href="/search/?q=%E9%87%8F%E5%AD%90"' in html  # 量子
    assert ">预算<" in html


@pytest.mark.django_db
def test_nothing_found_under_filters_says_so_and_offers_dropping_them_first(client, corpus):
    """Words found elsewhere but not under the chosen filters are no typo: the page says the
    filters are why, and offers dropping them before any advice on the words."""
    assert get(client, q="公开").context["rows"]
    html = get(client, q="公开", year="1999").content.decode()
    empty = html[html.index('class="search-empty"') :]
    assert "在所选筛选条件下没有找到与“公开”相关的结果" in empty
    assert empty.index("取消筛选条件") < empty.index("请检查错别字")


@pytest.mark.django_db
def test_queries_are_logged_and_editors_picks_shown(client, corpus):
    SearchPromotion.objects.create(
        query=Query.get("低保"), page=corpus["guide"], sort_order=0, description=""
    )
    html = get(client, q="低保").content.decode()
    assert "推荐结果" in html and "办事指南" in html
    assert Query.get("低保").hits == 1


@pytest.mark.django_db
def test_synonyms_apply_at_query_time(client, corpus):
    Synonym.objects.create(words="低保，最低生活保障")
    # 申请指南 holds the typed words (in its text); 低保申请须知 only a synonym (in its title):
    # the words as typed rank first, whatever the field.
    assert result_titles(get(client, q="最低生活保障")) == ["申请指南", "低保申请须知"]


@pytest.mark.django_db
def test_drafts_and_restricted_pages_never_appear(client, corpus):
    titles = result_titles(get(client, q="低保"))
    assert "低保草稿未发布" not in titles and "低保内部资料" not in titles


@pytest.mark.django_db
@pytest.mark.parametrize(
    "q", ["", "   ", '"*()', "NEAR AND OR NOT", "'; DROP TABLE x;--", "\x00\x1f", "公" * 2000]
)
def test_any_input_returns_a_page(client, corpus, q):
    get(client, q=q, org="x", column="-1", year="abc", sort="nope", page="999")


@pytest.mark.django_db
def test_autocomplete_returns_matching_titles(client, corpus):
    response = client.get("/search/autocomplete/", {"q": "部门预"})
    assert response.json() == {
        "results": [{"title": "友谊镇2022年部门预算公开", "url": corpus["budget_2022"].url}]
    }
    assert client.get("/search/autocomplete/", {"q": "*"}).json() == {"results": []}


@pytest.mark.django_db
def test_filters_by_domain_and_validity_in_the_url(client, items):
    social = items["domains"]["social"].pk
    assert set(result_titles(get(client, q="临时救助", domain=social))) == {
        "临时救助实施办法",
        "临时救助审批流程",
    }
    assert result_titles(get(client, q="临时救助", domain=social, validity="abolished")) == [
        "临时救助实施办法"
    ]
    assert result_titles(get(client, q="临时救助", validity="valid")) == ["临时救助审批流程"]
    assert result_titles(get(client, q="预算", domain=social)) == []
    html = get(client, q="临时救助", domain=social, validity="abolished").content.decode()
    assert f'<option value="{social}" selected>社会救助</option>' in html
    assert '<option value="abolished" selected>废止</option>' in html
    # Unknown values are ignored rather than failing.
    assert len(result_titles(get(client, q="临时救助", domain="x", validity="nope"))) == 2


@pytest.mark.django_db
def test_columns_are_undated_and_grouped_by_organisation_and_their_year_not_offered(
    client, corpus, items
):
    from disclosure.reports.tests.factories import AnnualReportIndexPageFactory

    CategoryPageFactory(parent=corpus["county_root"], title="预算决算")  # as the township's
    AnnualReportIndexPageFactory(parent=corpus["township_root"], title="年度报告")
    Page.objects.filter(depth__gt=1).update(
        first_published_at=datetime.datetime(2024, 6, 1, tzinfo=datetime.UTC)
    )
    Page.objects.filter(pk=corpus["budget"].pk).update(
        first_published_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)
    )
    response = get(client, q="预算")
    html = response.content.decode()
    # The 栏目 filter: each organisation's columns under its name, the reports' column among them.
    column_filter = html[html.index('<select id="search-column"') :].split("</select>", 1)[0]
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', column_filter)
    assert [label for label, _ in groups] == ["友谊镇人民政府", "和平县医疗保障局"]
    # The title both organisations use says whose column it is.
    assert "年度报告" in groups[0][1] and groups[0][1].count(">预算决算（友谊镇人民政府）<") == 1
    assert groups[1][1].count(">预算决算（和平县医疗保障局）<") == 1
    organisation_filter = html[html.index('<select id="search-org"') :].split("</select>", 1)[0]
    assert ">友谊镇人民政府</option>" in organisation_filter
    # Each label with its control, wrapping as one.
    assert html.count('<span class="search-filter"><label') == 6
    # A column found by the search shows no date; the year it was set up is not a choice.
    rows = {row["page"].title: row for row in response.context["rows"]}
    assert rows["预算决算"]["dated"] is False
    assert 2026 not in response.context["years"] and 2024 in response.context["years"]
    # Choosing a year lists that year's documents, not the columns set up in it.
    in_2024 = {row["page"].title: row for row in get(client, q="预算", year=2024).context["rows"]}
    assert in_2024 and all(row["dated"] for row in in_2024.values()), list(in_2024)


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{}, {"q": "低保"}])
def test_the_search_page_has_a_breadcrumb_from_the_home_page(client, corpus, params):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    html = get(client, **params).content.decode()
    trail = re.search(r'<nav aria-label="当前位置" class="breadcrumb">(.*?)</nav>', html, re.S)
    assert trail, "no breadcrumb"
    crumbs = re.findall(r"<li[^>]*>(.*?)</li>", trail[1])
    assert crumbs == [f'<a href="/">{home.title}</a>', "站内搜索"]
    assert '<li aria-current="page">站内搜索</li>' in trail[1]


@pytest.mark.django_db
def test_the_home_page_is_undated_and_its_year_not_offered(client, corpus, items):
    """The site's home page (every language's) is published the day the site is set up, as
    the roots and columns are: on `make run` it put the current year among the choices."""
    Page.objects.filter(depth__gt=1).update(
        first_published_at=datetime.datetime(2024, 6, 1, tzinfo=datetime.UTC)
    )
    home = Page.objects.get(depth=2)
    assert home.live and corpus["township_root"].path.startswith(home.path)
    Page.objects.filter(pk=home.pk).update(
        first_published_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)
    )
    page_cache().clear()  # the year choices read before the dates were changed
    response = get(client, q=home.title)
    assert response.context["years"] == [2024]
    rows = {row["page"].pk: row for row in response.context["rows"]}
    if home.pk in rows:
        assert rows[home.pk]["dated"] is False


@pytest.mark.django_db
def test_a_home_page_found_is_not_shown_under_the_tree_s_root(rf, corpus):
    from search.views import result_rows

    home = Page.objects.get(depth=2).specific
    [row] = result_rows(rf.get("/search/"), [home], [], {})
    assert row["parent"] is None  # not 根目录, Wagtail's root, as if it were a column


@pytest.mark.django_db
def test_a_year_no_page_shows_is_still_shown_as_the_chosen_filter(client, corpus):
    response = get(client, q="公开", year=1900)
    assert response.context["rows"] == []
    assert response.context["years"][-1] == 1900
    html = response.content.decode()
    assert '<option value="1900" selected>1900</option>' in html
    assert "在所选筛选条件下没有找到与“公开”相关的结果" in html
    # Without a choice, only the years pages show are offered.
    assert 1900 not in get(client, q="公开").context["years"]


@pytest.mark.django_db
def test_an_empty_query_with_a_filter_lists_what_the_filter_keeps_newest_first(client, items):
    social = items["domains"]["social"].pk
    response = get(client, q="", domain=social)
    assert result_titles(response) == ["临时救助审批流程", "临时救助实施办法"]
    assert "共找到 2 条结果" in response.content.decode()
    assert result_titles(get(client, q="", domain=social, validity="abolished")) == [
        "临时救助实施办法"
    ]
    nothing = get(client, domain=social, year=1999).content.decode()
    assert "没有符合筛选条件的内容" in nothing and "请检查错别字" not in nothing
    # Without a filter an empty query still lists nothing.
    assert get(client, q="").context["search_results"] is None


@pytest.mark.django_db
def test_a_column_title_two_organisations_share_is_told_apart_in_the_filter(client, corpus):
    for root in ("township_root", "county_root"):
        CategoryPageFactory(parent=corpus[root], title="规范性文件")
    html = get(client, q="").content.decode()
    select = html[html.index('<select id="search-column"') :].split("</select>")[0]
    assert select.count(">规范性文件（") == 2
    assert ">规范性文件（友谊镇人民政府）</option>" in select
    assert ">规范性文件（和平县医疗保障局）</option>" in select
    assert ">预算决算</option>" in select  # a title of its own stays as it is


@pytest.mark.django_db
def test_a_new_column_is_a_filter_choice_at_once(client, corpus):
    """The 栏目 and organisation choices are kept under the site's token, which a column's
    publication renews."""
    from tests.factories import publish_fixture

    page_cache().clear()
    assert "政策解读" not in get(client, q="公开").content.decode()
    column = CategoryPageFactory(parent=corpus["county_root"], title="政策解读", live=False)
    publish_fixture(column)
    html = get(client, q="公开", page=1).content.decode()
    column_filter = html[html.index('<select id="search-column"') :].split("</select>", 1)[0]
    assert ">政策解读<" in column_filter


@pytest.mark.django_db
@pytest.mark.parametrize("page, number", [("0", 1), ("-1", 1), ("2", 2), ("999", 2)])
def test_a_page_number_out_of_range_gives_the_first_or_the_last_page(
    client, corpus, monkeypatch, page, number
):
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 1)  # 低保 finds two pages
    assert get(client, q="低保", page=page).context["search_results"].number == number


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["3000", "1800", "0", "9" * 40])
def test_a_year_outside_the_range_stays_chosen_finds_nothing_and_says_why(client, corpus, year):
    """?year=3000 was dropped without a word: the page listed every year's results with
    全部年份 selected. It is kept as ?year=1900 (a year no page shows) is, and explained."""
    response = get(client, q="公开", year=year)
    assert response.context["filters"].year == int(year)
    assert response.context["rows"] == []
    html = response.content.decode()
    assert f'<option value="{year}" selected>{year}</option>' in html
    assert "在所选筛选条件下没有找到与“公开”相关的结果" in html
    assert f"所选年份 {year} 不在 1900—2999 年之间，没有这一年的信息" in html
    # Without words, the filter alone lists nothing, and says so.
    listing = get(client, year=year).content.decode()
    assert "没有符合筛选条件的内容" in listing and f"所选年份 {year} 不在" in listing


@pytest.mark.django_db
def test_a_year_in_the_range_or_junk_gets_no_range_notice(client, corpus):
    assert "不在 1900—2999 年之间" not in get(client, q="公开", year=1900).content.decode()
    everything = result_titles(get(client, q="公开"))
    for junk in ("abc", "-1", "1e3", "9" * 101):
        response = get(client, q="公开", year=junk)
        assert response.context["filters"].year is None, junk
        assert result_titles(response) == everything
        assert "不在 1900—2999 年之间" not in response.content.decode()


@pytest.mark.django_db
def test_the_range_notice_is_translated(client, corpus):
    html = client.get("/en/search/", {"q": "公开", "year": "3000"}).content.decode()
    assert "The year 3000 is outside 1900–2999" in html


@pytest.mark.django_db
def test_a_year_s_listing_leaves_out_the_undated_pages_once(corpus):
    """The year filter keeps dated pages only (shown_in_year); the listing excluded the
    undated types and the home pages a second time in the same statement."""
    from search.views import Filters, filtered_listing, public_pages

    sql = str(filtered_listing(public_pages(), Filters(year=2023)).query)
    assert sql.count('NOT ("wagtailcore_page"."depth" = 2)') == 1
    undated = str(filtered_listing(public_pages(), Filters(validity="valid")).query)
    assert undated.count('NOT ("wagtailcore_page"."depth" = 2)') == 1
