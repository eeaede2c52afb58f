from django import template

from home.portal_nav import portal_nav as find_portal_nav

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_nav(context):
    """The 政府信息公开 navigation of the page being shown (home/portal_nav.py)."""
    request = context.get("request")
    if request is None:
        return None
    page = context.get("page")
    return find_portal_nav(request, page if hasattr(page, "path") else None)
