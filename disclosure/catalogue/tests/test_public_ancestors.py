"""A page below a page that is not live (a column never published, or unpublished without its
pages: 撤稿) is not public, whatever its own flag (catalogue/visibility.py): not served, not
searched or suggested, not in the sitemap, the feeds, the listings, the navigation or the API,
and the inspection does not count it. Publishing the column again brings everything back,
through the page cache."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, get_page_models

from disclosure.inspection.scope import Scope
from disclosure.moderation.publishing.publication import sanctioned_publication
from disclosure.reports.tests.factories import AnnualReportIndexPageFactory, AnnualReportPageFactory
from gongkai.languages.tests.helpers import translate
from gongkai.page_cache import page_cache
from tests.factories import home_page, publish_fixture

from . import factories as f

pytestmark = pytest.mark.django_db

HIDDEN = "尚未发布的栏目名称"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def root():
    return f.DisclosureIndexPageFactory(slug="xxgk", title="测试镇政府信息公开")


def below_a_column(factory, **fields):
    def build():
        column = f.CategoryPageFactory(parent=root(), slug="col")
        return column, factory(parent=column, slug="child", **fields)

    return build


def below_a_root(factory):
    def build():
        parent = root()
        return parent, factory(parent=parent)

    return build


def below_the_home_page():
    parent = home_page()
    return parent, f.DisclosureIndexPageFactory(parent=parent, slug="xxgk", title="机构首页")


def below_the_reports_column():
    index = AnnualReportIndexPageFactory(parent=root())
    return index, AnnualReportPageFactory(parent=index, year=2023)


# Each page type the public is served, with a parent to withdraw (test_every_page_type_...).
BUILDERS = {
    "catalogue.DisclosureDocumentPage": below_a_column(f.DisclosureDocumentPageFactory),
    "catalogue.PolicyDocumentPage": below_a_column(f.PolicyDocumentPageFactory),
    "catalogue.ServiceGuidePage": below_a_column(f.ServiceGuidePageFactory),
    "catalogue.BudgetPage": below_a_column(f.BudgetPageFactory),
    "catalogue.ServiceItemListPage": below_a_column(f.ServiceItemListPageFactory),
    "catalogue.OrganisationFunctionPage": below_a_column(
        f.OrganisationFunctionPageFactory, functions="<p>贯彻执行党和国家的方针政策。</p>"
    ),
    "catalogue.CategoryPage": below_a_column(f.CategoryPageFactory),
    "catalogue.DisclosureGuidePage": below_a_root(f.DisclosureGuidePageFactory),
    "catalogue.DisclosureIndexPage": below_the_home_page,
    "reports.AnnualReportIndexPage": below_a_root(AnnualReportIndexPageFactory),
    "reports.AnnualReportPage": below_the_reports_column,
}


def withdraw(page):
    """The ancestor as a draft (or unpublished) column leaves it: not live, its title new."""
    Page.objects.filter(pk=page.pk).update(live=False, title=HIDDEN, draft_title=HIDDEN)


@pytest.fixture(params=sorted(BUILDERS))
def child_of_a_withdrawn_page(request):
    parent, child = BUILDERS[request.param]()
    withdraw(parent)
    return parent, Page.objects.get(pk=child.pk).specific


def test_every_page_type_below_a_withdrawn_page_is_not_served(client, child_of_a_withdrawn_page):
    _parent, child = child_of_a_withdrawn_page
    page_cache().clear()
    assert client.get(child.url).status_code == 404
    assert client.get(f"/api/v2/pages/{child.pk}/").status_code == 404
    response = client.get("/search/", {"q": child.title})
    assert child.pk not in [row["page"].pk for row in response.context["rows"]]
    assert HIDDEN not in response.content.decode()


def test_every_page_type_served_below_another_page_is_tested():
    served_types = {model._meta.label for model in get_page_models() if model is not Page}
    # The home page's only ancestor is the tree's root, which the public never sees.
    assert set(BUILDERS) == served_types - {"home.HomePage"}


# ---------------------------------------------------------------- every public path, enumerated
ITEM_TITLE = "关于调整城乡居民医疗保险缴费标准的通知"
PROMOTED = "医保缴费"


@pytest.fixture
def tree(disclosure_root):
    """root → 政策文件 (the column an office takes down) → 信息公开制度 (live) → the item."""
    column = f.CategoryPageFactory(parent=disclosure_root, title="政策文件", slug="zcwj")
    return build_tree(disclosure_root, column)


def build_tree(root, column):
    # A 制度 column: the navigation's 政府信息公开制度 entry leads to it (home/portal_nav.py).
    sub_column = f.CategoryPageFactory(parent=column, title="信息公开制度", slug="gkzd")
    item = f.DisclosureDocumentPageFactory(parent=sub_column, title=ITEM_TITLE, slug="yibao")
    SearchPromotion.objects.create(query=Query.get(PROMOTED), page=item, sort_order=0)
    guide = f.DisclosureGuidePageFactory(parent=root)
    # An English version of the item in English columns of their own (not aliases, whose `live`
    # follows the Chinese columns): it stays public when the Chinese column is taken down.
    translate(column)
    translate(sub_column)
    english = translate(item)
    return {
        "root": root,
        "column": column,
        "sub_column": sub_column,
        "item": item,
        "guide": guide,
        "english": english,
    }


def _text(client, url, **params):
    response = client.get(url, params)
    return response.status_code, response.content.decode()


def _breadcrumb(html):
    if 'class="breadcrumb"' not in html:
        return ""
    return html.split('class="breadcrumb"', 1)[1].split("</nav>")[0]


def public_paths(client, tree):
    """{path: whether the item (or its sub-column) is public there}, every reader enumerated."""
    item, sub_column, column, root = tree["item"], tree["sub_column"], tree["column"], tree["root"]
    item_url = Page.objects.get(pk=item.pk).url
    sub_url = Page.objects.get(pk=sub_column.pk).url
    status, page_html = _text(client, item_url)
    search = client.get("/search/", {"q": ITEM_TITLE})
    suggested = client.get("/search/", {"q": "完全不存在的词语组合"})
    autocomplete = client.get("/search/autocomplete/", {"q": "医疗保险"}).json()["results"]
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {url.findtext(f"{SITEMAP}loc") for url in sitemap.iter(f"{SITEMAP}url")}
    listing_status, listing_html = _text(client, sub_url)
    column_feed_status, column_feed = _text(client, f"{sub_url}rss/")
    _status, root_feed = _text(client, f"{root.url}rss/")
    _status, root_html = _text(client, root.url)
    _status, guide_html = _text(client, Page.objects.get(pk=tree["guide"].pk).url)
    api_list = client.get("/api/v2/pages/", {"type": "catalogue.DisclosureDocumentPage"}).json()
    api_search = client.get("/api/v2/pages/", {"search": ITEM_TITLE}).json()
    api_columns = client.get("/api/v2/pages/", {"type": "catalogue.CategoryPage"}).json()
    english_status, english_html = _text(client, Page.objects.get(pk=tree["english"].pk).url)
    assert english_status == 200  # the English version is public either way
    return {
        "page": status == 200 and ITEM_TITLE in page_html,
        "breadcrumb": f'href="{Page.objects.get(pk=column.pk).url}"' in _breadcrumb(page_html),
        "search": item.pk in [row["page"].pk for row in search.context["rows"]],
        "search count": search.context["search_results"].paginator.count > 0,
        "suggestions": PROMOTED in suggested.context["suggestions"],
        "autocomplete": any(row["title"] == ITEM_TITLE for row in autocomplete),
        "sitemap": item.get_full_url() in locations,
        "sitemap column": sub_column.get_full_url() in locations,
        "listing": listing_status == 200 and ITEM_TITLE in listing_html,
        "column feed": column_feed_status == 200 and ITEM_TITLE in column_feed,
        "organisation feed": ITEM_TITLE in root_feed,
        "navigation": f'href="{sub_url}"' in root_html,
        "guide": f'href="{sub_url}"' in guide_html,
        "switcher": f'<a href="{item_url}" lang="zh-Hans" hreflang="zh-Hans">' in english_html,
        "hreflang": f'hreflang="zh-Hans" href="http://localhost{item_url}"' in english_html,
        "api list": item.pk in [row["id"] for row in api_list["items"]],
        "api search": item.pk in [row["id"] for row in api_search["items"]],
        "api column": sub_column.pk in [row["id"] for row in api_columns["items"]],
        "api detail": client.get(f"/api/v2/pages/{item.pk}/").status_code == 200,
        "inspection": item.pk
        in set(Scope(root.organisation).live_items().values_list("pk", flat=True)),
    }


def test_under_a_live_column_the_item_is_public_everywhere(client, tree):
    paths = public_paths(client, tree)
    assert paths == dict.fromkeys(paths, True)


def test_under_a_column_never_published_the_item_is_public_nowhere(client, disclosure_root):
    column = f.CategoryPageFactory(
        parent=disclosure_root, title="政策文件", slug="zcwj", live=False
    )
    tree = build_tree(disclosure_root, column)
    assert Page.objects.get(pk=tree["item"].pk).live
    paths = public_paths(client, tree)
    assert paths == dict.fromkeys(paths, False)


def test_a_column_taken_down_and_published_again_takes_its_items_along(client, tree):
    item_url = tree["item"].url
    client.get(item_url)
    assert client.get(item_url)["X-Page-Cache"] == "hit"  # the cache holds the item page

    column = Page.objects.get(pk=tree["column"].pk)
    with sanctioned_publication("test: the office takes the column down"):
        column.unpublish()
    assert Page.objects.get(pk=tree["item"].pk).live  # Wagtail leaves the children live
    assert client.get(item_url).status_code == 404
    paths = public_paths(client, tree)
    assert paths == dict.fromkeys(paths, False)

    publish_fixture(column.specific)
    assert client.get(item_url).status_code == 200
    paths = public_paths(client, tree)
    assert paths == dict.fromkeys(paths, True)


def test_the_search_page_reads_no_more_for_more_columns_taken_down(client, disclosure_root):
    """The columns taken down are read in one query, whatever their number: the search page
    costs as much with one as with six (the results are the same: their items match no word)."""

    def queries_of_a_search():
        page_cache().clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/search/", {"q": "通知"}).status_code == 200
        return len(captured)

    def withdrawn_column(number):
        column = f.CategoryPageFactory(parent=disclosure_root, slug=f"col{number}", live=False)
        f.DisclosureDocumentPageFactory(parent=column, title=f"公告{number}", slug="item")

    f.DisclosureDocumentPageFactory(parent=disclosure_root, title="通知", slug="found")
    withdrawn_column(0)
    queries_of_a_search()  # the first request fills the process's caches (content types, …)
    with_one = queries_of_a_search()
    for number in range(1, 6):
        withdrawn_column(number)
    assert queries_of_a_search() == with_one
