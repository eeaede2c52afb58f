"""A 360 px phone (the narrowest common Android width) reads every kind of public page without
zooming: the page never scrolls sideways, no table squeezes a cell below two characters (the
2023 report's 表二 was 11,519 px tall, one character per line), the statutory tables scroll
inside a labelled region with their row labels pinned, and the search button stays beside its
box."""

import pytest

from tests.demo_snapshot import load_committed_demo

from .public_pages import phone_paths

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 740}

# Every table cell in the page narrower than two of its own characters.
NARROW_CELLS = """() => [...document.querySelectorAll('td, th')]
  .filter(cell => cell.offsetParent !== null)
  .map(cell => ({text: cell.innerText.trim().slice(0, 20),
                 width: cell.getBoundingClientRect().width,
                 font: parseFloat(getComputedStyle(cell).fontSize)}))
  .filter(cell => cell.width < 2 * cell.font)"""

# How many lines an element's text takes.
LINES_OF_TEXT = """element => {
  const range = document.createRange(); range.selectNodeContents(element);
  return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size; }"""

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="zh-CN", viewport=PHONE, device_scale_factor=1)
    yield context.new_page()
    context.close()


def test_public_pages_fit_a_360px_phone(phone, live_demo, output_dir):
    problems = {}
    for name, path in phone_paths().items():
        response = phone.goto(live_demo.url + path)
        assert response.status == 200, path
        overflow = phone.evaluate(OVERFLOW)
        narrow = phone.evaluate(NARROW_CELLS)
        if overflow > 0:
            problems[f"{path} scrolls sideways by"] = overflow
        if narrow:
            problems[f"{path} has cells narrower than two characters"] = narrow[:5]
        phone.screenshot(path=output_dir / f"{name}-360px.png", full_page=True)
    assert not problems, problems


def test_statutory_tables_scroll_in_labelled_regions_with_pinned_labels(phone, live_demo):
    phone.goto(live_demo.url + phone_paths()["report"])
    figures = phone.locator("figure.report-table")
    assert figures.count() == 3
    for index in range(figures.count()):
        region = figures.nth(index).locator("> [role=region]")
        caption = figures.nth(index).locator("caption").inner_text()
        assert region.get_attribute("tabindex") == "0"
        assert region.get_attribute("aria-label").startswith(caption.split()[0])  # 表一 …
    # 表二 is wider than the phone: it scrolls inside its region, and its row labels stay put.
    region = phone.locator(".report-table--table_b > [role=region]")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")
    label = region.get_by_role("rowheader", name="1.属于国家秘密")
    before = label.bounding_box()["x"]
    region.evaluate("r => r.scrollLeft = r.scrollWidth")
    assert region.evaluate("r => r.scrollLeft") > 100
    assert abs(label.bounding_box()["x"] - before) <= 2
    assert region.locator("td").last.is_visible()
    # A keyboard reaches the region and scrolls it with the arrow keys.
    region.evaluate("r => r.scrollLeft = 0")
    region.focus()
    phone.keyboard.press("ArrowRight")
    phone.wait_for_function(
        "() => document.querySelector('.report-table--table_b > [role=region]').scrollLeft > 0"
    )


def test_statutory_table_headings_stay_in_sight_while_its_rows_scroll(phone, live_demo):
    """Deep in 表二 on a phone, the figures still sit under the headings that name them."""
    phone.goto(live_demo.url + phone_paths()["report"])
    region = phone.locator(".report-table--table_b > [role=region]")
    region.scroll_into_view_if_needed()
    heading = region.locator("thead")
    assert region.evaluate("r => r.scrollHeight > r.clientHeight"), "the rows scroll in the region"
    region.evaluate("r => r.scrollTop = r.scrollHeight")
    assert region.evaluate("r => r.scrollTop") > 100
    assert abs(heading.bounding_box()["y"] - region.bounding_box()["y"]) <= 2
    # The last row is not hidden under the headings.
    last = region.locator("tbody tr").last.bounding_box()
    assert last["y"] >= heading.bounding_box()["y"] + heading.bounding_box()["height"] - 2


def test_search_buttons_stay_beside_their_boxes(phone, live_demo):
    for path, box in (("/search/?q=垃圾分类", "#search-q"), ("/", "#home-search-q")):
        phone.goto(live_demo.url + path)
        # The header's search box is in the menu a phone folds (test_phone_header.py).
        phone.locator("summary.site-menu__toggle").click()
        for field in (box, "#site-search-q"):
            form = phone.locator(field).locator("xpath=ancestor::form")
            button = form.get_by_role("button", name="搜索", exact=True)
            field_box = phone.locator(field).bounding_box()
            button_box = button.bounding_box()
            assert button_box["x"] >= field_box["x"] + field_box["width"], (path, field)
            assert abs(button_box["y"] - field_box["y"]) < field_box["height"], (path, field)
            assert button.evaluate(LINES_OF_TEXT) == 1, f"{path}: the button's text wraps"


