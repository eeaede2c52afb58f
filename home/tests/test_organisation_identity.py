"""Whose name a public page carries (F19): one site may serve several offices (the demo: a
township and the county government's office). A page in an organisation's disclosure section
shows that organisation in its banner, `<title>` and footer; pages outside every section, and
those of the organisation the site's settings speak for, keep the site's."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from disclosure.catalogue.models import DisclosureIndexPage
from gongkai.page_cache import page_cache
from home.models import SiteFooterSettings
from home.tests.english import english_demo
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE

TOWNSHIP = "友谊县友谊镇人民政府"
COUNTY = "友谊县人民政府办公室"
TOWNSHIP_OFFICE = "友谊县友谊镇人民政府综合办公室"


def banner_name(html):
    return re.search(r'<span class="site-name">([^<]*)</span>', html)[1]


def title_of(html):
    return re.search(r"<title>([^<]*)</title>", html)[1]


def footer_of(html):
    return html[html.index('<footer class="site-footer">') :]


def footer_fact(html, label):
    found = re.search(rf"<dt>{label}</dt><dd>([^<]*)", footer_of(html))
    return found[1] if found else None


def county_root():
    return DisclosureIndexPage.objects.get(
        organisation__name=COUNTY, locale__language_code="zh-hans"
    )


def county_pages():
    root = county_root()
    item = Page.objects.live().descendant_of(root).filter(depth=root.depth + 2).first()
    column = Page.objects.live().child_of(root).first()
    return [root.url, column.url, item.url]


def test_a_county_office_page_carries_the_county_office_identity(client):
    for url in county_pages():
        html = client.get(url).content.decode()
        assert banner_name(html) == COUNTY, url
        assert title_of(html).endswith(f" - {COUNTY}") or title_of(html).startswith(COUNTY), url
        assert footer_fact(html, "主办单位") == COUNTY, url
        assert footer_fact(html, "地址") == "友谊县", url
        # Nothing of the township's: neither its name, nor its office, nor its phone.
        assert TOWNSHIP not in footer_of(html) and TOWNSHIP_OFFICE not in html, url
        assert "0469-5818672" not in footer_of(html), url
        assert TOWNSHIP not in title_of(html), url
        # The site's registration numbers are the website's, whoever's page it serves.
        assert "黑ICP备00000000号" in footer_of(html), url
        # The banner leads to the office's own section.
        assert re.search(rf'<a class="site-brand" href="{county_root().url}">', html), url


def test_the_application_form_addressed_to_the_county_office_carries_its_identity(client):
    county = county_root()
    html = client.get(f"/apply/?organisation={county.organisation_id}").content.decode()
    assert banner_name(html) == COUNTY
    assert footer_fact(html, "主办单位") == COUNTY
    assert "0469-5818672" not in footer_of(html) and TOWNSHIP_OFFICE not in html
    # Sent back with an error, it is still addressed to the county office.
    html = client.post("/apply/", {"organisation": county.organisation_id}).content.decode()
    assert banner_name(html) == COUNTY


def test_township_pages_and_pages_outside_every_section_keep_the_site_identity(client):
    township_item = Page.objects.get(url_path="/home/xxgk/service-guides/dibao/")
    for url in ["/", "/xxgk/", township_item.url, "/search/?q=低保", "/apply/"]:
        html = client.get(url).content.decode()
        assert banner_name(html) == TOWNSHIP, url
        assert footer_fact(html, "主办单位") == TOWNSHIP, url
        assert footer_fact(html, "承办单位") == TOWNSHIP_OFFICE, url
        assert COUNTY not in footer_of(html), url


def test_the_site_organisation_keeps_the_site_identity_under_another_spelling(client):
    """Settings that name the site's own organisation differently from its record (友谊镇人民政府
    for 友谊县友谊镇人民政府) still speak for it: the home page's organisation is the site's."""
    footer = SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.sponsor = "友谊镇人民政府"
    footer.save()
    try:
        html = client.get("/xxgk/").content.decode()
        assert banner_name(html) == "友谊镇人民政府"
        assert footer_fact(html, "承办单位") == TOWNSHIP_OFFICE
        assert banner_name(client.get(county_root().url).content.decode()) == COUNTY
    finally:
        footer.sponsor = TOWNSHIP
        footer.save()


def queries_of(client, url):
    client.get(url)  # per-process caches warm
    page_cache().clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_an_office_identity_costs_at_most_one_query(client):
    """Measured against the same page when the settings name the county office (its identity
    is then the site's and costs nothing): at most one more query (whose home page the office's
    section hangs under), on an item and a column."""
    footer = SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    for url in county_pages()[1:]:
        footer.sponsor = COUNTY
        footer.save()
        try:
            as_site = queries_of(client, url)
        finally:
            footer.sponsor = TOWNSHIP
            footer.save()
        assert queries_of(client, url) <= as_site + 1, url


def test_the_identity_follows_the_page_not_the_previous_request(client):
    """The page cache and the per-request memo never hand one office's banner to another."""
    county_url = county_pages()[0]
    assert banner_name(client.get(county_url).content.decode()) == COUNTY
    assert banner_name(client.get("/xxgk/").content.decode()) == TOWNSHIP
    assert banner_name(client.get(county_url).content.decode()) == COUNTY


