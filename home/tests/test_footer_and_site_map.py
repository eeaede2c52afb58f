"""What the quarterly website inspection (国办秘函〔2019〕19号) looks for around the content:
an HTML 网站地图 linked from every footer, the national error-report entry (我为政府网站找错)
with the site's 政府网站标识码, and the 党政机关网站 mark leading to the site's registration
at conac.cn. Sample identifiers (the demo's) are marked 示例 and link nowhere."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from disclosure.catalogue.models import CategoryPage, DisclosureIndexPage
from home.models import SiteFooterSettings
from home.tests.english import english_demo
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE

CONAC_ID = "837BD1DE11157A51E05310291AAC8210"


def footer_of(html):
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


def real_identifiers():
    footer = SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.site_id_code = "2305220001"
    footer.conac_id = CONAC_ID
    footer.identifiers_are_samples = False
    footer.save()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_footer_links_the_html_site_map(client, prefix):
    with translation.override("en" if prefix else "zh-hans"):
        site_map = reverse("site_map")
    assert site_map == f"{prefix}/sitemap/"
    for path in (f"{prefix}/", f"{prefix}/xxgk/", f"{prefix}/search/?q=x"):
        footer = footer_of(client.get(path).content.decode())
        assert f'href="{site_map}"' in footer, path


def test_the_site_map_lists_the_columns_as_a_tree_of_links(client):
    html = client.get("/sitemap/").content.decode()
    assert "<h1>网站地图</h1>" in html
    tree = html[html.index('<nav class="site-map"') :]
    root = DisclosureIndexPage.objects.get(slug="xxgk", locale__language_code="zh-hans")
    assert f'<a href="{root.url}">{root.title}</a>' in tree
    columns = CategoryPage.objects.child_of(root).live()
    assert columns.count() >= 5
    for column in columns:
        link = f'<a href="{column.url}">{column.title}</a>'
        assert link in tree, column.title
        # Nested under its organisation's root: the root's list item holds it.
        assert tree.index(link) > tree.index(f'<a href="{root.url}">')
    assert f'href="{reverse("search")}"' in tree
    assert 'class="breadcrumb"' in html
    # Columns only: an item is no branch of the map.
    assert "友谊镇生活垃圾分类工作实施方案" not in tree


def test_the_english_site_map_lists_the_english_pages_in_english(client):
    english_demo()
    html = client.get("/en/sitemap/").content.decode()
    assert "<h1>Site map</h1>" in html
    tree = html[html.index('<nav class="site-map"') :]
    assert 'href="/en/xxgk/"' in tree and 'href="/en/xxgk/annual-reports/"' in tree
    assert 'href="/xxgk/' not in tree


def test_the_footer_offers_the_national_error_report_with_the_site_id_code(client):
    real_identifiers()
    footer = footer_of(client.get("/").content.decode())
    assert (
        '<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=2305220001"'
        ' rel="noopener" target="_blank">我为政府网站找错</a>'
    ) in footer


def test_the_footer_carries_the_party_and_government_site_mark_linking_its_registration(client):
    real_identifiers()
    footer = footer_of(client.get("/").content.decode())
    mark = re.search(r'<a [^>]*href="(https://bszs\.conac\.cn/[^"]+)"[^>]*>(.*?)</a>', footer, re.S)
    assert mark, footer
    assert mark[1] == f"https://bszs.conac.cn/sitename?method=show&amp;id={CONAC_ID}"
    assert "党政机关网站" in mark[2]
    english = footer_of(client.get("/en/").content.decode())
    assert "Error report" in english and "Party and government website" in english


def test_sample_identifiers_mark_every_entry_and_link_to_no_registry(client):
    footer = footer_of(client.get("/").content.decode())
    for text in ("我为政府网站找错", "党政机关网站"):
        assert re.search(r'<strong class="footer-sample">示例：</strong>[^<]*' + text, footer), text
    assert "zfwzgl" not in footer and "conac.cn" not in footer and "beian" not in footer


def test_a_site_without_its_codes_shows_neither_entry(client):
    footer = SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.site_id_code = footer.conac_id = ""
    footer.save()
    html = footer_of(client.get("/").content.decode())
    assert "我为政府网站找错" not in html and "党政机关网站" not in html
