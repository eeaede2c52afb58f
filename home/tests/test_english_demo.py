"""`make run` loads the English demo pages; a demo page without English stops it."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Site

from disclosure.catalogue.models import DisclosureIndexPage
from home.demo_translation import load_english_demo
from tests.factories import publishing_as_fixture

pytestmark = pytest.mark.django_db


def test_every_english_demo_page_is_made_and_live(demo):
    home = Site.objects.get(is_default_site=True).root_page.specific
    township_root = DisclosureIndexPage.objects.get(slug="xxgk", locale=Locale.get_default())
    admin = get_user_model().objects.get(username="admin")

    # Inside load_demo, which publishes the demo outside review.
    with publishing_as_fixture():
        translations = load_english_demo(home, township_root, admin)

    english = Locale.objects.get(language_code="en")
    assert translations and all(page.locale == english and page.live for page in translations)
    titles = {page.title for page in translations}
    assert (
        "Guide to government information disclosure of the Youyi Township People’s Government"
        in titles
    )


def test_english_demo_report_shows_and_lists_the_chinese_reports_date(demo, client):
    import xml.etree.ElementTree as ET

    from disclosure.reports.models import AnnualReportPage

    home = Site.objects.get(is_default_site=True).root_page.specific
    township_root = DisclosureIndexPage.objects.get(slug="xxgk", locale=Locale.get_default())
    admin = get_user_model().objects.get(username="admin")
    with publishing_as_fixture():
        load_english_demo(home, township_root, admin)

    chinese = AnnualReportPage.objects.get(year=2022, locale=Locale.get_default())
    english = AnnualReportPage.objects.get(year=2022, locale__language_code="en")
    published = f"{chinese.first_published_at:%Y-%m-%d}"
    assert published == "2023-01-18"  # the demo's backdated 发布日期, not the day it was loaded
    html = client.get(english.url).content.decode()
    assert f'class="annual-report__published" datetime="{published}"' in html
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    lastmod = {u.findtext(f"{ns}loc"): u.findtext(f"{ns}lastmod") for u in sitemap}
    # Every English page is listed (Wagtail's sitemap listed the Chinese tree only), the
    # report with its source's publication as lastmod, not the day the demo was loaded.
    assert lastmod[english.get_full_url()].startswith(published)
    assert lastmod[english.get_parent().get_full_url()]
