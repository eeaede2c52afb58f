"""A page is indexed in its own language (`common.in_its_language`): an English annual report's
section headings are translated labels (disclosure/reports/blocks.py, `Section`), shown in
English on the page. Indexed in the indexing process's language, Chinese, they made
/en/search/?q=公开 find the English report, whose page shows no 公开."""

import pytest
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from disclosure.reports.filling.page_body import report_body
from disclosure.reports.tests.factories import AnnualReportPageFactory, make_index
from search.engine import INDEX_SETTINGS
from tests.factories import publish_fixture

pytestmark = pytest.mark.django_db

ENGLISH_TEXT = {key: f"<p>Section {key} of the year.</p>" for key in "123456"}


@pytest.fixture
def english_report(db):
    """A report translated into English, its sections' text written in English."""
    from gongkai.languages.tests.helpers import translate

    Locale.objects.get_or_create(language_code="en")
    report = AnnualReportPageFactory(parent=make_index(), year=2022)
    english = translate(report, "en")
    english.title = "Annual report 2022"
    english.body = report_body(ENGLISH_TEXT, {})
    return publish_fixture(english)  # reindexed as the English page it is


def titles(response):
    return [row["page"].title for row in response.context["rows"]]


def test_an_english_report_is_found_by_its_english_headings_only(client, english_report):
    shown = client.get(english_report.url).content.decode()
    assert "Information disclosed on the government’s initiative" in shown
    assert "主动公开" not in shown
    assert titles(client.get("/en/search/", {"q": "initiative"})) == ["Annual report 2022"]
    # (The copies of its parents, untranslated, show 公开 in their titles.)
    nothing = client.get("/en/search/", {"q": "公开"})
    assert "Annual report 2022" not in titles(nothing)
    # It offers the Chinese pages.
    assert 'href="/search/?q=%E5%85%AC%E5%BC%80" hreflang="zh-Hans"' in nothing.content.decode()


def test_the_english_search_offers_the_chinese_pages_beside_its_results(client, english_report):
    html = client.get("/en/search/", {"q": "initiative"}).content.decode()
    assert '<p class="search-source-language"><a href="/search/?q=initiative"' in html
    # Not on the Chinese site itself.
    assert "search-source-language" not in client.get("/search/", {"q": "公开"}).content.decode()


def test_the_engines_receive_the_english_headings(english_report):
    from search.backends.elasticsearch8 import ChineseElasticsearch8Mapping

    get_search_backend(
        "search.backends.elasticsearch8",
        URLS=["http://127.0.0.1:9"],
        INDEX_PREFIX="gk_",
        INDEX_SETTINGS=INDEX_SETTINGS,
    )
    document = ChineseElasticsearch8Mapping(type(english_report)).get_document(english_report)
    text = str(document)
    assert "initiative" in text and "主动公开" not in text
