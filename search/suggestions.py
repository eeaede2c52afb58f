""" "您可以试试": what a search page offers after a search that found nothing.

Only text an administrator chose is shown to everyone: the administrators' list
(SearchSuggestion) and the searches they promoted pages for (Wagtail's search promotions),
checked against the sensitive-word list and capped. Visitors' queries are never offered,
whatever they found and however often they were typed: otherwise anyone could publish a line
of text ("诈骗电话请拨打…") on every no-result page by searching for it fifteen times.
"""

from django.db.models import Exists, OuterRef
from wagtail import hooks
from wagtail.contrib.search_promotions.models import SearchPromotion

from search.models import SearchSuggestion

LIMIT = 8
# The Wagtail hook through which the apps that judge content drop suggestions: each function
# registered under it takes the candidate texts, in order, and returns those that may be shown
# (moderation drops those on its sensitive-word list). Search itself knows no such list.
FILTER_SEARCH_SUGGESTIONS = "filter_search_suggestions"
# Texts read to fill the list, before the sensitive-word check drops some.
CANDIDATES = 4 * LIMIT


def allowed_suggestions(texts):
    """`texts`, in order, less those an app registered on FILTER_SEARCH_SUGGESTIONS drops."""
    found = list(texts)
    for allowed in hooks.get_hooks(FILTER_SEARCH_SUGGESTIONS):
        found = allowed(found)
    return found


def promoted_searches(public_pages) -> list[str]:
    """The searches an editor promoted a page for, when a visitor may see that page.

    A promotion is an editor's choice of both the search and the page (Wagtail's 推荐结果 admin);
    one pointing at a draft or a private page vouches for nothing a visitor could follow.
    """
    # EXISTS, one probe of the page per promotion: `page__in` had the database list every
    # public page first (60 ms at 100,000 pages on SQLite).
    promotions = (
        SearchPromotion.objects.filter(Exists(public_pages.filter(pk=OuterRef("page_id"))))
        .select_related("query")
        .order_by("query__query_string", "sort_order")
    )
    return list(dict.fromkeys(p.query.query_string for p in promotions[:CANDIDATES]))


def site_suggestions(public_pages):
    """The administrators' list, then the promoted searches."""
    curated = [s.text for s in SearchSuggestion.objects.all()[:CANDIDATES]]
    found = dict.fromkeys([*curated, *promoted_searches(public_pages)])
    return allowed_suggestions(found)[:LIMIT]


def suggestions(public_pages, typed_words=()):
    """The visitor's own words one at a time (shown only to them), then the site's suggestions."""
    items = list(dict.fromkeys(typed_words)) if len(typed_words) > 1 else []
    items.extend(text for text in site_suggestions(public_pages) if text not in items)
    return items[:LIMIT]
