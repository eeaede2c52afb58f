""" "您可以试试": what a search page offers after a search that found nothing.

Only text the site vouches for is shown to everyone: the administrators' list
(SearchSuggestion) and visitors' searches that found public pages (AnsweredQuery), both
checked against the sensitive-word list and capped. A search that found nothing is never
offered, however often it was typed: otherwise anyone could publish a line of text
("诈骗电话请拨打…") on every no-result page by searching for it forty times.
"""

import re

from django.conf import settings
from wagtail import hooks
from wagtail.contrib.search_promotions.models import Query

from search.models import SearchSuggestion

LIMIT = 8
# The Wagtail hook through which the apps that judge content drop suggestions: each function
# registered under it takes the candidate texts, in order, and returns those that may be shown
# (moderation drops those on its sensitive-word list). Search itself knows no such list.
FILTER_SEARCH_SUGGESTIONS = "filter_search_suggestions"
# A visitor's search is offered to others only when it is made of words: Chinese characters,
# letters and digits, with at least one Chinese character or letter. The search ignores
# symbols, so "★★★ 公开" found pages and would have carried its decoration onto every
# no-result page; "-1" or "%00" found pages too.
WORDS_ONLY = re.compile(r"^(?=.*[^\W\d_])[^\W_]+(?: [^\W_]+)*$")
# …and only once several searches found pages with it (settings.GONGKAI_SUGGESTION_MIN_HITS).
# Popular answered searches read to fill the list, before the sensitive-word check drops some.
CANDIDATES = 4 * LIMIT


def site_suggestions():
    """The administrators' list, then the most searched queries that found pages."""
    curated = [s.text for s in SearchSuggestion.objects.all()[:CANDIDATES]]
    popular = [
        q.query_string
        for q in Query.get_most_popular()
        .filter(answered__isnull=False)
        .filter(_hits__gte=settings.GONGKAI_SUGGESTION_MIN_HITS)[:CANDIDATES]
        if WORDS_ONLY.match(q.query_string)
    ]
    found = list(dict.fromkeys([*curated, *popular]))
    for allowed in hooks.get_hooks(FILTER_SEARCH_SUGGESTIONS):
        found = allowed(found)
    return found[:LIMIT]


def suggestions(typed_words=()):
    """The visitor's own words one at a time (shown only to them), then the site's suggestions."""
    items = list(dict.fromkeys(typed_words)) if len(typed_words) > 1 else []
    items.extend(text for text in site_suggestions() if text not in items)
    return items[:LIMIT]
