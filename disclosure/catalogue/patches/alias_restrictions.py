"""Replaces `wagtail.query.PageQuerySet.private_q`, `get_public_pages_queryset` of Wagtail's
API (v2 and v3 read it by name) and `Page.get_view_restrictions` with versions that follow the
catalogue's one rule of what a view restriction hides (`catalogue/visibility.py`): the
restricted page, its descendants, every translation of them (same translation_key, in any
locale, wherever it sits) and the descendants of those, and the aliases of all these.

Why: Wagtail reads only the restrictions on a page's own ancestors (and, for an alias, on its
source itself), and the queries that list public pages (`PageQuerySet.public()`: listings,
feeds, the sitemap, search, documents; the API) only look at each page's own place in the tree.
An alias, elsewhere, of a page inside a password- or login-protected column was listed,
searched and served to everyone; so was the English translation of a restricted Chinese page.

Checked against wagtail 8.0.1: the original `private_q` ORs `descendant_of_q(restriction.page,
inclusive=True)` for every restriction; this ORs the same for every root of
`visibility.restricted_roots()` and adds the aliases of pages below them.
`wagtail.api.querysets.get_public_pages_queryset` leaves out the pages at or below each
restriction the request does not pass; this also what `restricted_roots` adds for it. The
original `get_view_restrictions` returns the restrictions on the page and its ancestors (an
alias's replaced by its source's); `visibility.view_restrictions_of` returns a superset
(`wagtail_hooks.check_view_restrictions` checks each one before serving).

Both `private_q` and the API's queryset also leave out the pages below a page that is not live
(`visibility.unreachable_roots`, `visibility.below_a_page_not_live`): Wagtail's `live()` reads
only each page's own flag, and a live item under a column taken down was listed everywhere.
"""

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={
        "wagtail.query.PageQuerySet.private_q": "c31ae35b877a2b47",
        "wagtail.api.querysets.get_public_pages_queryset": "07720e18e660a7c5",
        "wagtail.models.pages.AbstractPage.get_view_restrictions": "008d5bf7ea1ac3a3",
    },
)
API_MODULES = ("wagtail.api.v2.views", "wagtail.api.v3.querysets")


def private_q(queryset):
    from django.db.models import Q

    from ..visibility import below_q, hidden_q, restricted_roots, unreachable_roots

    q = hidden_q(restricted_roots()) | below_q(unreachable_roots())
    # do not match any page if no private section exists.
    return q if q else Q(pk__in=[])


def public_pages_for_api(request, model=None):
    from wagtail.api.querysets import get_public_pages_queryset
    from wagtail.models import Page, PageViewRestriction

    from ..visibility import below_a_page_not_live, hidden_q, restricted_roots

    queryset = get_public_pages_queryset(request, model or Page).exclude(below_a_page_not_live())
    refused = [
        restriction.pk
        for restriction in PageViewRestriction.objects.select_related("page")
        if not restriction.accept_request(request)
    ]
    if refused:
        roots = restricted_roots(PageViewRestriction.objects.filter(pk__in=refused))
        queryset = queryset.exclude(hidden_q(roots))
    return queryset


def get_view_restrictions(page):
    from ..visibility import view_restrictions_of

    return view_restrictions_of(page)


def apply():
    from importlib import import_module

    from wagtail.models import Page
    from wagtail.query import PageQuerySet

    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = get_view_restrictions
    for name in API_MODULES:
        import_module(name).get_public_pages_queryset = public_pages_for_api
