from django import template
from django.utils.safestring import mark_safe

from gongkai.aliases import content_lang_attribute
from gongkai.language_tags import language_tag

register = template.Library()


@register.filter
def lang_tag(code):
    """{{ LANGUAGE_CODE|lang_tag }}: the BCP 47 tag of an HTML `lang` or `hreflang` attribute,
    for every template (the plumbing's and the apps')."""
    return language_tag(code)


@register.filter
def content_lang(page):
    """<h1{{ page|content_lang }}>: ` lang="zh-Hans"` on the title or text of an English alias
    of a Chinese page (gongkai/aliases.py), whose content is not in the page's language."""
    return mark_safe(content_lang_attribute(page))
