"""The "page not found" page speaks for the section the address was in.

One site serves several offices (home/identity.py): a citizen who mistypes an address in the
county office's section should read the county office's name, navigation and contacts on the
404 page, not the township's. The deepest live, public page along the address names the
section (`section_page`, as the application form does); an address outside every section, or
on a host that names no site, keeps the site's."""

from django.shortcuts import render
from django.utils import translation
from wagtail.models import Site

from disclosure.catalogue.visibility import public

# Deeper than any catalogue page (home, root, column, sub-column, item): a longer address is
# not walked further, so a made-up path costs at most this many look-ups.
MAX_COMPONENTS = 6


def _components(request):
    path = request.path_info
    language = translation.get_language_from_path(path)
    if language:  # /en/…: the language's own tree
        path = path.removeprefix(f"/{language}")
    return [component for component in path.split("/") if component][:MAX_COMPONENTS]


def deepest_page(request):
    """The deepest live, public page whose address begins the requested one, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    page, found = site.root_page.localized, None
    for component in _components(request):
        # Public as the catalogue's one rule says (live, ancestors live, not restricted), in
        # the look-up's own statement.
        page = public(page.get_children()).filter(slug=component).first()
        if page is None:
            break
        found = page
    return found


def page_not_found(request, exception):
    context = {"section_page": deepest_page(request)}
    return render(request, "404.html", context, status=404)
