"""Where each content language's version of the current page lives."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from .locales import language_tag


@dataclass(frozen=True)
class Version:
    code: str
    name: str  # in the language itself (English, 简体中文)
    tag: str  # for lang/hreflang
    url: str | None  # None: this page has no public version in that language
    current: bool
    # The language's name in the language of the page, for the note saying the page has no
    # version in it ("no Simplified Chinese version" on an English page).
    name_here: str = ""


def public_translations(page):
    """{language code: page} for the public versions of `page` (live, unrestricted, every
    ancestor live), itself included when live. A query for a page that does not bring them
    along; none when it does (`live_translations`, read with a query it makes anyway)."""
    versions = getattr(page, "live_translations", None)
    if versions is None:
        # PageQuerySet.public() is patched to the whole public rule (restrictions on any
        # language version, ancestors not live): the visitor is on `page` already.
        family = Page.objects.filter(translation_key=page.translation_key)
        versions = family.filter(pk=page.pk, live=True) | family.live().public()
        return {
            version.locale.language_code: version for version in versions.select_related("locale")
        }
    found = {}
    for version in versions:
        # The visitor is on `page` already; another version must be public to be offered
        # (Page.get_view_restrictions counts restrictions on any language version).
        if version.pk == page.pk or not version.get_view_restrictions().exists():
            found[version.locale.language_code] = version
    return found


def versions(request, page=None):
    """One Version per content language, for the switcher and the hreflang links."""
    current = get_language()
    translations = public_translations(page) if getattr(page, "pk", None) else None
    result = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if translations is not None:
            translation = translations.get(code)
            url = translation.get_url(request) if translation else None
        else:  # a view outside the page tree (search, 依申请公开): the same path per language
            url = translate_url(request.get_full_path(), code)
        name_here = get_language_info(code)["name_translated"]
        result.append(Version(code, name, language_tag(code), url, code == current, name_here))
    return result


def home_url(code):
    """The site's home page in a language, where the 'not translated' notice points."""
    return translate_url("/", code)
