"""The request's site and its home page, kept in each process while the site's token holds.

For every request Wagtail looks the site up (a query, its root page joined) and its routing
then reads the home page's own row (a second query). Both change only by what renews the
page cache's site token (a site saved or deleted, the home page published: page_cache.py), so
a public page request that missed the page cache takes them from memory. What is kept is the
rows' values: each request gets instances of its own, so that what one request caches on a page
(cached properties, the route it took) never reaches another.
"""

from functools import wraps

from django.db import DEFAULT_DB_ALIAS
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Site

from .page_cache import holds_site_token, remember_while_site_unchanged


def row_values(instance, related=()):
    """What `rebuilt` needs to make a fresh copy of a model instance read in full, with the
    instances its `related` foreign keys hold."""
    names = [field.attname for field in instance._meta.concrete_fields]
    joined = {}
    for name in related:
        other = getattr(instance, name)
        if other is not None:
            joined[name] = row_values(other)
    return type(instance), names, [getattr(instance, name) for name in names], joined


def rebuilt(values):
    model, names, row, joined = values
    instance = model.from_db(DEFAULT_DB_ALIAS, names, row)
    for name, other in joined.items():
        setattr(instance, name, rebuilt(other))
    return instance


def _site_rows(request):
    site = Site._find_for_request(request)
    if site is None:
        return None
    return row_values(site), row_values(site.root_page.specific)


def shows_the_site(view):
    """Marks a view outside the page tree whose page carries the site's skeleton (its footer
    and navigation): RememberedSiteMiddleware gives it the site from memory as it does page
    serving (search: the look-up was 1.5 ms of its template). A host that names no site is
    not found there, as it is for pages: it has no pages to search or list."""

    @wraps(view)
    def on_its_site(request, *args, **kwargs):
        if Site.find_for_request(request) is None:
            raise Http404("no site answers to this address")
        return view(request, *args, **kwargs)

    on_its_site.shows_the_site = True
    return on_its_site


class RememberedSiteMiddleware:
    """Gives Wagtail's page serving and the views marked `shows_the_site` the request's site
    (``request._wagtail_site``, which ``Site.find_for_request`` reads first) with its home
    page in full. Other views look the site up themselves if they need it (the liveness check
    and robots.txt need nothing)."""

    def __init__(self, get_response):
        from wagtail.views import serve  # its module reads the models: after they are loaded

        self.get_response = get_response
        self.serve = serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        shows_site = view_func is self.serve or getattr(view_func, "shows_the_site", False)
        if not shows_site or not holds_site_token(request):
            return None
        hostname = split_domain_port(request._get_raw_host())[0]
        key = ("site", hostname, request.get_port())
        rows = remember_while_site_unchanged(request, key, lambda: _site_rows(request))
        if rows is not None:
            site = rebuilt(rows[0])
            site.root_page = rebuilt(rows[1])
            request._wagtail_site = site
        return None
