"""The 发布日期 a translated page shows: its source's.

A report, a guide or an item is published once, by the organisation, in Chinese (the site's
default locale); the English version a translator publishes later is a rendering of that
document, not a new publication. So a page in another locale shows the first publication of
its counterpart in the default locale, and its own only when it has none (docs/portal.md).
"""

from wagtail.models import Locale


def publication_date(page):
    """The datetime to show as the page's 发布日期, or None for a page never published."""
    own = page.first_published_at
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return own
    source = page.get_translation_or_none(default)
    if source is not None and source.first_published_at is not None:
        return source.first_published_at
    return own
