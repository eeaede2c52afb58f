"""What one publication takes out of the public page cache (gongkai/page_cache.py): the pages
that show the changed item, not the whole site."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Site

from gongkai.page_cache import page_cache
from tests.factories import publish_fixture

from .factories import (
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
    DisclosureIndexPageFactory,
    OrganisationFactory,
    PolicyDocumentPageFactory,
    ServiceGuidePageFactory,
)


def cached(client, page):
    client.get(page.url)
    return client.get(page.url).get("X-Page-Cache") == "hit"


@pytest.fixture
def county(db):
    page_cache().clear()

    def office(name, slug):
        root = DisclosureIndexPageFactory(organisation=OrganisationFactory(name=name), slug=slug)
        column = CategoryPageFactory(parent=root, title="通知公告", slug="notices")
        item = DisclosureDocumentPageFactory(parent=column, title=f"{name}关于春耕的通知")
        return {"root": root, "column": column, "item": item}

    yield {
        "home": Site.objects.get(is_default_site=True).root_page.specific,
        "a": office("东湖街道办事处", "donghu"),
        "b": office("西山镇人民政府", "xishan"),
    }
    page_cache().clear()


def test_publishing_an_item_refreshes_the_pages_that_show_it(client, county):
    a = county["a"]
    for page in (county["home"], a["root"], a["column"], a["item"]):
        assert cached(client, page)

    a["item"].title = "东湖街道关于春耕备耕的通知"
    publish_fixture(a["item"])

    for page in (county["home"], a["root"], a["column"], a["item"]):
        assert "X-Page-Cache" not in client.get(page.url), page.title
    for page in (a["column"], a["item"]):
        assert "东湖街道关于春耕备耕的通知" in client.get(page.url).text, page.title


def test_publishing_an_item_leaves_other_offices_and_siblings_cached(client, county):
    a, b = county["a"], county["b"]
    sibling = DisclosureDocumentPageFactory(parent=a["column"], title="东湖街道关于防汛的通知")
    for page in (b["root"], b["column"], b["item"], sibling):
        assert cached(client, page)

    a["item"].title = "东湖街道关于春耕备耕的通知"
    publish_fixture(a["item"])

    for page in (b["root"], b["column"], b["item"], sibling):
        assert client.get(page.url).get("X-Page-Cache") == "hit", page.title


def test_a_new_item_appears_in_its_column_at_once(client, county):
    a = county["a"]
    assert cached(client, a["column"])
    DisclosureDocumentPageFactory(parent=a["column"], title="东湖街道关于秋收的通知")
    assert "东湖街道关于秋收的通知" in client.get(a["column"].url).text


def test_unpublishing_and_deleting_an_item_take_it_off_its_column(client, county):
    a = county["a"]
    other = DisclosureDocumentPageFactory(parent=a["column"], title="东湖街道关于防汛的通知")
    assert cached(client, a["column"])
    a["item"].unpublish()
    assert "东湖街道办事处关于春耕的通知" not in client.get(a["column"].url).text

    assert cached(client, a["column"])
    other.delete()
    assert "东湖街道关于防汛的通知" not in client.get(a["column"].url).text


def test_an_interpretation_refreshes_the_document_it_explains_before_and_after(client, county):
    column = county["a"]["column"]
    first = PolicyDocumentPageFactory(parent=column, title="东湖街道农村建房管理办法")
    second = PolicyDocumentPageFactory(parent=column, title="东湖街道养犬管理规定")
    interpretation = PolicyDocumentPageFactory(
        parent=column,
        title="《东湖街道农村建房管理办法》解读",
        kind="interpretation",
        interpreted_policy=first,
    )
    title = interpretation.title
    assert cached(client, first) and title in client.get(first.url).text
    assert cached(client, second) and title not in client.get(second.url).text

    interpretation.interpreted_policy = second
    publish_fixture(interpretation)

    response = client.get(first.url)
    assert "X-Page-Cache" not in response
    assert title not in response.text
    assert title in client.get(second.url).text


def test_a_column_change_refreshes_every_page(client, county):
    a, b = county["a"], county["b"]
    assert cached(client, b["item"])
    a["column"].title = "通知公告栏"
    publish_fixture(a["column"])
    assert "X-Page-Cache" not in client.get(b["item"].url)


def test_renaming_an_organisation_refreshes_every_page(client, county):
    b = county["b"]
    assert cached(client, b["item"])
    organisation = county["a"]["root"].organisation
    organisation.name = "东湖街道办事处（新）"
    organisation.save()
    assert "X-Page-Cache" not in client.get(b["item"].url)


def test_an_evicted_token_is_a_miss_never_a_stale_page(client, county):
    item = county["a"]["item"]
    assert cached(client, item)
    page_cache().delete(f"page-token:{item.pk}")
    assert "X-Page-Cache" not in client.get(item.url)
    assert client.get(item.url).get("X-Page-Cache") == "hit"


def test_a_hit_reads_nothing_from_the_database(client, county, django_assert_num_queries):
    item = county["a"]["item"]
    assert cached(client, item)
    with django_assert_num_queries(0):
        assert client.get(item.url).get("X-Page-Cache") == "hit"


def test_a_replaced_attachment_refreshes_the_pages_that_list_it(client, county):
    column = county["a"]["column"]
    document = get_document_model().objects.create(
        title="申请表", file=ContentFile(b"%PDF-1.4 " + b"x" * 2000, name="form.pdf")
    )
    guide = ServiceGuidePageFactory(
        parent=column,
        title="东湖街道老年人优待证办理",
        attachments=[("attachment", {"document": document, "title": "申请表（表格下载）"})],
    )
    other = county["b"]["item"]
    assert cached(client, guide) and cached(client, other)

    document.file = ContentFile(b"%PDF-1.4 " + b"y" * 900_000, name="form-2026.pdf")
    document.save()

    assert "X-Page-Cache" not in client.get(guide.url)
    assert client.get(other.url).get("X-Page-Cache") == "hit"


def test_an_item_withdrawn_while_its_rendering_was_routed_is_not_stored(
    client, county, monkeypatch
):
    """A withdrawal (撤稿) committed after routing read the item's row but before its token was
    read renews the token before it is read: the old rendering must not be stored under it."""
    from wagtail.models import Page

    item = county["a"]["item"]
    route = Page.route

    def route_then_withdraw(self, request, path_components):
        result = route(self, request, path_components)
        if result.page.pk == item.pk:
            Page.objects.get(pk=item.pk).specific.unpublish()
        return result

    monkeypatch.setattr(Page, "route", route_then_withdraw)
    client.get(item.url + "?while=routing")
    monkeypatch.setattr(Page, "route", route)
    response = client.get(item.url + "?while=routing")
    assert response.status_code == 404, response.get("X-Page-Cache")


def test_sites_told_apart_by_port_keep_their_own_copies(client, county):
    """Wagtail picks a site by the Host header's name and the port the server listens on: the
    stored copy is keyed by both."""
    Site.objects.create(hostname="testserver", port=8291, root_page=county["a"]["root"])
    wrong = client.get("/?p=1", HTTP_HOST="testserver", SERVER_PORT="8291")
    assert county["a"]["root"].title in wrong.text
    response = client.get("/?p=1", HTTP_HOST="testserver", SERVER_PORT="80")
    assert response.get("X-Page-Cache") is None
    assert county["home"].title in response.text


def test_withdrawing_a_document_refreshes_what_shows_it_while_the_worker_is_behind(
    client, county, settings
):
    # Wagtail updates its reference index in a task after the commit; with the worker down or
    # behind, the index does not yet know a newly published page's links when their target
    # is withdrawn.
    settings.TASKS = {
        **settings.TASKS,
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    column = county["a"]["column"]
    policy = PolicyDocumentPageFactory(parent=column, title="东湖街道农村建房管理办法")
    interpretation = PolicyDocumentPageFactory(
        parent=column,
        title="《东湖街道农村建房管理办法》解读",
        kind="interpretation",
        interpreted_policy=policy,
    )
    notice = DisclosureDocumentPageFactory(
        parent=column,
        title="东湖街道关于农村建房的通知",
        body=[
            (
                "paragraph",
                f'<p>详见<a linktype="page" id="{policy.pk}">农村建房管理办法</a>。</p>',
            )
        ],
    )
    for page in (interpretation, notice):
        assert cached(client, page) and policy.url in client.get(page.url).text

    policy.unpublish()

    for page in (interpretation, notice):
        assert "X-Page-Cache" not in client.get(page.url), page.title
    # The 解读 names only a public document; the notice's own link stays until its editor
    # mends it (the inspection lists it under 链接可用性).
    assert policy.url not in client.get(interpretation.url).text


def test_an_address_with_parameters_the_page_does_not_read_is_never_stored(client, county):
    # Any query string is an address of its own: stored, they would let anyone fill the cache.
    item = county["a"]["item"]
    for address in (f"{item.url}?utm_source=wx", f"{item.url}?text=2&ref=abc"):
        assert client.get(address).status_code == 200
        assert "X-Page-Cache" not in client.get(address), address
    assert cached(client, item)
    assert client.get(f"{item.url}?text=2&contrast=1").status_code == 200  # 适老化 display
    assert client.get(f"{item.url}?text=2&contrast=1").get("X-Page-Cache") == "hit"


def test_a_column_keeps_its_pages_and_filters_up_to_a_bound(client, county, settings):
    column = county["a"]["column"]
    assert cached(client, column)
    client.get(f"{column.url}?page=2")
    assert client.get(f"{column.url}?page=2").get("X-Page-Cache") == "hit"

    # Out-of-range page numbers show the last page: each would be another copy.
    for number in range(3, 3 + settings.PAGE_CACHE_VARIANTS):
        client.get(f"{column.url}?page={number}")
    beyond = f"{column.url}?page={3 + settings.PAGE_CACHE_VARIANTS}"
    client.get(beyond)
    assert "X-Page-Cache" not in client.get(beyond)
    assert client.get(f"{column.url}?page=2").get("X-Page-Cache") == "hit"
    assert client.get(column.url).get("X-Page-Cache") == "hit"

    # A change to the column's pages starts its count again.
    DisclosureDocumentPageFactory(parent=column, title="东湖街道关于秋收的通知")
    client.get(beyond)
    assert client.get(beyond).get("X-Page-Cache") == "hit"
