"""axe-core (npm, pinned in package-lock.json) over the public pages, in both languages and in
the 适老化 modes: zero WCAG 2.1 A/AA violations; screenshots of the normal and the
large-text/high-contrast modes; no horizontal scrolling at 360 px and at 200 % zoom."""

import json
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NORMAL = "text=0&contrast=0"  # explicit: the page's script remembers the last mode asked for
LARGE_AND_CONTRAST = "text=3&contrast=1"


@pytest.fixture
def live_demo_in_english(live_demo):
    """The demo as `make run` shows it: with the English pages."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale, Site

    from disclosure.catalogue.models import DisclosureIndexPage
    from disclosure.moderation.publishing.publication import sanctioned_publication
    from home.demo_translation import load_english_demo

    home = Site.objects.get(is_default_site=True).root_page.specific
    township_root = DisclosureIndexPage.objects.get(slug="xxgk", locale=Locale.get_default())
    # As `load_demo(english=True)` does under `make run`: the demo loader's sanctioned publication.
    with sanctioned_publication("demo loader: English pages"):
        load_english_demo(home, township_root, get_user_model().objects.get(username="admin"))
    return live_demo


def assert_english_made_by_wagtail_localize():
    from wagtail_localize.models import Translation

    translations = Translation.objects.filter(target_locale__language_code="en")
    assert translations.count() == 5  # home, disclosure root, guide, report column, 2022 report
    for translation in translations:
        total, done = translation.get_progress()
        assert total and total == done, translation.source


def public_paths():
    """The pages the check covers, found in the demo rather than listed by hand."""
    from wagtail.models import Locale, Page

    from disclosure.catalogue.models import CategoryPage, DisclosureItemPage
    from disclosure.reports.models import AnnualReportPage

    chinese = Locale.objects.get(language_code="zh-hans")
    live = Page.objects.live().public()
    paths = ["/", live.type(CategoryPage).filter(locale=chinese).first().url]
    for model in DisclosureItemPage.__subclasses__():
        item = model.objects.live().filter(locale=chinese).first()
        assert item is not None, f"the demo has no {model.__name__}"
        paths.append(item.url)
    paths.append(AnnualReportPage.objects.live().get(year=2022, locale=chinese).url)
    paths.append("/search/?q=垃圾分类")
    english = [page.url for page in live.filter(locale__language_code="en").exclude(depth=1)]
    assert len(english) >= 3, "the demo's English pages are missing"
    return [*paths, *sorted(english), "/en/search/?q=report"]


def load_axe(page):
    """axe's source run by the test, as devtools would: a <script> tag of it would be an inline
    script, which the site's Content-Security-Policy refuses."""
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")


def axe_violations(page):
    load_axe(page)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [
        {"rule": v["id"], "help": v["help"], "where": [n["target"] for n in v["nodes"][:3]]}
        for v in result["violations"]
    ]


def overflows(page):
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")


def test_public_pages_pass_axe_in_both_modes_and_fit_small_screens(
    browser, live_demo_in_english, output_dir
):
    live_demo = live_demo_in_english
    assert_english_made_by_wagtail_localize()
    paths = public_paths()
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for path in paths:
        screenshot = path in ("/", "/en/") or path.startswith("/xxgk/annual-reports/2022")
        for mode, label in ((NORMAL, "normal"), (LARGE_AND_CONTRAST, "large-contrast")):
            separator = "&" if "?" in path else "?"
            response = page.goto(live_demo.url + path + separator + mode)
            assert response.status == 200, path
            violations = axe_violations(page)
            if violations:
                found[f"{path} [{label}]"] = violations
            if screenshot:
                name = path.strip("/").replace("/", "_") or "home"
                page.screenshot(path=output_dir / f"{name}-{label}.png", full_page=True)
    context.close()
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)

    # A 360 px phone, and 200 % zoom of a 1280 px window (640 CSS px), in the largest text.
    for width in (360, 640):
        context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
        page = context.new_page()
        for path in paths:
            separator = "&" if "?" in path else "?"
            page.goto(live_demo.url + path + separator + "text=3")
            assert not overflows(page), f"{path} scrolls sideways at {width} px"
        page.screenshot(path=output_dir / f"last-page-{width}px.png", full_page=True)
        context.close()


def test_display_switch_is_remembered_without_cookies(page, live_demo):
    page.goto(live_demo.url + "/")
    page.get_by_role("link", name="特大").click()
    page.get_by_role("link", name="高对比度").click()
    page.goto(live_demo.url + "/search/")
    assert page.evaluate("document.documentElement.className") == "text-3 contrast"
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "28px"
    assert page.context.cookies() == []


def test_every_part_of_the_page_is_in_a_landmark(page, live_demo):
    # axe's `region` rule (a best practice, outside the WCAG tags above): the 字号/高对比度 switch
    # sat outside every landmark, so a screen reader's landmark list never reached it.
    page.goto(live_demo.url + "/")
    load_axe(page)
    result = page.evaluate("() => axe.run(document, {runOnly: {type: 'rule', values: ['region']}})")
    assert not result["violations"], [n["target"] for v in result["violations"] for n in v["nodes"]]