# Visible form controls drawn below 16 px: iOS Safari zooms the page in when one takes focus.
SMALL_CONTROLS = """() => [...document.querySelectorAll(
    'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea')]
  .filter(control => control.offsetParent !== null)
  .map(control => ({name: control.name || control.id,
                    font: parseFloat(getComputedStyle(control).fontSize)}))
  .filter(control => control.font < 16)"""

# Latin words (two letters or more) whose letters lie on more than one line.
WORDS_BROKEN_MID_WORD = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || node.parentElement.offsetParent === null) continue;
    for (const match of node.data.matchAll(/[A-Za-z]{2,}/g)) {
      const range = document.createRange();
      range.setStart(node, match.index); range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


@pytest.fixture
def live_english_demo(transactional_db, live_server):
    load_committed_demo(password="browser-test", english=True)
    return live_server


def test_form_controls_are_large_enough_that_phones_do_not_zoom_in(phone, live_english_demo):
    small = {}
    for path in ("/", "/search/?q=垃圾分类", "/apply/", "/apply/status/", "/en/"):
        response = phone.goto(live_english_demo.url + path)
        assert response.status == 200, path
        found = phone.evaluate(SMALL_CONTROLS)
        if found:
            small[path] = found
    assert not small, small


def test_english_pages_never_split_a_word_on_a_phone(phone, live_english_demo, output_dir):
    from disclosure.catalogue.models import DisclosureGuidePage
    from disclosure.reports.models import AnnualReportPage

    english = {"locale__language_code": "en"}
    report = AnnualReportPage.objects.live().get(**english)
    guide = DisclosureGuidePage.objects.live().get(**english)
    problems = {}
    for path in ("/en/", report.url, guide.url):
        assert phone.goto(live_english_demo.url + path).status == 200, path
        broken = phone.evaluate(WORDS_BROKEN_MID_WORD)
        overflow = phone.evaluate(OVERFLOW)
        if broken:
            problems[f"{path} splits"] = broken[:10]
        if overflow > 0:
            problems[f"{path} scrolls sideways by"] = overflow
        phone.screenshot(path=output_dir / f"{path.strip('/').replace('/', '-')}-360px.png")
    assert not problems, problems
    # Chinese text still breaks between any two characters (no page widened by it).
    phone.goto(live_english_demo.url + "/")
    assert phone.evaluate(OVERFLOW) <= 0


# Dates (2022-03-05) whose digits lie on more than one line.
DATES_SPLIT = """() => {
  const split = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || node.parentElement.offsetParent === null) continue;
    for (const match of node.data.matchAll(/\\d{4}-\\d{2}-\\d{2}/g)) {
      const range = document.createRange();
      range.setStart(node, match.index); range.setEnd(node, match.index + match[0].length);
      if (new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size > 1)
        split.push(match[0]);
    }
  }
  return split;
}"""


# Table cells (outside the scrolling report regions) whose content sticks out of them.
CELLS_SPILLING = """() => [...document.querySelectorAll('main td, main th')]
  .filter(cell => cell.offsetParent !== null && !cell.closest('[role=region]'))
  .filter(cell => cell.scrollWidth > cell.clientWidth + 1)
  .map(cell => cell.innerText.trim().slice(0, 20))"""


def reading_paths():
    """One page of each kind whose tables a citizen reads: every item type (metadata table), a
    column listing, the 指南 (office table), the report index (chart table) and the 2023 report."""
    from wagtail.models import Locale

    from disclosure.catalogue.models import (
        CategoryPage,
        DisclosureGuidePage,
        DisclosureItemPage,
    )
    from disclosure.reports.models import AnnualReportIndexPage

    chinese = Locale.objects.get(language_code="zh-hans")
    paths = [CategoryPage.objects.live().filter(locale=chinese, slug="policies").first().url]
    for model in DisclosureItemPage.__subclasses__():
        paths.append(model.objects.live().filter(locale=chinese).first().url)
    paths.append(DisclosureGuidePage.objects.live().filter(locale=chinese).first().url)
    paths.append(AnnualReportIndexPage.objects.live().get(locale=chinese).url)
    paths.append(AnnualReportIndexPage.objects.live().get(locale__language_code="en").url)
    paths.append(phone_paths()["report"])
    paths.append("/search/?q=公开")
    return paths


def test_the_largest_text_on_a_phone_keeps_two_characters_a_line(phone, live_english_demo):
    # 特大 (175 %) is the 适老化 size: the item's metadata table went one character per line
    # (索/引/号, 20/26/-1/1-/11) and the listing's dates likewise. A table that cannot keep its
    # columns stacks them or scrolls; none squeezes a cell.
    problems = {}
    for path in reading_paths():
        for text in (0, 3):
            separator = "&" if "?" in path else "?"
            assert phone.goto(f"{live_english_demo.url}{path}{separator}text={text}").status == 200
            narrow = phone.evaluate(NARROW_CELLS)
            if narrow:
                problems[f"{path} text={text}: cells under two characters"] = narrow[:4]
            spilling = phone.evaluate(CELLS_SPILLING)
            if spilling:
                problems[f"{path} text={text}: text wider than its cell"] = spilling[:4]
            dates = phone.evaluate(DATES_SPLIT)
            if dates:
                problems[f"{path} text={text}: dates split"] = dates[:4]
            if phone.evaluate(OVERFLOW) > 0:
                problems[f"{path} text={text}: scrolls sideways"] = phone.evaluate(OVERFLOW)
    assert not problems, problems


def test_the_english_report_index_splits_no_word_on_a_phone(phone, live_english_demo):
    from disclosure.reports.models import AnnualReportIndexPage

    index = AnnualReportIndexPage.objects.live().get(locale__language_code="en")
    phone.goto(live_english_demo.url + index.url)
    broken = phone.evaluate(WORDS_BROKEN_MID_WORD)
    assert not broken, broken  # "Reque / sts", "Y / e / ar", "2 / 0 / 2 / 2"
    # The chart's labels are read at 12 px at least, not scaled down with the picture.
    sizes = phone.locator(".report-chart svg text").evaluate_all(
        "texts => texts.map(t => t.getBoundingClientRect().height)"
    )
    assert sizes and min(sizes) >= 12, sizes


def test_a_wide_statutory_table_says_it_scrolls_and_pins_its_corner(phone, live_demo):
    phone.goto(live_demo.url + phone_paths()["report"])
    # A phone hides its scrollbar: the words of the region's label show where the table is
    # wider than the screen (表二, 表三), not where it fits (表一).
    assert phone.locator(".report-table--table_b .report-table__hint").is_visible()
    assert phone.locator(".report-table--table_c .report-table__hint").is_visible()
    assert not phone.locator(".report-table--table_a .report-table__hint").is_visible()
    # Scrolled, the headings of the columns under the pinned labels hide under the pinned corner
    # instead of standing above the labels with no figures under them.
    region = phone.locator(".report-table--table_b > [role=region]")
    corner = region.locator("thead th").first
    corner.scroll_into_view_if_needed()
    before = corner.bounding_box()["x"]
    region.evaluate("r => r.scrollLeft = 200")
    assert abs(corner.bounding_box()["x"] - before) <= 2
    heading = region.locator("thead th", has_text="自然人").bounding_box()
    at = [heading["x"] + heading["width"] / 2, heading["y"] + heading["height"] / 2]
    on_top = phone.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('th').innerText", at
    )
    assert "勾稽关系" in on_top, on_top
    phone.emulate_media(media="print")
    assert not phone.locator(".report-table--table_b .report-table__hint").is_visible()


