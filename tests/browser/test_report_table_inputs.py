"""The statutory tables in the page editor (disclosure/reports): every number cell shows at
least five digits, on a desktop and on a phone; a table wider than its region scrolls sideways
there instead of squeezing its cells; on a laptop screen a long table scrolls in a region the
window holds, its column headings and row labels staying in sight."""

import pytest

from disclosure.reports.models import AnnualReportPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "browser-test"

# For every number input: the width its text may use (the box less padding and border), the
# width of five digits and of its own value in its font.
MEASURE = """
() => {
  const canvas = document.createElement("canvas").getContext("2d");
  return [...document.querySelectorAll(".gk-table-form input.gk-cell")].map((input) => {
    const style = getComputedStyle(input);
    canvas.font = style.font;
    const px = (name) => parseFloat(style[name]) || 0;
    const content = input.getBoundingClientRect().width - px("paddingLeft") - px("paddingRight")
      - px("borderLeftWidth") - px("borderRightWidth");
    return {
      label: input.getAttribute("aria-label"),
      content,
      five: canvas.measureText("99999").width,
      value: canvas.measureText(input.value).width,
    };
  });
}
"""

# Each table's scroll region: its right edge within the window, its table at least as wide;
# the width of its row labels' column and their font size.
REGIONS = """
() => [...document.querySelectorAll(".gk-table-form table")].map((table) => {
  const region = table.parentElement;
  const label = table.tBodies[0].rows[0].cells[0];
  return {
    caption: table.caption.textContent.trim(),
    scrolls: getComputedStyle(region).overflowX,
    right: region.getBoundingClientRect().right,
    window: document.documentElement.clientWidth,
    label: label.getBoundingClientRect().width,
    em: parseFloat(getComputedStyle(label).fontSize),
  };
})
"""


# The longest table's region (表三, 26 rows), scrolled to its end both ways: where it sits
# against the window and the editor's action bar, its headings, its row labels and columns.
LONGEST = """
() => {
  const tables = [...document.querySelectorAll(".gk-table-form table")];
  const table = tables.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
  const region = table.parentElement;
  region.dataset.longest = "";
  region.scrollIntoView({block: "start"});
  const box = () => region.getBoundingClientRect();
  const heading = table.tHead.rows[table.tHead.rows.length - 1].cells;
  const visibleColumns = [...heading].slice(1).filter((th) => {
    const r = th.getBoundingClientRect();
    return r.left >= box().left - 1 && r.right <= box().right + 1;
  }).length;
  const headerBottom = Math.max(0, ...[...document.querySelectorAll("header, .w-header")]
    .filter((h) => ["sticky", "fixed"].includes(getComputedStyle(h).position))
    .map((h) => h.getBoundingClientRect().bottom));
  const bar = document.querySelector("footer.footer, .footer");
  const barTop = bar ? bar.getBoundingClientRect().top : window.innerHeight;
  region.scrollTop = region.scrollHeight;
  region.scrollLeft = region.scrollWidth;
  const lastRow = table.tBodies[0].rows[table.tBodies[0].rows.length - 1];
  return {
    caption: table.caption.textContent.trim(),
    rows: table.rows.length,
    columns: heading.length - 1,
    visibleColumns,
    height: box().height,
    room: barTop - headerBottom,
    scrolled: region.scrollTop > 0,
    headingOffset: heading[0].getBoundingClientRect().top - box().top,
    labelOffset: lastRow.cells[0].getBoundingClientRect().left - box().left,
  };
}
"""


def open_report_editor(browser, server, viewport):
    report = AnnualReportPage.objects.get(year=2023)
    page = browser.new_context(locale="zh-CN", viewport=viewport).new_page()
    page.goto(server.url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/admin/")
    page.goto(f"{server.url}/admin/pages/{report.pk}/edit/")
    page.locator(".gk-table-form input.gk-cell").first.wait_for(state="attached")
    return page


@pytest.mark.parametrize("width", [1366, 390])
def test_every_number_cell_shows_five_digits(browser, live_demo, output_dir, width):
    page = open_report_editor(browser, live_demo, {"width": width, "height": 900})
    cells = page.evaluate(MEASURE)
    regions = page.evaluate(REGIONS)
    page.locator(".gk-table-form").last.scroll_into_view_if_needed()
    page.screenshot(path=output_dir / f"table-inputs-{width}.png")
    page.goto("about:blank")  # leave the editor (it releases its editing session)

    assert len(cells) > 100  # 表二, 表三 and 表四 are all there
    assert any(cell["value"] for cell in cells)  # the demo's numbers are filled in
    narrow = [c for c in cells if c["content"] < max(c["five"], c["value"])]
    assert narrow == []
    assert regions and all(r["scrolls"] in ("auto", "scroll") for r in regions), regions
    assert all(r["right"] <= r["window"] + 1 for r in regions), regions
    # Every table's row labels keep room for words, however many columns it has (表四's
    # fifteen squeezed 项目 and 案件数量 to one character a line).
    assert all(r["label"] >= 5 * r["em"] for r in regions), regions


def test_a_long_table_keeps_its_headings_labels_and_scrollbar_in_sight_at_1366(
    browser, live_demo, output_dir
):
    page = open_report_editor(browser, live_demo, {"width": 1366, "height": 768})
    longest = page.evaluate(LONGEST)
    page.screenshot(path=output_dir / "longest-table-1366.png")
    page.locator("[data-longest]").screenshot(path=output_dir / "longest-table-scrolled.png")
    page.goto("about:blank")

    assert longest["rows"] > 20, longest
    # Every column of 表三 fits beside its row labels: nothing to scroll sideways for.
    assert longest["visibleColumns"] == longest["columns"], longest
    # The region fits between the editor's header and its action bar: its bottom edge, where a
    # sideways scrollbar sits, is in sight, and it scrolls down within itself.
    assert longest["height"] <= longest["room"], longest
    assert longest["scrolled"], longest
    # Scrolled to its last row and last column, the headings and the labels are still there.
    assert abs(longest["headingOffset"]) <= 2, longest
    assert abs(longest["labelOffset"]) <= 2, longest


def test_tab_goes_from_cell_to_cell(browser, live_demo):
    """Wagtail gives each field an 添加评论 button when comments are on: in the tables Tab
    stopped on it between every two cells, and a digit typed after one Tab went nowhere. The
    buttons stay for the mouse; Tab goes to the next cell."""
    page = open_report_editor(browser, live_demo, {"width": 1366, "height": 900})
    cells = page.locator(".gk-table-form input.gk-cell")
    cells.nth(0).focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.name")
    second = cells.nth(1).get_attribute("name")
    buttons = page.locator(".gk-table-form .w-field__comment-button").count()
    page.goto("about:blank")

    assert buttons > 0  # comments are on: the buttons the keyboard must pass over are there
    assert focused == second
