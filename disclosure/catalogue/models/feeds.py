"""RSS feeds: the newest items of one catalogue column, or of one organisation's catalogue.

Served at ``<column url>rss/`` and ``<organisation root url>rss/`` (routes on the pages), and
announced on those pages with ``<link rel="alternate">``. Like the listings, the item types'
rows are combined in one UNION so a feed costs a handful of queries whatever the number of types.
"""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Page, get_page_models

from gongkai.languages.publication_dates import publication_date

from ..visibility import public
from .items import ITEM_PAGE_MODELS
from .listing import attach_domains, union

FEED_SIZE = 30
# How many items the organisation's root lists under 最新公开.
LATEST_SIZE = 10


def newest_rows(scope, fields, limit):
    """(fields…) of the newest live, public items anywhere below `scope`: one UNION query."""
    querysets = [
        public(model.objects.descendant_of(scope)).order_by() for model in ITEM_PAGE_MODELS
    ]
    return union(querysets, *fields).order_by("-published_on", "-pk")[:limit]


@dataclass(frozen=True)
class LatestItem:
    title: str
    url: str
    published_on: datetime.date


def latest_links(scope, request, limit=LATEST_SIZE):
    """最新公开 on an organisation's root and on the home page: title, address and date of the
    newest items below `scope`, read in one query (the address comes from the row's url_path,
    as Wagtail's own does; no item is loaded), and of the annual reports and 指南 beside them
    (a new 年度报告 is news too), newest first as the feeds date them."""
    rows = newest_rows(scope, ("pk", "published_on", "title", "url_path"), limit)
    links = [
        LatestItem(title, Page(pk=pk, url_path=url_path).get_url(request), published_on)
        for pk, published_on, title, url_path in rows
    ]
    # Not the catalogue's own pages (an organisation's root, its 指南): they say where to look,
    # not what was published.
    frame = [model for model in get_page_models() if getattr(model, "frames_the_catalogue", 0)]
    links += [
        LatestItem(page.title, page.get_url(request), feed_day(page))
        for page in documents_beside_items(scope, limit, leave_out=frame)
    ]
    links.sort(key=lambda link: link.published_on, reverse=True)
    return links[:limit]


def latest_items(scope, limit=FEED_SIZE):
    """The newest live, public items anywhere below `scope`."""
    rows = newest_rows(scope, ("pk", "published_on"), limit)
    ids = [row[0] for row in rows]
    by_id = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    pages = [by_id[pk] for pk in ids if pk in by_id]
    attach_domains(pages)
    return pages


def documents_beside_items(scope, limit=FEED_SIZE, leave_out=()):
    """The newest public pages below `scope` that are neither items nor columns (nor of the
    types `leave_out`): the 指南 and the annual reports, which an English catalogue holds
    without any item."""
    columns = [model for model in get_page_models() if getattr(model, "is_catalogue_column", 0)]
    pages = public(Page.objects.descendant_of(scope)).not_type(
        *ITEM_PAGE_MODELS, *columns, *leave_out
    )
    return list(pages.order_by("-first_published_at", "-pk")[:limit])


def feed_day(page):
    """The day a feed dates an entry by: an item's 发布日期; any other page's first publication
    (its Chinese source's for a translation, as the page shows it)."""
    day = getattr(page, "published_on", None)
    if day is None:
        day = timezone.localdate(publication_date(page) or page.first_published_at)
    return day


# xml:lang of the feed, by the language of its page (RSS 2.0 `<language>` says the same).
FEED_LANGUAGE_TAGS = {"zh-hans": "zh-CN"}


class LanguageRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xml:lang": self.feed["language"]}


class CatalogueFeed(Feed):
    """Feed of the page given by the route; the page decides its scope and title."""

    feed_type = LanguageRssFeed

    def __init__(self, page, organisation):
        super().__init__()
        self.page = page
        self.organisation = organisation
        code = page.locale.language_code
        self.language = FEED_LANGUAGE_TAGS.get(code, code)

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def title(self, page):
        if page.specific_class.__name__ == "DisclosureIndexPage":
            return _("%(organisation)s · 政府信息公开") % {"organisation": self.publisher}
        return f"{self.publisher} · {page.title}"

    @property
    def publisher(self):
        """The organisation's name in the feed's language."""
        return getattr(self.organisation, "local_name", self.organisation)

    def link(self, page):
        return page.get_full_url(self.request)

    def description(self, page):
        return _("%(title)s的最新公开信息") % {"title": self.title(page)}

    def items(self, page):
        pages = latest_items(page) + documents_beside_items(page)
        pages.sort(key=lambda entry: (feed_day(entry), entry.pk), reverse=True)
        return pages[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers render a description as HTML; the summary is plain text, so whatever
        # markup an editor typed into it must arrive as text, never as live HTML.
        return escape(getattr(item, "summary", "") or item.search_description)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return getattr(item, "index_number", None) or item.get_full_url(self.request)

    def item_guid_is_permalink(self, item):
        return not getattr(item, "index_number", None)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(feed_day(item), datetime.time()))

    def item_author_name(self, item):
        return str(self.publisher)

    def item_categories(self, item):
        return [item.domain.local_name] if getattr(item, "domain_id", None) else []
