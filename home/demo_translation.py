"""English versions of demo pages, made the way a translator makes them: wagtail-localize's
PO export, the English filled in, PO import, then the translated page saved and published."""

import html

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from home.demo_english import english as demo_english


class MissingEnglish(Exception):
    pass


def fill(po, english):
    """Put the English for each source string into the PO file; every string must have one."""
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgctxt == "slug":  # the demo's addresses are already Latin
            entry.msgstr = entry.msgid
        else:
            entry.msgstr = english.get(entry.msgid) or english.get(html.unescape(entry.msgid), "")
        if not entry.msgstr:
            missing.append(entry.msgid)
    if missing:
        raise MissingEnglish(missing)
    return po


def translate_page(page, locale, english, user):
    """Export, fill and import the PO file, then save and publish the translated page."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.import_po(fill(translation.export_po(), english), user=user)
    target, _created = source.create_or_update_translation(locale, user=user, publish=False)
    target.get_latest_revision().publish(user=user)
    backdate_to_source(target, page)
    return Page.objects.get(pk=target.pk).specific


def backdate_to_source(target, page):
    """The demo's English versions were published with their Chinese pages, as the demo's
    reports and items were published on the township's old site before it was loaded: the
    translation's first and last publication (the sitemap's lastmod) are the source's
    publication, not the day the demo was loaded."""
    if page.first_published_at is not None:
        Page.objects.filter(pk=target.pk).update(
            first_published_at=page.first_published_at,
            last_published_at=page.first_published_at,
        )


def demo_pages(home, township_root):
    """The pages the demo shows in English, parents before children."""
    from disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage

    guide = township_root.get_children().get(slug="guide")
    reports = AnnualReportIndexPage.objects.child_of(township_root).get()
    report = AnnualReportPage.objects.child_of(reports).get(year=2022)
    return [home, township_root, guide, reports, report]


def load_english_demo(home, township_root, user):
    """English versions of the home page, the township's disclosure root and guide, and the
    2022 annual report; returns them."""
    locale = Locale.objects.get(language_code="en")
    english = demo_english()
    return [translate_page(page, locale, english, user) for page in demo_pages(home, township_root)]
