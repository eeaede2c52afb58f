"""The language of a page's content, for the one kind of page whose content is not in its
locale's language.

Translating an item (翻译此页, wagtail-localize's `copy_parent_pages`) makes each parent with
no translation yet an *alias* of its source in the target locale: an English page
(/en/xxgk/notices/) showing the Chinese column's title and text. It is the way to the
translated items below it, so the English site keeps it, but it is Chinese content under an
English address. The public site therefore does not offer it as a page of its own: the XML
sitemap leaves it out, no `hreflang` alternate names it, its head names its source as
`<link rel="canonical">`, the search and its title suggestions leave it out, and wherever its
title or text is shown it carries the source's `lang` (docs/languages.md). An alias in its own
locale (Wagtail's 创建别名) is left alone.
"""

from django.db.models import Case, CharField, F, Q, Value, When
from wagtail.models import Page

from .language_tags import language_tag

# The annotation `with_source_language` adds: for an alias of a page in another language, the
# language code of its source; None for any other page.
SOURCE_LANGUAGE = "foreign_source_language"


def with_source_language(pages):
    """`pages`, each row with its foreign source's language read along (no query of its own)."""
    foreign = Case(
        When(in_own_language(), then=Value(None)),
        default=F("alias_of__locale__language_code"),
        output_field=CharField(),
    )
    return pages.annotate(**{SOURCE_LANGUAGE: foreign})


def in_own_language():
    """Pages whose content is in their own locale's language: no alias of another language."""
    return Q(alias_of__isnull=True) | Q(alias_of__locale=F("locale"))


def foreign_aliases():
    """The ids of aliases of pages in another language: the search engines filter on Page's
    `id`, a declared filter field, and not on `alias_of` or its locale."""
    return Page.objects.exclude(in_own_language()).values("pk")


def foreign_content_language(page):
    """For an alias of a page in another language, that language's code; None for any other
    page, without a query. An alias read without `with_source_language` asks, once."""
    if page is None or getattr(page, "alias_of_id", None) is None:
        return None
    if not hasattr(page, SOURCE_LANGUAGE):
        code = (
            Page.objects.filter(pk=page.alias_of_id)
            .exclude(locale_id=page.locale_id)
            .values_list("locale__language_code", flat=True)
            .first()
        )
        setattr(page, SOURCE_LANGUAGE, code)
    return getattr(page, SOURCE_LANGUAGE)


def content_lang_attribute(page):
    """` lang="zh-Hans"` for an alias of a page in another language, else ""."""
    code = foreign_content_language(page)
    return f' lang="{language_tag(code)}"' if code else ""
