"""The portal conventions of county sites (docs/portal.md): the banner, the 政府信息公开
navigation on every disclosure page, the home page's entries, the footer identifiers, and the
指南's index number in words."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from wagtail.models import Page, Site

from disclosure.catalogue.models import (
    CategoryPage,
    DisclosureGuidePage,
    DisclosureIndexPage,
    DisclosureItemPage,
)
from disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage
from home.models import SiteFooterSettings
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE

NAV_LABELS = [
    "政府信息公开指南",
    "政府信息公开制度",
    "法定主动公开内容",
    "政府信息公开年报",
    "依申请公开",
]


def portal_nav_html(html):
    match = re.search(r'<nav class="portal-nav" aria-label="政府信息公开">(.*?)</nav>', html, re.S)
    assert match, "no 政府信息公开 navigation"
    return match[1]


def portal_nav(html):
    """The navigation's (label, href) pairs, in order."""
    return [
        (label, href)
        for href, label in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', portal_nav_html(html))
    ]


def expected_nav(root):
    children = Page.objects.child_of(root).live()
    return [
        ("政府信息公开指南", children.type(DisclosureGuidePage).get().url),
        ("政府信息公开制度", children.type(CategoryPage).get(title="政府信息公开制度").url),
        ("法定主动公开内容", root.url),
        ("政府信息公开年报", children.type(AnnualReportIndexPage).get().url),
        ("依申请公开", f"{reverse('applications:apply')}?organisation={root.organisation_id}"),
    ]


def disclosure_pages(root):
    """Every live page of the organisation's section, of every type the tree holds there."""
    return [page.specific for page in Page.objects.descendant_of(root, inclusive=True).live()]


def test_every_disclosure_page_carries_the_navigation_to_its_organisations_pages(client):
    root = DisclosureIndexPage.objects.get(slug="xxgk", locale__language_code="zh-hans")
    expected = expected_nav(root)
    pages = disclosure_pages(root)
    kinds = {type(page) for page in pages}
    assert {DisclosureIndexPage, CategoryPage, DisclosureGuidePage, AnnualReportIndexPage} <= kinds
    assert AnnualReportPage in kinds and any(isinstance(p, DisclosureItemPage) for p in pages)
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert portal_nav(response.content.decode()) == expected, page.url
    for path in ("/", "/search/?q=垃圾", reverse("applications:apply")):
        assert portal_nav(client.get(path).content.decode()) == expected, path


def test_the_navigation_follows_the_organisation_and_marks_where_the_reader_is(client):
    county = DisclosureIndexPage.objects.get(slug="county-office")
    guide = DisclosureGuidePage.objects.child_of(county).get()
    html = client.get(guide.url).content.decode()
    labels = [label for label, _href in portal_nav(html)]
    # The county office has no 制度 column and no reports: those entries are left out.
    assert labels == ["政府信息公开指南", "法定主动公开内容", "依申请公开"]
    assert f'<a href="{guide.url}" aria-current="true">政府信息公开指南</a>' in html
    assert f"?organisation={county.organisation_id}" in html
    report = AnnualReportPage.objects.live().filter(locale__language_code="zh-hans").first()
    html = client.get(report.url).content.decode()
    current = re.findall(r'aria-current="true">([^<]+)<', portal_nav_html(html))
    assert current == ["政府信息公开年报"]


def test_banner_shows_the_organisation_and_the_platform_with_a_drawn_mark(client):
    html = client.get("/").content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert '<span class="site-name">友谊县友谊镇人民政府</span>' in header
    assert '<span class="site-banner">政府信息公开平台</span>' in header
    assert '<svg class="site-brand__mark" aria-hidden="true"' in header
    assert "<img" not in header
    # The skeleton takes the search box's address from the search app's hook (site_search).
    assert '<form class="site-search" role="search" action="/search/"' in header


def test_home_page_offers_guide_catalogue_reports_application_and_search(client):
    root = DisclosureIndexPage.objects.get(slug="xxgk", locale__language_code="zh-hans")
    html = client.get("/").content.decode()
    start = html.index('class="portal-entries"')
    entries = html[start : html.index("</section>", start)]
    nav = dict(expected_nav(root))
    for label, key in (
        ("公开指南", "政府信息公开指南"),
        ("公开目录", "法定主动公开内容"),
        ("公开年报", "政府信息公开年报"),
        ("依申请公开", "依申请公开"),
    ):
        assert f'<a href="{nav[key]}"><strong>{label}</strong>' in entries
    assert f'action="{reverse("search")}"' in entries and 'name="q"' in entries


def test_demo_footer_shows_sample_identifiers_marked_as_samples(client):
    html = client.get("/").content.decode()
    assert "（待填写）" not in html
    ids = html[html.index('<p class="footer-ids">') :]
    for label in ("ICP 备案号", "公安备案号", "政府网站标识码"):
        assert re.search(label + r'：<strong class="footer-sample">示例：</strong>\S', ids), label
    # A made-up code is not announced to the crawlers that read SiteIDCode.
    assert 'name="SiteIDCode"' not in html


def test_real_registration_numbers_link_to_the_registries_that_record_them(client):
    footer = SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.icp_number = "黑ICP备05001234号-1"
    footer.public_security_number = "黑公网安备 23052202000123号"
    footer.identifiers_are_samples = False
    footer.save()
    ids = client.get("/").content.decode()
    ids = ids[ids.index('<p class="footer-ids">') :]
    assert (
        '<a href="https://beian.miit.gov.cn/" rel="noopener" target="_blank">'
        "黑ICP备05001234号-1</a>" in ids
    )
    assert (
        '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=23052202000123" rel="noopener"'
        ' target="_blank">黑公网安备 23052202000123号</a>'
    ) in ids


def test_sample_registration_numbers_link_nowhere(client):
    ids = client.get("/").content.decode()
    ids = ids[ids.index('<p class="footer-ids">') : ids.index("</footer>")]
    assert "beian" not in ids


def test_a_site_without_identifiers_shows_no_placeholders(client):
    footer = SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.icp_number = footer.public_security_number = footer.site_id_code = ""
    footer.save()
    html = client.get("/").content.decode()
    assert "（待填写）" not in html and "footer-ids" not in html


def test_guide_explains_an_example_index_number_instead_of_the_pattern(client):
    guide = DisclosureGuidePage.objects.get(
        slug="guide", locale__language_code="zh-hans", url_path__startswith="/home/xxgk/"
    )
    html = client.get(guide.url).content.decode()
    assert "{code}" not in html and "serial" not in html and "05d" not in html
    organisation = guide.disclosure_root().organisation
    number = re.search(r'<strong class="index-example">([^<]+)</strong>', html)[1]
    code = organisation.code
    assert re.fullmatch(re.escape(code) + r"/20\d\d-00001", number)
    assert f"“{code}”是本机关的统一社会信用代码" in html
    assert "是信息发布的年份" in html
    assert "“00001”是本机关当年发布信息的顺序号" in html


@pytest.mark.parametrize("path", ["/", "/search/?q=垃圾"])
def test_pages_have_a_description_and_an_icon(client, path):
    html = client.get(path).content.decode()
    description = re.search(r'<meta name="description" content="([^"]+)">', html)
    assert description and "政府信息公开" in description[1]
    # Without it, browsers ask for /favicon.ico and log a 404 (a Lighthouse best-practice).
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html)[1]
    assert icon == static("img/mark.svg") and finders.find("img/mark.svg")
