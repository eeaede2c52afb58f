"""Counting searches (Wagtail's Query and QueryDailyHits) without writing in the request.

The search page is public and read-only: a GET that wrote a row per search failed with a 500
whenever SQLite was busy, and let anyone grow the table without bound. The page hands the
search to a Celery task instead, within a per-minute budget, and a failure to hand it over
(broker down, cache down) is logged and never reaches the visitor.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string

logger = logging.getLogger(__name__)

BUDGET_KEY = "search:recorded:{minute}"


def within_budget() -> bool:
    """True while fewer than GONGKAI_SEARCH_RECORD_PER_MINUTE searches were queued this minute."""
    key = BUDGET_KEY.format(minute=int(time.time() // 60))
    cache.add(key, 0, timeout=120)
    return cache.incr(key) <= settings.GONGKAI_SEARCH_RECORD_PER_MINUTE


def record(query_text: str) -> bool:
    """Queue one search for counting; whether it was queued. Never raises."""
    from search.tasks import record_search

    query_string = normalise_query_string(query_text)[:MAX_QUERY_STRING_LENGTH]
    if not query_string:
        return False
    try:
        if not within_budget():
            return False
        record_search.delay(query_string)
    except Exception:  # statistics are not worth a failed page
        logger.warning("search %r not recorded", query_string, exc_info=True)
        return False
    return True
