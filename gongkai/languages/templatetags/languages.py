from django import template

from gongkai.languages.publication_dates import publication_date as _publication_date
from gongkai.languages.switcher import home_url, versions

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    request = context.get("request")
    if request is None:
        return []
    return versions(request, context.get("page"))


@register.simple_tag
def language_home_url(code):
    return home_url(code)


@register.filter
def publication_date(page):
    """{{ page|publication_date|date:"Y-m-d" }}: a translation shows its source's 发布日期."""
    return _publication_date(page)
