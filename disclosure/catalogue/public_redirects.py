"""Wagtail's redirects, answering only where the page they lead to is public (visibility.py).

Wagtail makes a redirect when a page's slug changes, and the importer one from each legacy
address to its imported page; either may lead to a page the public may not see (a draft, a
page awaiting review, a restricted one). Wagtail's middleware answered them all with a 301
to the page's address, which told anyone its slug (an unreviewed title) and that it exists.
Such a redirect now answers what the address alone answered: 404. It answers again, unchanged,
once the page is published."""

from urllib.parse import urlparse

from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from disclosure.catalogue.visibility import public


class PublicRedirectMiddleware(RedirectMiddleware):
    def process_response(self, request, response):
        answer = super().process_response(request, response)
        if answer is response:
            return response
        page_id = redirect_page_id(request)
        if page_id is not None and not public(Page.objects.filter(pk=page_id)).exists():
            return response
        return answer


def redirect_page_id(request):
    """The page of the redirect Wagtail's middleware answered `request` with (its look-ups,
    in its order: the address with its query string, then without), or None for a redirect
    to another site."""
    path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
    redirect = get_redirect(request, path) or get_redirect(request, urlparse(path).path)
    return redirect.redirect_page_id if redirect is not None else None
