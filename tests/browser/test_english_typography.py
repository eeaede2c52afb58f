"""The English pages set ’ as an apostrophe, not as the full-width Chinese quotation mark a CJK
font draws ("People’ s")."""

import pytest

from tests.demo_snapshot import load_committed_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The width of the first ’ of the element's text, in units of its font size.
APOSTROPHE_WIDTH = """(element) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf("\\u2019");
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    return range.getBoundingClientRect().width / parseFloat(getComputedStyle(element).fontSize);
  }
  return null;
}"""


def test_the_english_home_page_sets_the_apostrophe_narrow(page, live_server, output_dir):
    load_committed_demo(password="browser-test", english=True)
    page.goto(live_server.url + "/en/")
    heading = page.locator("h1")
    assert "People’s" in heading.inner_text()
    width = heading.evaluate(APOSTROPHE_WIDTH)
    page.screenshot(path=output_dir / "english-home.png")
    assert width is not None and width < 0.5, width  # a CJK font's ’ is a full 1 em
    page.goto(live_server.url + "/")  # Chinese pages keep the CJK fonts' own quotation marks
    assert "Noto Sans CJK SC" in page.locator("body").evaluate(
        "(body) => getComputedStyle(body).fontFamily"
    )
