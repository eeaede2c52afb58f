"""A 360 px phone (the narrowest common Android width) reads every kind of public page without
zooming: the page never scrolls sideways, no table squeezes a cell below two characters (the
2023 report's 表二 was 11,519 px tall, one character per line), the statutory tables scroll
inside a labelled region with their row labels pinned, and the search button stays beside its
box."""

import pytest

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


def test_search_buttons_stay_beside_their_boxes(phone, live_demo):
    for path, box in (("/search/?q=垃圾分类", "#search-q"), ("/", "#home-search-q")):
        phone.goto(live_demo.url + path)
        for field in (box, "#site-search-q"):
            form = phone.locator(field).locator("xpath=ancestor::form")
            button = form.get_by_role("button", name="搜索", exact=True)
            field_box = phone.locator(field).bounding_box()
            button_box = button.bounding_box()
            assert button_box["x"] >= field_box["x"] + field_box["width"], (path, field)
            assert abs(button_box["y"] - field_box["y"]) < field_box["height"], (path, field)
            assert button.evaluate(LINES_OF_TEXT) == 1, f"{path}: the button's text wraps"
