"""Words citizens type that the thesaurus must read: 资讯 (資訊 converted per character, the
Taiwan/Hong Kong word for 信息) and 低报 (a common mistyping of 低保); and the results page
explains the extra words in the page's own language."""

import pytest
from wagtail.models import Locale, Page

from disclosure.catalogue.tests.factories import CategoryPageFactory
from search.query import expand


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


@pytest.mark.django_db
def test_the_also_searched_hint_speaks_the_pages_language(client, corpus):
    chinese = client.get("/search/", {"q": "低保"}).content.decode()
    assert "同时搜索了：最低生活保障、低报" in chinese
    english_page = CategoryPageFactory(
        parent=corpus["guide"], title="Subsistence allowance", intro="<p>最低生活保障 guide.</p>"
    )
    Page.objects.filter(pk=english_page.pk).update(locale=Locale.objects.get(language_code="en"))
    english = client.get("/en/search/", {"q": "低保"})
    assert titles(english) == ["Subsistence allowance"]
    html = english.content.decode()
    assert "Also searched for: 最低生活保障, 低报" in html
    assert "、" not in html[html.index("search-also") :].split("</p>")[0]
