"""An English alias of a Chinese column (翻译此页 with copy_parent_pages makes one for each
parent with no translation yet): the way to the translated item, but Chinese content under an
English address. It is not offered as a page of its own (gongkai/aliases.py)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from disclosure.moderation.models import WithdrawalRequest

from .helpers import review_role_users, translate


@pytest.fixture
def translated(township, document):
    english = translate(document)
    alias = Page.objects.get(locale__language_code="en", alias_of=township["column"])
    return {"item": english, "alias": alias, "column": township["column"]}


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_translating_an_item_makes_its_column_an_english_alias(translated):
    alias = translated["alias"]
    assert alias.live and alias.url == "/en/xxgk/notices/"
    assert alias.title == "政策信息"  # the Chinese column's title, under /en/


def test_the_sitemap_leaves_the_alias_out_and_lists_the_translation(client, translated):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "http://localhost/en/xxgk/notices/waste/</loc>" in sitemap
    assert "http://localhost/xxgk/notices/</loc>" in sitemap
    assert "http://localhost/en/xxgk/notices/</loc>" not in sitemap
    assert "http://localhost/en/</loc>" not in sitemap  # the home page's alias, too


def test_the_chinese_column_gives_no_english_alternate(client, translated):
    html = client.get(translated["column"].url).content.decode()
    assert alternates(html) == {
        "zh-Hans": "http://localhost/xxgk/notices/",
        "x-default": "http://localhost/xxgk/notices/",
    }
    assert 'rel="canonical"' not in html


def test_the_alias_names_its_source_as_canonical_and_marks_its_chinese(client, translated):
    html = client.get(translated["alias"].url).content.decode()
    assert '<html lang="en"' in html
    assert '<link rel="canonical" href="http://localhost/xxgk/notices/">' in html
    assert "http://localhost/en/xxgk/notices/" not in alternates(html).values()
    assert '<h1 lang="zh-Hans">政策信息</h1>' in html
    # the breadcrumb: the aliases of the home page and the disclosure root, then the column
    assert '<a href="/en/xxgk/" lang="zh-Hans">测试镇政府信息公开</a>' in html
    assert '<li aria-current="page" lang="zh-Hans">政策信息</li>' in html
    # it still leads to the translated item
    assert 'href="/en/xxgk/notices/waste/"' in html


def test_the_translated_item_keeps_its_alternates_and_marks_its_chinese_breadcrumb(
    client, translated
):
    html = client.get(translated["item"].url).content.decode()
    assert alternates(html)["en"] == "http://localhost/en/xxgk/notices/waste/"
    assert 'rel="canonical"' not in html
    assert '<a href="/en/xxgk/notices/" lang="zh-Hans">政策信息</a>' in html
    assert '<li aria-current="page">' in html  # the item is English content


def test_english_listings_name_the_alias_in_chinese(client, translated):
    root = client.get("/en/xxgk/").content.decode()
    assert '<a href="/en/xxgk/notices/" lang="zh-Hans">政策信息</a>' in root
    site_map = client.get("/en/sitemap/").content.decode()
    assert '<a href="/en/xxgk/notices/" lang="zh-Hans">政策信息</a>' in site_map
    chinese_site_map = client.get("/sitemap/").content.decode()
    assert '<a href="/xxgk/notices/">政策信息</a>' in chinese_site_map


def test_a_translated_column_is_no_alias_and_keeps_its_alternates(client, translated):
    column = translate(translated["column"])
    assert column.pk == translated["alias"].pk and column.alias_of_id is None
    html = client.get(column.url).content.decode()
    assert alternates(html)["en"] == "http://localhost/en/xxgk/notices/"
    assert 'rel="canonical"' not in html
    assert "<h1>政策信息</h1>" in html  # its translation kept the title: English content now
    assert "http://localhost/en/xxgk/notices/</loc>" in client.get("/sitemap.xml").content.decode()


def test_the_alias_offers_its_translation_only_to_who_may_submit_it(client, translated):
    """An office's editor opening the English column's alias is told who translates; the
    button she was offered led to a bare 没有权限 (try-out F10)."""
    edit = reverse("wagtailadmin_pages:edit", args=[translated["alias"].pk])
    submit = reverse("wagtail_localize:submit_page_translation", args=[translated["column"].pk])
    editor = review_role_users(translated["column"].get_parent().specific.organisation)["editors"]
    client.force_login(editor)
    shown = client.get(edit)
    assert shown.status_code == 200
    assert submit not in shown.text and "请联系本单位的网站管理员" in shown.text
    refused = client.get(submit)  # Wagtail's 没有权限: back to the dashboard
    assert refused.status_code == 302 and refused.url == "/admin/"

    translator = get_user_model().objects.create_superuser("translator", "t@example.cn", "x")
    client.force_login(translator)
    assert submit in client.get(edit).text


def result_links(html):
    return re.findall(r'<h3[^>]*>\s*<a href="([^"]+)"', html)


def test_english_search_finds_the_translation_and_not_the_alias(client, translated):
    # The alias's title is the Chinese column's: the English site's search does not offer it
    # as an English result; the Chinese search finds the column itself.
    english = client.get("/en/search/", {"q": "政策信息"}).content.decode()
    assert "/en/xxgk/notices/" not in result_links(english)
    chinese = client.get("/search/", {"q": "政策信息"}).content.decode()
    assert "/xxgk/notices/" in result_links(chinese)
    found = client.get("/en/search/", {"q": "垃圾分类"}).content.decode()
    assert result_links(found) == ["/en/xxgk/notices/waste/"]


def test_english_autocomplete_leaves_the_alias_out(client, translated):
    titles = client.get("/en/search/autocomplete/", {"q": "政策"}).json()["results"]
    assert [row["url"] for row in titles] == []
    titles = client.get("/search/autocomplete/", {"q": "政策"}).json()["results"]
    assert "/xxgk/notices/" in [row["url"] for row in titles]


def test_the_english_filters_still_choose_by_the_aliases(client, translated):
    root = Page.objects.get(locale__language_code="en", alias_of=translated["column"].get_parent())
    alias = translated["alias"]
    english = client.get(
        "/en/search/", {"q": "垃圾分类", "org": root.pk, "column": alias.pk}
    ).content.decode()
    assert f'<option value="{root.pk}" selected>' in english
    assert f'<option value="{alias.pk}" selected>' in english
    assert result_links(english) == ["/en/xxgk/notices/waste/"]


def test_the_head_names_the_site_address_whatever_host_was_typed(client, translated):
    # The sitemap's address (the Site's), not the one in the request: an office's site is also
    # reached by its IP address or an old domain, and search engines would be told those.
    html = client.get(translated["alias"].url, HTTP_HOST="10.1.2.3").content.decode()
    assert '<link rel="canonical" href="http://localhost/xxgk/notices/">' in html
    assert "10.1.2.3" not in "".join(alternates(html).values())


def test_an_english_alias_is_not_withdrawn_on_its_own(client, translated):
    # It has no content of its own: withdrawing it took the English item below it offline
    # while the leader read only the Chinese column's name.
    admin = get_user_model().objects.create_superuser("admin", "a@example.cn", "x")
    client.force_login(admin)
    url = reverse("moderation:request_withdrawal", args=[translated["alias"].pk])
    response = client.post(url, {"action": "unpublish", "reason": "测试"}, follow=True)
    assert "没有自己的内容，不能单独撤稿" in response.content.decode()
    assert not WithdrawalRequest.objects.exists()
    assert (
        client.get(
            reverse("moderation:request_withdrawal", args=[translated["item"].pk])
        ).status_code
        == 200
    )
