from django import template

from gongkai.language_tags import language_tag

register = template.Library()


@register.filter
def lang_tag(code):
    """{{ LANGUAGE_CODE|lang_tag }}: the BCP 47 tag of an HTML `lang` attribute."""
    return language_tag(code)
