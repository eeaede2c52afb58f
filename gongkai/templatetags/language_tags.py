from django import template

from gongkai.language_tags import language_tag

register = template.Library()


@register.filter
def lang_tag(code):
    """{{ LANGUAGE_CODE|lang_tag }}: the BCP 47 tag of an HTML `lang` or `hreflang` attribute,
    for every template (the plumbing's and the apps')."""
    return language_tag(code)
