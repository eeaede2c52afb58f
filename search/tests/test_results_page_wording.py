"""The results page's own words in both languages: counts in the singular, "Did you mean:"
followed by a space, a prompt when nothing was typed, and snippets of the page's content only
(never the words the page's templates add around it, such as the report tables' scroll hint)."""

import re

import pytest
from wagtail.models import Locale, Page

from disclosure.catalogue.tests.factories import CategoryPageFactory
from disclosure.reports.tests.factories import make_index, make_report
from gongkai.languages.tests.helpers import translate
from search.tests.factories import CORPUS_PER_MODULE

pytestmark = CORPUS_PER_MODULE


def english(page):
    Page.objects.filter(pk=page.pk).update(locale=Locale.objects.get(language_code="en"))


def heading(html):
    return re.search(r'<h2 id="results-heading">([^<]*)</h2>', html)[1]


def test_one_result_is_counted_in_the_singular(client, corpus):
    page = CategoryPageFactory(
        parent=corpus["guide"], title="Subsistence allowance", intro="<p>最低生活保障 guide.</p>"
    )
    english(page)
    assert heading(client.get("/en/search/", {"q": "Subsistence"}).content.decode()) == (
        "1 result found"
    )
    assert heading(client.get("/search/", {"q": "请携带身份证"}).content.decode()) == (
        "共找到 1 条结果"
    )


def test_did_you_mean_is_followed_by_a_space_in_english(client, corpus):
    translate(corpus["dibao_title"], "en")
    html = client.get("/en/search/", {"q": "低保申清"}).content.decode()
    offer = html[html.index('<p class="search-did-you-mean">') :].split("</p>")[0]
    assert "Did you mean: <a" in offer
    chinese = client.get("/search/", {"q": "低保申清"}).content.decode()
    assert "您是不是要找：<a" in chinese


@pytest.mark.parametrize(
    "url, prompt",
    [
        ("/search/", "请在上面的搜索框中输入要查找的词语"),
        ("/en/search/", "Type the words you are looking for in the box above"),
    ],
)
def test_an_empty_search_says_what_to_type(client, corpus, url, prompt):
    Locale.objects.get_or_create(language_code="en")
    for params in ({}, {"q": ""}, {"q": "   "}):
        html = client.get(url, params).content.decode()
        assert '<p class="search-prompt">' in html and prompt in html, params
    # A search, or a filter chosen, shows what it found instead.
    assert "search-prompt" not in client.get(url, {"q": "低保"}).content.decode()


def test_a_reports_snippet_is_its_text_not_the_table_hint(client):
    report = make_report(make_index(), 2023)
    html = client.get("/search/", {"q": "政府信息公开"}).content.decode()
    assert f'href="{report.url}"' in html
    snippets = re.findall(r'<p class="search-snippet">(.*?)</p>', html, flags=re.S)
    assert snippets
    for snippet in snippets:
        assert "滑动" not in snippet and "查看" not in snippet, snippet
