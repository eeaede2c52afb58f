"""The text under a search result is read from the page once per published version: an annual
report's tables, hundreds of cells, were read block by block on every search that listed it."""

import re

import pytest
from wagtail.blocks import StreamBlock

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.moderation.publishing.publication import sanctioned_publication
from disclosure.reports.tests.factories import make_index, make_report

pytestmark = pytest.mark.django_db


def published(page):
    with sanctioned_publication("test: a new version"):
        page.save_revision().publish()


def snippets(client, words):
    html = client.get("/search/", {"q": words}).content.decode()
    return re.findall(r'<p class="search-snippet">(.*?)</p>', html, flags=re.S)


@pytest.fixture
def blocks_read(monkeypatch):
    read = []
    searchable = StreamBlock.get_searchable_content

    def counted(self, value):
        read.append(value)
        return searchable(self, value)

    monkeypatch.setattr(StreamBlock, "get_searchable_content", counted)
    return read


def test_a_report_listed_again_is_not_read_block_by_block_again(client, blocks_read):
    report = make_report(make_index(), 2023)
    published(report)
    first = snippets(client, "政府信息公开")
    assert first and blocks_read
    blocks_read.clear()
    assert snippets(client, "政府信息公开") == first
    assert not blocks_read


def test_a_new_version_shows_its_own_text_at_once(client, corpus):
    item = DisclosureDocumentPageFactory(
        parent=corpus["budget"],
        title="危房改造公示",
        body=[("paragraph", "<p>第一批名单公示。</p>")],
    )
    published(item)
    assert any("第一批" in text for text in snippets(client, "危房改造"))
    item.body = [("paragraph", "<p>第二批名单公示。</p>")]
    published(item)
    shown = snippets(client, "危房改造")
    assert any("第二批" in text for text in shown) and not any("第一批" in t for t in shown)
