"""An alias shows what its source shows: when the source sits inside a password- or
login-protected column, the alias, published elsewhere, is neither served, listed, fed,
searched, mapped nor handed out by the API to a visitor who may not see the source."""

import pytest
from wagtail.models import Page, PageViewRestriction

from disclosure.moderation.publishing.publication import sanctioned_publication

from .factories import CategoryPageFactory

pytestmark = pytest.mark.django_db

SECRET = "内部讨论稿甲乙丙"


@pytest.fixture(params=["password", "login"])
def alias(request, client, disclosure_root, category, make_document):
    """A document inside a restricted column, and its alias in the public column `category`."""
    restricted = CategoryPageFactory(parent=disclosure_root, title="内部栏目", slug="internal")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=request.param, password="x"
    )
    source = make_document(title=f"{SECRET}通知", parent=restricted)
    with sanctioned_publication("test: an alias of a restricted document"):
        alias = source.create_alias(parent=category, update_slug="alias-of-internal")
    assert alias.live and alias.alias_of_id == source.pk
    return alias


def test_the_alias_itself_is_not_served(client, alias):
    response = client.get(alias.url)
    assert SECRET not in response.content.decode()


def test_no_public_query_holds_the_alias(alias):
    assert not Page.objects.live().public().filter(pk=alias.pk).exists()


def test_the_column_listing_and_feeds_do_not_show_it(client, alias, category, disclosure_root):
    for url in (category.url, f"{category.url}rss/", f"{disclosure_root.url}rss/"):
        response = client.get(url)
        assert response.status_code == 200
        assert SECRET not in response.content.decode(), url


def test_search_sitemap_and_api_do_not_show_it(client, alias):
    # The search page repeats the query: the source's whole title must not appear.
    title = f"{SECRET}通知"
    for url in ("/search/?q=" + SECRET, "/sitemap.xml", "/api/v2/pages/?search=" + SECRET):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert title not in body and alias.url not in body, url


def test_a_restriction_added_after_the_alias_hides_it_too(
    client, disclosure_root, category, make_document
):
    column = CategoryPageFactory(parent=disclosure_root, title="后来受限的栏目", slug="later")
    source = make_document(title=f"{SECRET}公告", parent=column)
    with sanctioned_publication("test: an alias of a public document"):
        alias = source.create_alias(parent=category, update_slug="alias-later")
    assert SECRET in client.get(alias.url).content.decode()
    PageViewRestriction.objects.create(page=column, restriction_type="login")
    assert SECRET not in client.get(alias.url).content.decode()
    assert SECRET not in client.get(category.url).content.decode()
