"""/robots.txt and /favicon.ico, which crawlers and browsers ask for at the site's root."""

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from gongkai.site_url import absolute

pytestmark = pytest.mark.django_db


def test_robots_txt_names_the_sitemap_at_the_configured_address(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {absolute('/sitemap.xml')}" in lines
    assert "Disallow: /admin/" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_favicon_ico_leads_to_an_icon_among_the_static_files(client):
    response = client.get("/favicon.ico")
    assert response.status_code in (301, 302)
    assert response["Location"] == static("img/favicon.ico")
    with open(finders.find("img/favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # the ICO header
