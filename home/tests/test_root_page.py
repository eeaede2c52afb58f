"""The tree's root page, which the page explorer shows every editor, has a Chinese title."""

from wagtail.models import Page


def test_root_page_title_is_chinese(db):
    root = Page.objects.get(depth=1)
    assert (root.title, root.draft_title) == ("根目录", "根目录")
