"""What the site's skeleton (base.html, which every app's pages extend) shows from the apps
above it, found through Wagtail hooks: the skeleton sits below every app, so it names none of
their URLs, models or settings (gongkai/tests/test_template_layers.py).

- `{% portal_nav as nav %}`: the 政府信息公开 navigation of the page being shown. Home finds it
  from the catalogue and the reports (home/portal_nav.py) and registers a function on
  PORTAL_NAVIGATION, taking the request and the page (or None) and returning the navigation or
  None. Without one, pages show no navigation.
- `{% site_identity as identity %}`: the sponsor, footer facts and registration numbers
  (《政府网站发展指引》) of the page being shown, and `home_url`, where its banner leads. Home
  keeps the site's in its site settings, an office's in its organisation, and registers a
  function on SITE_IDENTITY, taking the request and the page (or None) and returning an
  object with those attributes, or None. A view outside the page tree that serves one
  organisation (the application form addressed to the county office) names that
  organisation's page as `section_page`: the navigation and the identity follow it.
- `{% site_footer identity %}`: the footer (includes/footer.html) of that identity.
- `{% site_search_url as url %}`: where the header's search box sends its query. The search
  app registers a function on SITE_SEARCH, taking the request (None when a page's text is
  rendered for the index) and returning the URL, or None. Without one, no search box.
- `{% page_versions as versions %}`: the page's versions in each language (for the `hreflang`
  links of the head, and the switcher in the toolbar, which reads `versions`). The languages
  app registers a function on PAGE_VERSIONS, taking the request and the page (or None) and
  returning the versions. Without one, none.
- `{% site_toolbar %}`: the bar above the header (the language switcher and the display
  settings). The languages app registers a function on SITE_TOOLBAR, taking the template
  context and returning the bar's HTML, or None. Without one, no bar.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail import hooks

from gongkai.page_cache import remember_while_site_unchanged

PORTAL_NAVIGATION = "portal_navigation"
SITE_IDENTITY = "site_identity"
SITE_SEARCH = "site_search"
SITE_TOOLBAR = "site_toolbar"
PAGE_VERSIONS = "page_versions"

register = template.Library()


def _first_answer(hook_name, *args):
    for answer in hooks.get_hooks(hook_name):
        found = answer(*args)
        if found is not None:
            return found
    return None


def _page_of(context):
    page = context.get("page")
    return page if hasattr(page, "path") else None


def _section_of(context):
    """The page whose section the banner, navigation and footer speak for: the page shown, or
    for a view outside the page tree that serves one organisation (the application form
    addressed to the county office) the page it names as `section_page`."""
    return _page_of(context) or _page_of({"page": context.get("section_page")})


@register.simple_tag(takes_context=True)
def portal_nav(context):
    request = context.get("request")
    if request is None:
        return None
    return _first_answer(PORTAL_NAVIGATION, request, _section_of(context))


@register.simple_tag(takes_context=True)
def site_identity(context):
    request = context.get("request")
    if request is None:
        return None
    return _first_answer(SITE_IDENTITY, request, _section_of(context))


@register.simple_tag(takes_context=True)
def site_footer(context, identity):
    """The footer of `identity`, rendered once per identity and language while the site's
    token holds: it shows nothing else (not the page, not the request), and every page
    carries it (0.7 ms of an item page's 4 ms of templates)."""

    def render():
        return render_to_string("includes/footer.html", {"footer": identity})

    request = context.get("request")
    if request is None:
        return render()
    return remember_while_site_unchanged(request, ("footer", identity, get_language()), render)


@register.simple_tag(takes_context=True)
def site_search_url(context):
    return _first_answer(SITE_SEARCH, context.get("request"))


@register.simple_tag(takes_context=True)
def site_toolbar(context):
    return _first_answer(SITE_TOOLBAR, context) or ""


@register.simple_tag(takes_context=True)
def page_versions(context):
    request = context.get("request")
    if request is None:
        return []
    return _first_answer(PAGE_VERSIONS, request, context.get("page")) or []
