"""Words citizens type that the thesaurus must read: 资讯 (資訊 converted per character, the
Taiwan/Hong Kong word for 信息) and 低报 (a common mistyping of 低保); and the results page
explains the extra words in the page's own language."""

import pytest
from wagtail.models import Locale, Page

from disclosure.catalogue.tests.factories import CategoryPageFactory
from search.query import expand
from search.tests.factories import CORPUS_PER_MODULE

pytestmark = CORPUS_PER_MODULE


def titles(response):
    assert response.status_code == 200
    return [row["page"].title for row in response.context["rows"]]


@pytest.mark.django_db
def test_zixun_is_read_as_xinxi(client, corpus):
    assert "政府信息" in expand("政府资讯").alternatives[0]
    found = titles(client.get("/search/", {"q": "政府资讯"}))
    assert "友谊镇政府信息公开" in found


@pytest.mark.django_db
def test_dibao_mistyped_finds_the_dibao_pages(client, corpus):
    found = titles(client.get("/search/", {"q": "低报"}))
    assert {"低保申请须知", "申请指南"} <= set(found)


def also_searched(html):
    return html[html.index('<p class="search-also">') :].split("</p>")[0]


@pytest.mark.django_db
def test_a_mistyping_is_searched_but_never_named_as_a_word_searched(client, corpus):
    chinese = client.get("/search/", {"q": "低保"}).content.decode()
    assert also_searched(chinese).endswith("同时搜索了：最低生活保障")
    assert "低报" in expand("低保").alternatives[0]  # pages that mistype it are still found
    mistyped = client.get("/search/", {"q": "低报"}).content.decode()
    assert also_searched(mistyped).endswith("同时搜索了：低保、最低生活保障")


@pytest.mark.django_db
def test_a_mistyping_inside_a_longer_word_is_not_named_either(client, corpus):
    """低保申请 is searched as 最低生活保障申请 and 低报申请 too; the results page named both,
    and 低报 (under-reporting) is not what the visitor meant."""
    assert "低报申请" in expand("低保申请").alternatives[0]
    html = client.get("/search/", {"q": "低保申请"}).content.decode()
    assert also_searched(html).endswith("同时搜索了：最低生活保障申请")


@pytest.mark.django_db
def test_nianbao_finds_the_annual_reports(client, corpus):
    """The portal's navigation says 政府信息公开年报; 年报 and 年度报告 found no report."""
    CategoryPageFactory(
        parent=Page.objects.get(title="友谊镇政府信息公开"),
        title="友谊镇2023年政府信息公开工作年度报告",
        intro="<p>本报告依据《中华人民共和国政府信息公开条例》编制。</p>",
    )
    for typed in ("年报", "年度报告", "2023年报"):
        assert "友谊镇2023年政府信息公开工作年度报告" in titles(
            client.get("/search/", {"q": typed})
        ), typed


@pytest.mark.django_db
def test_a_mistyping_is_never_offered_as_did_you_mean(client, corpus):
    from search.did_you_mean import did_you_mean
    from search.views import public_pages

    assert "低报" not in did_you_mean(public_pages(), "低宝")


@pytest.mark.django_db
def test_the_also_searched_hint_speaks_the_pages_language(client, corpus):
    english_page = CategoryPageFactory(
        parent=corpus["guide"], title="Subsistence allowance", intro="<p>最低生活保障 guide.</p>"
    )
    Page.objects.filter(pk=english_page.pk).update(locale=Locale.objects.get(language_code="en"))
    english = client.get("/en/search/", {"q": "低保"})
    assert titles(english) == ["Subsistence allowance"]
    html = english.content.decode()
    assert also_searched(html).endswith("Also searched for: 最低生活保障")
    assert "、" not in html[html.index("search-also") :].split("</p>")[0]


@pytest.mark.django_db
def test_an_english_search_that_finds_nothing_points_to_the_same_words_in_chinese(client, corpus):
    Locale.objects.get_or_create(language_code="en")
    english = client.get("/en/search/", {"q": "最低生活保障"})
    assert titles(english) == []
    assert 'href="/search/?q=%E6%9C%80%E4%BD%8E%E7%94%9F%E6%B4%BB%E4%BF%9D%E9%9A%9C"' in (
        english.content.decode()
    )
    chinese = client.get("/search/", {"q": "不存在的词语甲乙"}).content.decode()
    assert 'href="/search/?q=' not in chinese.split('class="search-empty"')[1]
