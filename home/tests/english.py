"""The English demo pages, for tests that read /en/ (demo_translation.py makes them)."""

import re

from wagtail.models import Locale, Page, Site

from disclosure.catalogue.models import DisclosureIndexPage

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def english_demo():
    """The English township root of the demo, the English pages made once per database."""
    from django.contrib.auth import get_user_model

    from home.demo_translation import load_english_demo
    from tests.factories import publishing_as_fixture

    home = Site.objects.get(is_default_site=True).root_page.specific
    township_root = DisclosureIndexPage.objects.get(slug="xxgk", locale=Locale.get_default())
    if not Page.objects.filter(locale__language_code="en", depth__gt=2).exists():
        with publishing_as_fixture():
            load_english_demo(home, township_root, get_user_model().objects.get(username="admin"))
    return Page.objects.get(
        translation_key=township_root.translation_key, locale__language_code="en"
    )


def text_of(html):
    """What a reader sees of an HTML fragment: its text, one line per element."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    lines = (line.strip() for line in re.sub(r"<[^>]+>", "\n", html).splitlines())
    return [line for line in lines if line]


def han_lines(html):
    """The lines of text of `html` that hold Chinese characters."""
    return [line for line in text_of(html) if HAN.search(line)]
