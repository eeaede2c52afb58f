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
# served, its ancestors and languages (which also say that no view restriction applies), the
# footer settings and the navigation's columns: 7. A listing adds the item types it holds, its
# years, count, rows and items, and the domain filter's choices (the view restrictions are
# subqueries).
QUERIES = {
    "/": 21,  # the front page: its roots, every root's columns in one query, 最新公开 in two
    "/xxgk/service-guides/dibao/": 7,  # an item (办事指南)
    "/xxgk/notices/": 13,  # a column listing
    "/xxgk/annual-reports/2023/": 7,  # an annual report
}


@pytest.mark.parametrize("url", list(QUERIES))
def test_uncached_public_page_runs_its_counted_queries(client, url, django_assert_num_queries):
    client.get(url)  # per-process caches (site root paths, locales, content types) warm
    page_cache().clear()
    with django_assert_num_queries(QUERIES[url]):
        response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
