"""Where each content language's version of the current page lives."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from gongkai.aliases import foreign_content_language, with_source_language
from gongkai.language_tags import language_tag
from gongkai.request_paths import full_path


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
    # Whether the head names this version as an `hreflang` alternate: not an alias showing a
    # page of another language (gongkai/aliases.py), whose content is not in `code`.
    alternate: bool = True
    # Whether the head names this version as the page's `<link rel="canonical">`: the page
    # shown is an alias of it, in another language.
    canonical: bool = False
    # `url` on the site's configured address (Site.root_url), as the XML sitemap gives it: the
    # head's links name the one public address whatever host the visitor typed (an IP address,
    # an old domain still pointed at the server).
    full_url: str | None = None


def public_translations(page):
    """{language code: page} for the public versions of `page`, itself included when live.
    Which versions are public is the catalogue's rule: a page that brings them along
    (`public_translations`, catalogue/models/tree.py) answers it; for any other the query
    asks `PageQuerySet.public()`, which the catalogue patches to the same rule (restrictions on
    any language version, ancestors not live). Plumbing cannot import the catalogue."""
    versions = getattr(page, "public_translations", None)
    if versions is None:
        family = Page.objects.filter(translation_key=page.translation_key)
        # The visitor is on `page` already: it is offered when live, whatever else holds.
        versions = with_source_language(
            (family.filter(pk=page.pk).live() | family.live().public()).select_related("locale")
        )
    return {version.locale.language_code: version for version in versions}


def versions(request, page=None):
    """One Version per content language, for the switcher and the hreflang links."""
    current = get_language()
    translations = public_translations(page) if getattr(page, "pk", None) else None
    # An alias of a page in another language names that page, when public, as its canonical.
    shown = next((t for t in (translations or {}).values() if t.pk == page.pk), page)
    source_language = foreign_content_language(shown) if translations is not None else None
    site = Site.find_for_request(request)
    root_url = site.root_url if site is not None else f"{request.scheme}://{request.get_host()}"
    result = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if translations is not None:
            translation = translations.get(code)
            url = translation.get_url(request) if translation else None
            alternate = translation is None or foreign_content_language(translation) is None
        else:  # a view outside the page tree (search, 依申请公开): the same path per language
            url = translate_url(full_path(request), code)
            alternate = True
        name_here = get_language_info(code)["name_translated"]
        result.append(
            Version(
                code,
                name,
                language_tag(code),
                url,
                code == current,
                name_here,
                alternate=alternate,
                canonical=bool(url) and code == source_language,
                full_url=on_site(root_url, url),
            )
        )
    return result


def on_site(root_url, url):
    """`url` on `root_url` when it is a path; a page of another site comes absolute already."""
    if url is None or "://" in url:
        return url
    return root_url + url


def home_url(code):
    """The site's home page in a language, where the 'not translated' notice points."""
    return translate_url("/", code)