# Elements wider than the screen, outside the regions that scroll on purpose.
WIDER_THAN_THE_SCREEN = """() => [...document.querySelectorAll('main *')]
  .filter(el => el.offsetParent !== null && !el.closest('[role=region]'))
  .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
  .map(el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))
  .slice(0, 10)"""


def test_the_english_report_and_search_fit_a_phone_their_tables_scrolling_in_their_regions(
    phone, live_english_demo, output_dir
):
    from disclosure.reports.models import AnnualReportPage

    report = AnnualReportPage.objects.live().get(locale__language_code="en")
    problems = {}
    paths = [report.url, f"{report.url}?text=3", "/en/search/?q=guide", "/search/?q=低保"]
    for path in paths:
        assert phone.goto(live_english_demo.url + path).status == 200, path
        overflow = phone.evaluate(OVERFLOW)
        wide = phone.evaluate(WIDER_THAN_THE_SCREEN)
        if overflow > 0 or wide:
            problems[path] = (overflow, wide)
        phone.screenshot(path=output_dir / f"{path.strip('/').replace('/', '-')[:40]}-360px.png")
    assert not problems, problems
    phone.goto(live_english_demo.url + report.url)
    region = phone.locator(".report-table--table_b > [role=region]")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")  # it scrolls, inside its box
    assert phone.locator(".report-table--table_b .report-table__hint").is_visible()
    # The search filters: one a line, the selects in one column of one width.
    for path in ("/en/search/?q=guide", "/search/?q=低保"):
        phone.goto(live_english_demo.url + path)
        boxes = phone.locator(".search-filter select").evaluate_all(
            "els => els.map(el => el.getBoundingClientRect())"
            ".map(r => [Math.round(r.left), Math.round(r.width), Math.round(r.top)])"
        )
        assert len({(left, width) for left, width, _top in boxes}) == 1, (path, boxes)
        assert len({top for _left, _width, top in boxes}) == len(boxes), (path, boxes)


def test_without_javascript_a_phone_still_shows_the_wide_tables_hint(browser, live_english_demo):
    from disclosure.reports.models import AnnualReportPage

    report = AnnualReportPage.objects.live().get(locale__language_code="en")
    for viewport, shown in ((PHONE, True), ({"width": 1280, "height": 800}, False)):
        context = browser.new_context(viewport=viewport, java_script_enabled=False)
        page = context.new_page()
        page.goto(live_english_demo.url + report.url)
        hint = page.locator(".report-table--table_b .report-table__hint")
        assert hint.is_visible() == shown, viewport
        if shown:
            assert hint.inner_text().startswith("Table 2 (scroll sideways to see all)")
        assert not page.locator(".report-table--table_a .report-table__hint").is_visible()
        context.close()
