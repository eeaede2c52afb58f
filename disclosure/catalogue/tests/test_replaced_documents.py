"""An abolished or expired document stays published, marked as such, and sends the reader on
to the document that replaced it (《政府网站发展指引》); its dates are given in one bracket."""

import datetime

import pytest
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


def day(text):
    return datetime.date.fromisoformat(text)


def test_an_abolished_document_links_its_replacement(client, make_document):
    new = make_document(title="燃气安全管理办法", doc_number="友政规〔2022〕1号")
    old = make_document(
        title="燃气安全管理暂行办法",
        validity="abolished",
        effective_on=day("2019-06-01"),
        abolished_on=day("2021-12-31"),
        replaced_by=new,
    )
    html = client.get(old.url).content.decode()
    banner = html[
        html.index('class="validity-banner') : html.index("</div>", html.index("validity-banner"))
    ]
    assert f'替代文件：<a href="{new.url}">燃气安全管理办法</a>（友政规〔2022〕1号）' in banner


def test_a_replacement_not_published_is_not_named(client, make_document):
    draft = make_document(title="尚未发布的新办法")
    draft.unpublish()
    old = make_document(validity="abolished", abolished_on=day("2021-12-31"), replaced_by=draft)
    html = client.get(old.url).content.decode()
    assert "尚未发布的新办法" not in html and "替代文件" not in html


def test_the_validity_dates_sit_in_one_bracket(client, make_document):
    old = make_document(
        validity="abolished", effective_on=day("2019-06-01"), abolished_on=day("2021-12-31")
    )
    html = client.get(old.url).content.decode()
    assert "）（" not in html and "（（" not in html and "））" not in html
    assert (
        '废止（实施日期：<time datetime="2019-06-01">2019-06-01</time>；'
        '废止日期：<time datetime="2021-12-31">2021-12-31</time>）'
    ) in html


def test_a_document_in_force_has_no_replacement(make_document):
    new = make_document(title="新办法")
    page = make_document(title="仍然有效的办法")
    page.replaced_by = new
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert "replaced_by" in raised.value.message_dict
