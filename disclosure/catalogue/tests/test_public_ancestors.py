"""A live page below an ancestor that is not live (a draft column, a column unpublished without
its pages) is served, as Wagtail serves it; the ancestor's title is not published with it: not
in the breadcrumb, not in ``<meta name="ColumnName">``, not in the search results, the feeds or
the API (disclosure/catalogue/ancestors.py)."""

import pytest
from wagtail.models import Page, get_page_models

from disclosure.catalogue.ancestors import public_ancestors
from disclosure.reports.tests.factories import AnnualReportIndexPageFactory, AnnualReportPageFactory
from gongkai.page_cache import page_cache
from tests.factories import home_page

from . import factories as f

pytestmark = pytest.mark.django_db

HIDDEN = "尚未发布的栏目名称"


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


def served(client, url):
    page_cache().clear()
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture(params=sorted(BUILDERS))
def child_of_a_withdrawn_page(request):
    parent, child = BUILDERS[request.param]()
    withdraw(parent)
    return parent, Page.objects.get(pk=child.pk).specific


def test_the_page_is_served_but_its_withdrawn_parent_is_not_named(
    client, child_of_a_withdrawn_page
):
    parent, child = child_of_a_withdrawn_page
    html = served(client, child.url)
    assert child.title in html
    assert HIDDEN not in html
    if 'class="breadcrumb"' in html:  # every page type but the organisation's root has one
        breadcrumb = html.split('class="breadcrumb"', 1)[1].split("</nav>")[0]
        assert f'href="{parent.url}"' not in breadcrumb


def test_the_api_does_not_name_a_withdrawn_parent(client, child_of_a_withdrawn_page):
    _parent, child = child_of_a_withdrawn_page
    response = client.get(f"/api/v2/pages/{child.pk}/")
    assert response.status_code == 200
    assert response.json()["meta"]["parent"] is None
    assert HIDDEN not in response.content.decode()


def test_search_results_do_not_name_a_withdrawn_parent(client, child_of_a_withdrawn_page):
    _parent, child = child_of_a_withdrawn_page
    response = client.get("/search/", {"q": child.title})
    assert response.status_code == 200
    assert child.pk in [row["page"].pk for row in response.context["rows"]]
    assert HIDDEN not in response.content.decode()


def test_every_page_type_served_below_another_page_is_tested():
    served_types = {model._meta.label for model in get_page_models() if model is not Page}
    # The home page's only ancestor is the tree's root, which the public never sees.
    assert set(BUILDERS) == served_types - {"home.HomePage"}


def test_an_item_names_its_live_column_but_not_a_withdrawn_root(client):
    column = f.CategoryPageFactory(parent=root(), slug="col", title="政策文件")
    item = f.DisclosureDocumentPageFactory(parent=column, slug="item")
    withdraw(column.get_parent())
    html = served(client, item.url)
    assert HIDDEN not in html
    assert '<meta name="ColumnName" content="政策文件">' in html
    fresh = Page.objects.get(pk=item.pk).specific
    assert [page.pk for page in public_ancestors(fresh)] == [home_page().pk, column.pk]


def test_an_item_below_a_withdrawn_column_has_no_column_name(client):
    column = f.CategoryPageFactory(parent=root(), slug="col", title="政策文件")
    item = f.DisclosureDocumentPageFactory(parent=column, slug="item")
    withdraw(column)
    html = served(client, item.url)
    assert 'name="ColumnName"' not in html
    # The organisation's feed lists the item (it is live) without naming the column.
    page_cache().clear()
    feed = client.get(f"{column.get_parent().url}rss/")
    assert feed.status_code == 200 and item.title in feed.content.decode()
    assert HIDDEN not in feed.content.decode()
