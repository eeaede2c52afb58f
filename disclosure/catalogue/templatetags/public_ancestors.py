from django import template
from wagtail.models import Site

from ..ancestors import public_ancestors

register = template.Library()


@register.inclusion_tag("catalogue/includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    """当前位置: the page's live ancestors (ancestors.py), then the page itself."""
    return {
        "request": context.get("request"),
        "current": page.title,
        "current_page": page,
        "ancestors": public_ancestors(page),
    }


@register.inclusion_tag("catalogue/includes/breadcrumb.html", takes_context=True)
def breadcrumb_below_home(context, title):
    """当前位置 of a page that is no page of the tree (search): the site's home page in the
    language being read, then `title`."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    home = site.root_page.localized if site is not None else None
    ancestors = [home] if home is not None and home.live else []
    return {"request": request, "current": title, "ancestors": ancestors}
