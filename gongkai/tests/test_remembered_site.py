import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from gongkai.page_cache import page_cache
from home.models import HomePage


@pytest.fixture
def home(db):
    page_cache().clear()
    yield Site.objects.get(is_default_site=True).root_page.specific
    page_cache().clear()


def test_each_request_gets_a_site_and_home_page_of_its_own(client, home):
    first = client.get("/?first").wsgi_request._wagtail_site
    second = client.get("/?second").wsgi_request._wagtail_site
    assert first.pk == second.pk == Site.objects.get(is_default_site=True).pk
    assert first is not second
    assert isinstance(second.root_page, HomePage) and second.root_page.pk == home.pk
    assert first.root_page is not second.root_page


def test_the_home_page_published_is_read_again(client, home):
    client.get("/?before")
    home.title = "友谊镇政府信息公开（新版）"
    home.save_revision().publish()
    served = client.get("/?after").wsgi_request._wagtail_site.root_page
    assert served.title == "友谊镇政府信息公开（新版）"


def test_a_view_outside_the_page_tree_reads_the_site_from_memory(client, home):
    client.get("/search/", {"q": "公开"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": "公开"})
    assert response.wsgi_request._wagtail_site.root_page.pk == home.pk
    assert not [query for query in queries if "wagtailcore_site" in query["sql"]]


@pytest.mark.parametrize(
    "path", ["/", "/search/?q=公开", "/sitemap/", "/sitemap.xml", "/no-such-page/"]
)
def test_an_address_no_site_answers_to_is_not_found(client, home, path):
    """Without a default site, a host that names no site has no pages, footer or search."""
    Site.objects.update(is_default_site=False)
    response = client.get(path, HTTP_HOST="unknown.example")
    assert response.status_code == 404


def test_the_sitemap_of_a_second_site_lists_its_own_pages(client, home):
    """Each site's sitemap.xml lists the pages under its root, at its own address."""
    from disclosure.catalogue.tests.factories import CategoryPageFactory, DisclosureIndexPageFactory

    county = DisclosureIndexPageFactory(parent=home, title="县政府信息公开", slug="county")
    column = CategoryPageFactory(parent=county, title="规范性文件", slug="policies")
    township = DisclosureIndexPageFactory(parent=home, title="镇政府信息公开", slug="township")
    Site.objects.create(hostname="county.example", port=80, root_page=county)
    xml = client.get("/sitemap.xml", HTTP_HOST="county.example").content.decode()
    assert "http://county.example/policies/" in xml and column.slug in xml
    assert township.slug not in xml and "localhost" not in xml
    # The default site's still lists its own.
    assert "/township/" in client.get("/sitemap.xml").content.decode()
