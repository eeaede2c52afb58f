"""What a visitor sees: lang attributes, the language switcher, hreflang, per-locale search."""

import re

from tests.factories import publish_fixture

from .helpers import translate


def test_chinese_page_names_its_language_and_says_english_is_missing(client, document):
    html = client.get(document.url).content.decode()
    assert '<html lang="zh-Hans"' in html
    assert 'hreflang="zh-Hans"' in html
    assert 'rel="alternate" hreflang="en"' not in html
    assert "本页暂无英语版本" in html
    assert 'href="/en/"' in html  # the notice leads to the English home page


def test_switcher_and_hreflang_lead_to_the_translation(client, document):
    english = translate(document)
    html = client.get(document.url).content.decode()
    assert f'hreflang="en" href="http://localhost{english.url}"' in html
    link = rf'<a href="{re.escape(english.url)}" lang="en" hreflang="en">English</a>'
    assert re.search(link, html)

    english_html = client.get(english.url).content.decode()
    assert english.url.startswith("/en/")
    assert '<html lang="en"' in english_html
    back = f'<a href="{document.url}" lang="zh-Hans" hreflang="zh-Hans">简体中文</a>'
    assert back in english_html
    assert document.index_number in english_html


def test_search_is_per_language(client, document):
    english = translate(document)
    english.title = "Notice on waste sorting"
    publish_fixture(english)

    chinese = client.get("/search/", {"q": "垃圾分类"}).content.decode()
    assert "关于做好<mark>垃圾分类</mark>工作的通知" in chinese or "垃圾分类工作的通知" in chinese
    assert "Notice on waste sorting" not in chinese

    results = client.get("/en/search/", {"q": "waste"}).content.decode()
    assert "Notice on" in results
    assert "关于做好" not in results


def test_search_page_switcher_keeps_the_query(client, db):
    html = client.get("/search/", {"q": "预算"}).content.decode()
    assert 'href="/en/search/?q=%E9%A2%84%E7%AE%97"' in html


def alternate_links(html):
    """The hreflang links of the page's head and its language switcher."""
    head = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
    switcher = re.findall(r'<a href="([^"]+)" lang="[^"]+" hreflang="([^"]+)">', html)
    return head, switcher


def test_a_query_sent_unencoded_is_linked_as_one_sent_encoded(client, db):
    """A client sending ?q=公开 as raw UTF-8 bytes (the WSGI server hands Django its query
    string decoded as Latin-1) had the other languages' links re-encode each byte:
    /en/search/?q=%C3%A5%C2%85%C2%AC…, a search for mojibake."""
    raw = "q=公开&year=2023".encode().decode("latin-1")
    unencoded = client.get("/search/", QUERY_STRING=raw).content.decode()
    encoded = client.get("/search/", {"q": "公开", "year": "2023"}).content.decode()
    head, switcher = alternate_links(unencoded)
    assert (head, switcher) == alternate_links(encoded)
    assert ("en", "http://localhost/en/search/?q=%E5%85%AC%E5%BC%80&amp;year=2023") in head
    assert ("/en/search/?q=%E5%85%AC%E5%BC%80&amp;year=2023", "en") in switcher
    # A percent-encoded query is not encoded twice (%25E5…).
    assert "%25" not in "".join(url for _tag, url in head)