TOWNSHIP_EN = "Youyi Township People’s Government, Youyi County"


def test_english_pages_name_the_organisation_in_english_and_chinese_pages_in_chinese(client):
    from disclosure.catalogue.models import Organisation

    Organisation.objects.filter(name=TOWNSHIP).update(name_en=TOWNSHIP_EN)
    page_cache().clear()
    english_root = english_demo()
    for url in ["/en/", english_root.url]:
        html = client.get(url).content.decode()
        assert banner_name(html) == TOWNSHIP_EN, url
        assert title_of(html).endswith(TOWNSHIP_EN), url
        assert TOWNSHIP_EN in footer_of(html) and TOWNSHIP not in title_of(html), url
    results = client.get("/en/search/", {"q": "guide"})
    rows = [row for row in results.context["rows"] if row["organisation"]]
    assert rows and f"<span>{TOWNSHIP_EN}</span>" in results.content.decode()
    chinese = client.get("/").content.decode()
    assert banner_name(chinese) == TOWNSHIP and TOWNSHIP_EN not in chinese
    # An organisation without an English name keeps its Chinese one.
    Organisation.objects.filter(name=TOWNSHIP).update(name_en="")
    page_cache().clear()
    assert banner_name(client.get("/en/").content.decode()) == TOWNSHIP


def test_the_english_guide_and_application_pages_name_the_organisation_in_english(client):
    from disclosure.catalogue.models import Organisation

    Organisation.objects.filter(name=TOWNSHIP).update(name_en=TOWNSHIP_EN)
    page_cache().clear()
    english_root = english_demo()
    guide = client.get(f"{english_root.url}guide/")
    assert guide.status_code == 200
    assert TOWNSHIP_EN in guide.content.decode()
    assert TOWNSHIP not in guide.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    form = client.get("/en/apply/").content.decode()
    assert f">{TOWNSHIP_EN}</option>" in form and f">{TOWNSHIP}</option>" not in form
    assert f">{TOWNSHIP}</option>" in client.get("/apply/").content.decode()


def test_an_address_not_found_in_the_county_office_s_section_carries_its_identity(client):
    root, column, _item = county_pages()
    for missing in (f"{column}no-such-item/", f"{root}no-such-column/x/y/"):
        response = client.get(missing)
        assert response.status_code == 404, missing
        html = response.content.decode()
        assert banner_name(html) == COUNTY, missing
        assert footer_fact(html, "主办单位") == COUNTY, missing
        assert "0469-5818672" not in footer_of(html), missing
    # Outside every section: the site's.
    html = client.get("/no-such-section/").content.decode()
    assert banner_name(html) != COUNTY and footer_fact(html, "主办单位") != COUNTY
    # A section behind a password is not named by its missing addresses either.
    PageViewRestriction.objects.create(
        page=county_root(), restriction_type="password", password="x"
    )
    html = client.get(f"{column}no-such-item/").content.decode()
    assert banner_name(html) != COUNTY and COUNTY not in footer_of(html)
