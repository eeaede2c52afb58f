"""`{% portal_nav as nav %}`: the 政府信息公开 navigation of the page being shown, for the site's
skeleton (base.html), which every app's pages extend.

The skeleton sits below every app, so it cannot know how the navigation is found (home does
it from the catalogue and the reports, home/portal_nav.py): the app that finds it registers a
function on the Wagtail hook PORTAL_NAVIGATION, taking the request and the page (or None) and
returning the navigation or None. Without one, pages show no navigation.
"""

from django import template
from wagtail import hooks

PORTAL_NAVIGATION = "portal_navigation"

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_nav(context):
    request = context.get("request")
    if request is None:
        return None
    page = context.get("page")
    for find in hooks.get_hooks(PORTAL_NAVIGATION):
        nav = find(request, page if hasattr(page, "path") else None)
        if nav is not None:
            return nav
    return None
