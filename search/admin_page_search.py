"""The admin's page search, retried as the public search page is (search/retries.py).

Wagtail's admin page search asks the index for the words typed, each a substring of a title:
2023年报告 is one word that no title holds, although `2023年 报告` finds
2023年政府信息公开工作年度报告. When the query as typed finds nothing, the same retries as the
public page's are tried in turn — each repeated text once, then the content words, all of them
required — and the first that finds a page is shown. The last public retry (at least half of the
words) is left out: an editor looks for one page by its title, not for pages about a subject.
Each retry runs Wagtail's own search again with the retry's words as the query, so it searches
the same pages (those the user may explore), with the same filters (`live:yes`…)."""

from itertools import islice

from modelsearch.query import PlainText
from wagtail.admin.views.pages.search import SearchView
from wagtail.search.utils import parse_query_string

from search import retries
from search.query import expand


def retried_texts(typed):
    """The query strings of the retries of `typed` (its filters such as `live:yes` kept), in
    order, each built when asked for; none for a quoted phrase or nothing searchable."""
    filters, query = parse_query_string(typed)
    if not isinstance(query, PlainText):
        return
    expanded = expand(query.query_string)
    if expanded is None:
        return
    kept = [f"{name}:{value}" for name, value in filters.items()]
    for attempt in islice(retries.attempts(expanded), 1, None):  # the first: as typed
        if attempt.minimum is None:
            yield " ".join([*kept, *attempt.words])


def finds_any(results):
    return bool(list(results[:1]))


class RetryingPageSearchView(SearchView):
    """Wagtail's admin page search; when the query as typed finds nothing, its retries."""

    def get_queryset(self):
        pages = super().get_queryset()
        typed = self.search_query
        if not typed or finds_any(pages):
            return pages
        for text in retried_texts(typed):
            self.search_query = text
            retried = super().get_queryset()
            if finds_any(retried):
                return retried
        self.search_query = typed
        return pages
