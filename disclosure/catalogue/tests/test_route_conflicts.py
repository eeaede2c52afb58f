"""Addresses that two pages claim: siblings sharing a slug (bad data, two saves racing) and a
child whose slug is one of its column's routes (the feed). Neither is ever a 500, and a page
that is not live never takes an address from a live page or a route."""

import re

import pytest
from wagtail.models import Page, get_page_models

from disclosure.catalogue.models.routing import PathRouteMixin
from disclosure.reports.tests.factories import AnnualReportPageFactory, make_index
from gongkai.page_cache import page_cache
from tests.factories import home_page

from .factories import (
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
    DisclosureIndexPageFactory,
)
from .feed_reading import feed_items

pytestmark = pytest.mark.django_db


def take_slug(page, slug):
    """What bad data or a race leaves: `page` gets a sibling's slug, past Wagtail's check."""
    url_path = page.url_path[: -len(page.slug) - 1] + slug + "/"
    Page.objects.filter(pk=page.pk).update(slug=slug, url_path=url_path)
    return Page.objects.get(pk=page.pk)


def set_live(page, live):
    Page.objects.filter(pk=page.pk).update(live=live)


def twins_below_home():
    first = DisclosureIndexPageFactory(parent=home_page(), slug="twin")
    second = DisclosureIndexPageFactory(parent=home_page(), slug="twin-2")
    return "/twin/", first, second


def twins_below_a_disclosure_root():
    root = DisclosureIndexPageFactory(slug="xxgk")
    first = CategoryPageFactory(parent=root, slug="twin")
    second = CategoryPageFactory(parent=root, slug="twin-2")
    return "/xxgk/twin/", first, second


def twins_below_a_column():
    column = CategoryPageFactory(parent=DisclosureIndexPageFactory(slug="xxgk"), slug="col")
    first = DisclosureDocumentPageFactory(parent=column, slug="twin")
    second = DisclosureDocumentPageFactory(parent=column, slug="twin-2")
    return "/xxgk/col/twin/", first, second


def twins_below_the_reports_column():
    index = make_index()
    first = AnnualReportPageFactory(parent=index, year=2022, slug="twin")
    second = AnnualReportPageFactory(parent=index, year=2023, slug="twin-2")
    return f"{index.url_path[len(home_page().url_path) - 1 :]}twin/", first, second


# One builder for each page type that has children (test_every_parent_type_is_covered).
TWINS = {
    "home.HomePage": twins_below_home,
    "catalogue.DisclosureIndexPage": twins_below_a_disclosure_root,
    "catalogue.CategoryPage": twins_below_a_column,
    "reports.AnnualReportIndexPage": twins_below_the_reports_column,
}


@pytest.fixture(params=sorted(TWINS))
def twins(request):
    url, first, second = TWINS[request.param]()
    second = take_slug(second, "twin")
    assert first.path < second.path
    return url, first, second


def served_pk(client, url):
    page_cache().clear()
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    return response.context["page"].pk if response.status_code == 200 else None


def found_pk(client, url):
    response = client.get("/api/v2/pages/find/", {"html_path": url})
    assert response.status_code in (302, 404), (url, response.status_code)
    if response.status_code == 404:
        return None
    return int(re.search(r"/pages/(\d+)/", response["Location"]).group(1))


@pytest.mark.parametrize("answer", [served_pk, found_pk], ids=["page", "api_find"])
def test_siblings_sharing_a_slug_give_the_live_one_with_the_lowest_path(client, twins, answer):
    url, first, second = twins
    assert answer(client, url) == first.pk
    assert answer(client, url) == first.pk  # the same every time
    set_live(first, False)
    assert answer(client, url) == second.pk
    set_live(second, False)
    assert answer(client, url) is None


def test_every_parent_type_is_covered():
    """A page type that may have children routes through PathRouteMixin, and is tested above."""
    parents = {
        model._meta.label
        for model in get_page_models()
        if model is not Page and model.allowed_subpage_models()
    }
    assert parents == set(TWINS)
    for model in get_page_models():
        if model._meta.label in parents:
            assert issubclass(model, PathRouteMixin), model


# ------------------------------------------------------------ a child named after a route


def called_rss(make_document):
    page = make_document(title="订阅说明", slug="rss-help")
    return take_slug(page, "rss")


def test_a_draft_called_rss_does_not_hide_the_column_feed(client, category, make_document):
    page = called_rss(make_document)
    set_live(page, False)
    page_cache().clear()
    feed_items(client, f"{category.url}rss/")
    # The API's find goes to the page whose route it is: the column, not the draft.
    assert found_pk(client, f"{category.url}rss/") == category.pk


def test_a_live_page_called_rss_made_in_code_is_still_served(client, category, make_document):
    page = called_rss(make_document)
    assert served_pk(client, f"{category.url}rss/") == page.pk


def test_a_page_cannot_be_copied_into_a_column_as_rss(admin_client, category, make_document):
    page = make_document(title="原文", slug="original")
    response = admin_client.post(
        f"/admin/pages/{page.pk}/copy/",
        {"new_title": "订阅", "new_slug": "rss", "new_parent_page": category.pk},
    )
    assert response.status_code == 200
    assert "RSS 订阅的地址" in response.content.decode()
    assert not Page.objects.filter(slug="rss").exists()


def test_a_page_called_rss_cannot_be_moved_into_a_column(admin_client, category, make_document):
    elsewhere = CategoryPageFactory(parent=category.get_parent(), slug="elsewhere")
    page = take_slug(make_document(title="订阅", slug="x", parent=elsewhere), "rss")
    set_live(page, False)
    url = f"/admin/pages/{page.pk}/move/{category.pk}/confirm/"
    response = admin_client.post(url, follow=True)
    assert "RSS 订阅的地址" in response.content.decode()
    assert Page.objects.get(pk=page.pk).get_parent().pk == elsewhere.pk
    page_cache().clear()
    feed_items(admin_client, f"{category.url}rss/")


def _api_action(client, page, action, data):
    url = f"/admin/api/main/pages/{page.pk}/action/{action}/"
    return client.post(url, data, content_type="application/json")


def test_the_admin_api_cannot_copy_a_page_into_a_column_as_rss(
    admin_client, category, make_document
):
    page = make_document(title="原文", slug="original")
    response = _api_action(
        admin_client,
        page,
        "copy",
        {"destination_page_id": category.pk, "slug": "rss", "keep_live": False},
    )
    assert response.status_code == 400
    assert "RSS 订阅的地址" in response.content.decode()
    assert not Page.objects.filter(slug="rss").exists()
