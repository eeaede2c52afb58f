"""Every absolute link the public site hands out names the configured host and port: the RSS
items, the sitemap, the API's html_url and the item pages' metadata (gongkai/site_url.py)."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from wagtail.models import Site

from gongkai.site_url import align_default_site

pytestmark = pytest.mark.django_db
BASE = "http://portal.example.invalid:8153"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def configured(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE + "/"
    assert align_default_site() is True
    return BASE


def test_the_default_site_takes_the_configured_host_and_port(configured):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("portal.example.invalid", 8153)
    assert site.root_url == BASE
    assert align_default_site() is False  # already in line: nothing to save


def test_load_demo_aligns_the_site_on_every_run(settings, monkeypatch):
    """`make run` runs load_demo each time; a demo loaded on another PORT follows the new one."""
    from home.management.commands import load_demo

    monkeypatch.setattr(load_demo, "load_demo", lambda **kwargs: False)  # already loaded
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8157"
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8157"
    assert "http://127.0.0.1:8157" in out.getvalue()


def test_rss_items_link_to_the_configured_address(client, configured, category, make_document):
    item = make_document(title="燃气安全通知")
    response = client.get(f"{category.url}rss/")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("link").startswith(BASE + "/")
    links = [entry.findtext("link") for entry in channel.findall("item")]
    assert links == [BASE + item.url]
    assert "localhost" not in response.content.decode()


def test_the_sitemap_lists_the_configured_address(client, configured, make_document):
    item = make_document(title="燃气安全通知")
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")]
    assert BASE + item.url in locations
    assert all(location.startswith(BASE + "/") for location in locations)


def test_the_api_html_url_is_the_configured_address(client, configured, make_document):
    item = make_document(title="燃气安全通知")
    data = client.get(f"/api/v2/pages/{item.pk}/").json()
    assert data["meta"]["html_url"] == BASE + item.url
    listing = client.get("/api/v2/pages/", {"type": "catalogue.DisclosureDocumentPage"}).json()
    assert [entry["meta"]["html_url"] for entry in listing["items"]] == [BASE + item.url]


def test_the_item_pages_url_metadata_is_the_configured_address(client, configured, make_document):
    item = make_document(title="燃气安全通知")
    html = client.get(item.url).content.decode()
    assert f'<meta name="Url" content="{BASE}{item.url}">' in html
