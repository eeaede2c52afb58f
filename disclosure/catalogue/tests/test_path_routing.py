"""Routing a public address with one query for the pages on its path (models/routing.py)
serves what Wagtail's level-by-level routing serves, and nothing it would not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from disclosure.catalogue.tests.factories import (
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
    DisclosureIndexPageFactory,
)
from disclosure.catalogue.visibility import unrestricted
from gongkai.page_cache import page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_offices():
    """Two offices whose columns and items share their slugs."""
    pages = {}
    for name in ("town", "county"):
        root = DisclosureIndexPageFactory(organisation__name=f"{name}政府", slug=name)
        column = CategoryPageFactory(parent=root, title="通知公告", slug="notices")
        item = DisclosureDocumentPageFactory(parent=column, title=f"{name}的通知", slug="same")
        pages[name] = (root, column, item)
    page_cache().clear()
    return pages


def served(client, url):
    page_cache().clear()
    response = client.get(url)
    page = response.context["page"] if response.status_code == 200 else None
    return response.status_code, getattr(page, "pk", None)


def test_each_page_is_served_at_its_own_address_among_equal_slugs(client, two_offices):
    for pages in two_offices.values():
        for page in pages:
            assert served(client, page.url) == (200, page.pk)


def test_addresses_that_are_no_page_are_not_found(client, two_offices):
    for url in ("/town/nothing/", "/town/notices/nothing/", "/town/same/", "/nowhere/notices/"):
        assert served(client, url)[0] == 404, url


def test_an_unpublished_page_is_not_served(client, two_offices):
    _root, _column, item = two_offices["town"]
    Page.objects.filter(pk=item.pk).update(live=False)
    assert served(client, item.url)[0] == 404


def test_a_page_below_an_unpublished_one_is_not_found(client, two_offices):
    """Wagtail checks only the page served for `live`; a page below a column that is not live
    is not public all the same (catalogue/visibility.py, answered before serving)."""
    _root, column, item = two_offices["town"]
    Page.objects.filter(pk=column.pk).update(live=False)
    assert served(client, item.url)[0] == 404
    assert served(client, column.url)[0] == 404


def test_a_page_below_a_restricted_one_still_asks_for_a_login(client, two_offices):
    _root, column, item = two_offices["county"]
    PageViewRestriction.objects.create(page=column, restriction_type="login")
    page_cache().clear()
    response = client.get(item.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert served(client, two_offices["town"][2].url)[0] == 200


def test_a_column_feed_is_still_its_route(client, two_offices):
    _root, column, _item = two_offices["town"]
    page_cache().clear()
    response = client.get(f"{column.url}rss/")
    assert response.status_code == 200
    assert "xml" in response["Content-Type"]


def test_routing_reads_the_path_in_one_query_whatever_its_depth(client, two_offices):
    root, column, item = two_offices["town"]
    counts = []
    for page in (root, column, item):
        page_cache().clear()
        client.get(page.url)  # warm the per-process caches (site root paths, locales)
        page_cache().clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(page.url)
        counts.append(
            sum(
                "wagtailcore_page" in q["sql"] and '."slug" IN' in q["sql"]
                for q in queries.captured_queries
            )
        )
    assert counts == [1, 1, 1]


def test_unrestricted_keeps_the_pages_public_keeps(two_offices):
    town_root, town_column, _item = two_offices["town"]
    _root, _column, county_item = two_offices["county"]
    PageViewRestriction.objects.create(page=town_column, restriction_type="password", password="x")
    PageViewRestriction.objects.create(page=county_item, restriction_type="login")
    kept = set(unrestricted(Page.objects.all()).values_list("pk", flat=True))
    assert kept == set(Page.objects.public().values_list("pk", flat=True))
    assert town_root.pk in kept and town_column.pk not in kept and county_item.pk not in kept
