"""The text a search result's snippet is cut from: the page's description, summary, intro and
body as a reader sees them, kept per published version of the page.

Building it reads every block of a StreamField: an annual report's statutory tables, hundreds
of cells, cost more than the rest of its result row, on every search that lists it. A page's
text changes only when a new version is published, so it is kept in each process under the
page's live revision (and the site's token, `page_cache.remember_while_site_unchanged`)."""

from django.utils import translation
from wagtail.blocks import StreamValue

from gongkai.page_cache import ProcessMemo, remember_while_site_unchanged
from search import highlight

TEXT_FIELDS = ("search_description", "summary", "intro", "body")
# Result rows are 10 a page; a report's text is tens of kB.
KEPT = 256
_kept = ProcessMemo(KEPT)


def content_text(value):
    """A field's content as text for a snippet. A StreamField gives what its blocks hold, as
    the index reads it: rendered, it would bring its templates' own words (a report table's
    "（可左右滑动查看）" hint, its captions' visually hidden labels) into the snippet."""
    if isinstance(value, StreamValue):
        return " ".join(str(text) for text in value.stream_block.get_searchable_content(value))
    return str(value or "")


def page_text(page) -> str:
    return highlight.plain_text(
        " ".join(content_text(getattr(page, name, None)) for name in TEXT_FIELDS)
    )


def result_text(request, page) -> str:
    """page_text(page), computed once per published version while the site is unchanged."""
    if page.live_revision_id is None:  # a page published without a revision: nothing to key on
        return page_text(page)
    version = (page.pk, page.live_revision_id, page.last_published_at, translation.get_language())
    return remember_while_site_unchanged(
        request, ("result-text", *version), lambda: page_text(page), memo=_kept
    )
