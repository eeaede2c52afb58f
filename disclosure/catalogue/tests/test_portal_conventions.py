"""What a citizen expects of the catalogue's public pages in the demo: the 文号 column of the
规范性文件 listing, the disclosure root's breadcrumb and 最新公开 list, the English feed in
English, budget tables with figures marked as demo figures, news in 工作动态, the header's
search placeholder."""

import re
import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from disclosure.catalogue.models import (
    BudgetPage,
    CategoryPage,
    DisclosureGuidePage,
    DisclosureIndexPage,
    PolicyDocumentPage,
    feeds,
)
from home.tests.english import english_demo
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE


def root(language="zh-hans"):
    return DisclosureIndexPage.objects.get(slug="xxgk", locale__language_code=language)


def column(slug):
    return CategoryPage.objects.child_of(root()).get(slug=slug)


def test_the_normative_documents_listing_has_a_document_number_column(client):
    html = client.get(column("policies").url).content.decode()
    head = html[html.index("<thead>") : html.index("</thead>")]
    assert '<th scope="col">文号</th>' in head
    assert head.index("标题") < head.index("文号") < head.index("索引号")
    for page in PolicyDocumentPage.objects.child_of(column("policies")).live():
        if page.doc_number:
            assert f'data-label="文号" class="item-list__doc-number">{page.doc_number}</td>' in html


def test_a_listing_without_document_numbers_has_no_empty_column(client):
    html = client.get(column("news").url).content.decode()
    assert '<th scope="col">文号</th>' not in html


def test_the_disclosure_root_has_a_breadcrumb(client):
    english_demo()
    for language, home in (("zh-hans", "/"), ("en", "/en/")):
        html = client.get(root(language).url).content.decode()
        crumb = re.search(r'<nav aria-label="[^"]+" class="breadcrumb">(.*?)</nav>', html, re.S)
        assert crumb, language
        assert f'<a href="{home}">' in crumb[1]
        assert f'<li aria-current="page">{root(language).title}</li>' in crumb[1]


def latest_disclosures(html):
    section = html[html.index('<section class="latest-disclosures"') :]
    section = section[: section.index("</section>")]
    assert '<h2 id="latest-disclosures-title">最新公开</h2>' in section
    return re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <time datetime="([^"]+)">', section)


def newest(scope, limit=10):
    """The newest items and the annual reports and 指南 beside them, as the feeds date them."""
    frame = [DisclosureIndexPage, DisclosureGuidePage]  # the catalogue's own pages: not news
    pages = feeds.latest_items(scope, limit) + feeds.documents_beside_items(
        scope, limit, leave_out=frame
    )
    pages.sort(key=feeds.feed_day, reverse=True)
    return [(page.url, page.title, str(feeds.feed_day(page))) for page in pages[:limit]]


def test_the_disclosure_root_lists_its_latest_disclosures_in_two_queries(client):
    expected = newest(root())
    assert len(expected) == 10
    html = client.get(root().url).content.decode()
    assert latest_disclosures(html) == expected
    assert f'<a href="{root().url}rss/" type="application/rss+xml">订阅（RSS）</a>' in html
    # Two queries read the list, however many item types and items: the items, then the
    # reports and 指南.
    page = root()
    request = client.get(page.url).wsgi_request
    page.get_url(request)  # the site's root paths, read once per request by every link
    with CaptureQueriesContext(connection) as queries:
        feeds.latest_links(page, request)
    assert len(queries) == 2, [q["sql"] for q in queries]


def test_the_home_page_lists_the_latest_disclosures_of_every_organisation(client):
    """A portal's home page leads with what was published last; ours had no such list, and the
    organisation's root left out a new 年度报告."""
    home = Site.objects.get(is_default_site=True).root_page
    listed = latest_disclosures(client.get("/").content.decode())
    assert listed == newest(home)
    assert any(title.endswith("年度报告") for _url, title, _day in listed), listed
    # Not the organisations' roots nor their 指南, which the demo dates today.
    frame = DisclosureIndexPage.objects.count() + DisclosureGuidePage.objects.count()
    assert frame and not any(
        title.endswith(("政府信息公开", "指南")) for _url, title, _day in listed
    ), listed


def test_the_english_feed_lists_the_english_pages_in_english(client):
    english = english_demo()
    response = client.get(f"{english.url}rss/")
    feed = ET.fromstring(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    channel = feed.find("channel")
    assert channel.findtext("language") == "en"
    assert not re.search(r"[\u4e00-\u9fff]", channel.findtext("title"))
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles, "the English feed is empty"
    assert any("Annual Report" in title for title in titles)
    assert all("/en/" in item.findtext("link") for item in channel.findall("item"))
    chinese = ET.fromstring(client.get(f"{root().url}rss/").content)
    assert chinese.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"


def test_demo_budgets_carry_figures_marked_as_demo_figures(client):
    for page in BudgetPage.objects.live():
        html = client.get(page.url).content.decode()
        table = html[html.index("<table", html.index('class="item-body')) :]
        table = table[: table.index("</table>")]
        assert "演示数据" in table, page.title
        cells = re.findall(r"<td[^>]*>\s*([^<]*?)\s*</td>", table)
        assert "—" not in cells and cells, page.title
        assert any(re.fullmatch(r"[\d,]+\.\d\d", cell) and cell != "0.00" for cell in cells)
        assert "演示数据" in html[: html.index("<table", html.index('class="item-body'))]


def test_demo_news_has_the_townships_work(client):
    html = client.get(column("news").url).content.decode()
    assert int(re.search(r"共 (\d+) 条", html)[1]) >= 5
    assert "政务公开业务培训" in html and "人居环境整治" in html


def test_the_header_search_box_says_what_it_searches(client):
    assert 'placeholder="搜索本站信息"' in client.get("/").content.decode()
    assert 'placeholder="Search this site"' in client.get("/en/").content.decode()
