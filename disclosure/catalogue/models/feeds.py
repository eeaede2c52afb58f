"""RSS feeds: the newest items of one catalogue column, or of one organisation's catalogue.

Served at ``<column url>rss/`` and ``<organisation root url>rss/`` (routes on the pages), and
announced on those pages with ``<link rel="alternate">``. Like the listings, the item types'
rows are combined in one UNION so a feed costs a handful of queries whatever the number of types.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..visibility import public
from .items import ITEM_PAGE_MODELS
from .listing import attach_domains, union

FEED_SIZE = 30


def latest_items(scope, limit=FEED_SIZE):
    """The newest live, public items anywhere below `scope`."""
    querysets = [
        public(model.objects.descendant_of(scope)).order_by() for model in ITEM_PAGE_MODELS
    ]
    rows = union(querysets, "pk", "published_on").order_by("-published_on", "-pk")[:limit]
    ids = [row[0] for row in rows]
    by_id = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    pages = [by_id[pk] for pk in ids if pk in by_id]
    attach_domains(pages)
    return pages


class ChineseRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xml:lang": "zh-CN"}


class CatalogueFeed(Feed):
    """Feed of the page given by the route; the page decides its scope and title."""

    feed_type = ChineseRssFeed

    def __init__(self, page, organisation):
        super().__init__()
        self.page = page
        self.organisation = organisation

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def title(self, page):
        if page.specific_class.__name__ == "DisclosureIndexPage":
            return _("%(organisation)s · 政府信息公开") % {"organisation": self.organisation}
        return f"{self.organisation} · {page.title}"

    def link(self, page):
        return page.get_full_url(self.request)

    def description(self, page):
        return _("%(title)s的最新公开信息") % {"title": self.title(page)}

    def items(self, page):
        return latest_items(page)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers render a description as HTML; the summary is plain text, so whatever
        # markup an editor typed into it must arrive as text, never as live HTML.
        return escape(item.summary)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.index_number or item.get_full_url(self.request)

    def item_guid_is_permalink(self, item):
        return not item.index_number

    def item_pubdate(self, item):
        day = item.published_on or timezone.localdate(item.first_published_at)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))

    def item_author_name(self, item):
        return str(self.organisation)

    def item_categories(self, item):
        return [item.domain.name] if item.domain_id else []
