from django import template

from gongkai.languages.locales import language_tag
from gongkai.languages.switcher import home_url, versions

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    request = context.get("request")
    if request is None:
        return []
    return versions(request, context.get("page"))


@register.filter
def lang_tag(code):
    return language_tag(code)


@register.simple_tag
def language_home_url(code):
    return home_url(code)
