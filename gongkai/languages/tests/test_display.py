"""The 适老化 display switch without JavaScript: the query string sets the mode."""

import pytest

from gongkai.languages.display import TEXT_STEPS, Display


def test_at_least_three_larger_text_steps():
    assert len(TEXT_STEPS) >= 4  # normal and three larger steps


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ""),
        ({"text": "2"}, "text-2"),
        ({"text": "3", "contrast": "1"}, "text-3 contrast"),
        ({"text": "9"}, ""),
        ({"text": "x", "contrast": "yes"}, ""),
    ],
)
def test_mode_from_query(query, expected):
    assert Display.from_query(query).html_class == expected


def test_switch_on_every_page_keeps_other_parameters(client, db):
    html = client.get("/search/", {"q": "预算", "text": "2", "contrast": "1"}).content.decode()
    assert '<html lang="zh-Hans" class="text-2 contrast">' in html
    assert 'href="?q=%E9%A2%84%E7%AE%97&amp;text=3&amp;contrast=1" data-text="3"' in html
    assert 'data-text="2" aria-current="true"' in html
    # the contrast link turns it off again
    assert 'href="?q=%E9%A2%84%E7%AE%97&amp;text=2&amp;contrast=0" data-contrast-toggle' in html
    assert "Set-Cookie" not in str(client.get("/search/", {"text": "1"}).headers)


def test_page_landmarks_and_skip_link(client, document):
    html = client.get(document.url).content.decode()
    assert html.count("<h1") == 1
    assert '<a class="skip-link" href="#main">' in html
    for landmark in ('<header class="site-header">', '<main id="main"', "<footer", "<nav"):
        assert landmark in html
