"""The statutory tables in the page editor (disclosure/reports): every number cell shows at
least five digits, on a desktop and on a phone; a table wider than its region scrolls sideways
there instead of squeezing its cells."""

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

# Each table's scroll region: its right edge within the window, its table at least as wide.
REGIONS = """
() => [...document.querySelectorAll(".gk-table-form table")].map((table) => {
  const region = table.parentElement;
  return {
    scrolls: getComputedStyle(region).overflowX,
    right: region.getBoundingClientRect().right,
    window: document.documentElement.clientWidth,
  };
})
"""


@pytest.mark.parametrize("width", [1366, 390])
def test_every_number_cell_shows_five_digits(browser, live_demo, output_dir, width):
    server = live_demo
    report = AnnualReportPage.objects.get(year=2023)
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server.url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/admin/")

    page.goto(f"{server.url}/admin/pages/{report.pk}/edit/")
    page.locator(".gk-table-form input.gk-cell").first.wait_for(state="attached")
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
