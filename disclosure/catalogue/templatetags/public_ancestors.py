from django import template

from ..ancestors import public_ancestors

register = template.Library()


@register.inclusion_tag("catalogue/includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    """当前位置: the page's live ancestors (ancestors.py), then the page itself."""
    return {"request": context.get("request"), "page": page, "ancestors": public_ancestors(page)}
