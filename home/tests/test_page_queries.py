"""The queries of the pages bench/bench_http.py serves uncached, counted exactly: a change that
adds one fails here, where it is cheap to see (docs/performance.md has the profile of each).

Routing reads the path in one query (catalogue/models/routing.py); the ancestors, whether a
view restriction applies and the languages come from one query (catalogue/models/tree.py);
the navigation and the listing leave restricted pages out in their own queries
(catalogue/visibility.py)."""

import pytest

from gongkai.page_cache import page_cache
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE

# The site, the home page (Wagtail's routing starts there), the pages on the path, the page
# served, its ancestors and languages, whether the site has any view restriction, the footer
# settings and the navigation's columns: 8; an item or a report, whose changes renew only its
# own token, checks that its row is still the one routing read before it is stored: 9. A
# listing adds the item types it holds, its years, count, rows and items, and the domain
# filter's choices (the view restrictions are subqueries).
QUERIES = {
    "/": 22,  # the front page: its roots, every root's columns in one query, 最新公开 in two
    "/xxgk/service-guides/dibao/": 9,  # an item (办事指南)
    "/xxgk/notices/": 14,  # a column listing
    "/xxgk/annual-reports/2023/": 9,  # an annual report
}


@pytest.mark.parametrize("url", list(QUERIES))
def test_uncached_public_page_runs_its_counted_queries(client, url, django_assert_num_queries):
    client.get(url)  # per-process caches (site root paths, locales, content types) warm
    page_cache().clear()
    with django_assert_num_queries(QUERIES[url]):
        response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_a_page_rendered_again_reads_what_only_site_changes_alter_from_memory(
    client, django_assert_num_queries
):
    """A page whose rendering is not in the page cache (its own change, a new address) while
    the site's token holds: the site, its home page, whether it has any view restriction, the
    footer settings and the navigation's columns come from the process's memory
    (gongkai/remembered_site.py, catalogue/visibility.py, portal_nav.py)."""
    url = "/xxgk/service-guides/dibao/"
    client.get(url)
    page_cache().clear()
    client.get(url)  # under the new site token: read and remembered
    with django_assert_num_queries(QUERIES[url] - 5):
        response = client.get(url + "?text=1")  # another address: not in the page cache
    assert "X-Page-Cache" not in response
    assert "政府信息公开制度" in response.text


def test_a_footer_change_shows_on_every_page_at_once(client):
    from wagtail.models import Site

    from home.models import SiteFooterSettings

    url = "/xxgk/service-guides/dibao/"
    client.get(url + "?before=change")  # the footer remembered under the site's token
    footer = SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.sponsor = "友谊镇人民政府办公室"
    footer.save()
    assert "友谊镇人民政府办公室" in client.get(url + "?after=change").text


def test_a_column_change_shows_in_every_pages_navigation_at_once(client):
    from wagtail.models import Page

    from tests.factories import publish_fixture

    url = "/xxgk/service-guides/dibao/"
    client.get(url)
    rules = Page.objects.get(url_path="/home/xxgk/rules/").specific
    rules.slug = "gkzd"
    publish_fixture(rules)

    response = client.get(url + "?after=change")
    assert "/xxgk/gkzd/" in response.text
    assert "/xxgk/rules/" not in response.text


def test_a_view_restriction_applies_at_once_to_pages_read_before_it(client):
    """Whether the site has any view restriction is remembered (none, before); the first
    restriction renews the site's token, so the next rendering reads the restrictions."""
    from wagtail.models import Page, PageViewRestriction

    url = "/xxgk/service-guides/dibao/"
    assert "最低生活保障" in client.get(url + "?before=restriction").text
    column = Page.objects.get(url_path="/home/xxgk/service-guides/")
    PageViewRestriction.objects.create(
        page=column, restriction_type=PageViewRestriction.PASSWORD, password="内部资料"
    )
    response = client.get(url + "?after=restriction")
    assert response.status_code == 200  # Wagtail's password form, not the page
    assert "最低生活保障" not in response.text
    assert 'name="password"' in response.text


def test_the_front_page_rendered_again_reads_its_organisation_from_memory(
    client, django_assert_num_queries
):
    """The front page shows the section of the site's organisation (portal_nav.site_root),
    found among every root: at 100,000 pages SQLite took 20 ms to find it."""
    client.get("/")
    page_cache().clear()
    client.get("/")
    with django_assert_num_queries(QUERIES["/"] - 8):
        response = client.get("/?from=nav")
    assert "X-Page-Cache" not in response
    assert response.context["nav"].root.organisation.name in response.text


def test_the_site_s_organisation_changes_on_the_front_page_at_once(client):
    from disclosure.catalogue.models import DisclosureIndexPage

    client.get("/")
    shown = client.get("/?from=nav").context["nav"].root
    DisclosureIndexPage.objects.get(pk=shown.pk).unpublish()
    assert client.get("/?from=nav").context["nav"].root.pk != shown.pk
