"""Replaces `wagtail.query.PageQuerySet.private_q` with one that also counts an alias as private
when the page it shows is at or below a view restriction, and `get_public_pages_queryset` of
Wagtail's API (v2 and v3 read it by name) with one that also leaves out the aliases of the pages
it leaves out.

Why: Wagtail means an alias to carry its source page's view restrictions ("alias pages use the
same view restrictions as their source page", `Page.get_view_restrictions`), but the queries
that list public pages (`PageQuerySet.public()`: listings, feeds, the sitemap, search, the
API) only look at the alias's own place in the tree. An alias, elsewhere, of a page inside a
password- or login-protected column was listed, searched and served to everyone. The alias is
private when its source is: at or below a restricted page. (Serving the alias itself checks the
source's ancestors in `catalogue/models/tree.py`; the catalogue's own listing query in
`catalogue/visibility.py`.)

Checked against wagtail 8.0.1: the original ORs `descendant_of_q(restriction.page,
inclusive=True)` for every restriction; this adds, for each, the aliases whose source's path
starts with the restricted page's path; `wagtail.api.querysets.get_public_pages_queryset` leaves
out the pages at or below each restriction the request does not pass, and this also their
aliases.
"""

from django.db.models import Q

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={
        "wagtail.query.PageQuerySet.private_q": "c31ae35b877a2b47",
        "wagtail.api.querysets.get_public_pages_queryset": "07720e18e660a7c5",
    },
)
API_MODULES = ("wagtail.api.v2.views", "wagtail.api.v3.querysets")


def private_q(queryset):
    from wagtail.models import Page, PageViewRestriction

    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
    q = Q()
    for path in paths:
        q |= Q(path__startswith=path)
    if paths:
        # The aliases by id, read here: a search engine filters on the page's own indexed
        # fields (id, path), not on the source's path through alias_of.
        sources_restricted = Q()
        for path in paths:
            sources_restricted |= Q(alias_of__path__startswith=path)
        alias_ids = list(Page.objects.filter(sources_restricted).values_list("pk", flat=True))
        if alias_ids:
            q |= Q(id__in=alias_ids)
    # do not match any page if no private section exists.
    return q if q else Q(pk__in=[])


def public_pages_for_api(request, model=None):
    from wagtail.api.querysets import get_public_pages_queryset
    from wagtail.models import Page, PageViewRestriction

    queryset = get_public_pages_queryset(request, model or Page)
    for restriction in PageViewRestriction.objects.select_related("page"):
        if not restriction.accept_request(request):
            queryset = queryset.exclude(alias_of__path__startswith=restriction.page.path)
    return queryset


def apply():
    from importlib import import_module

    from wagtail.query import PageQuerySet

    PageQuerySet.private_q = private_q
    for name in API_MODULES:
        import_module(name).get_public_pages_queryset = public_pages_for_api
