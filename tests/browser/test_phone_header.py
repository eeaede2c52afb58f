"""A 390 px phone (the commonest iPhone width) sees the page's content near the top: the
header's search box and 政府信息公开 navigation fold under a menu button (a details element,
working without script). Unfolded, the content started 390 px down in Chinese and 527 px in
English. The 办事指南's materials table keeps its headings whole at phone and desktop widths
(序/号 and 份/数 were one character a line)."""

import pytest

from home.tests.english import english_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
# Where the content may start on a phone: the toolbar (languages, text size, contrast) and
# the banner above it.
CONTENT_WITHIN = 200
CONTENT_WITHIN_ENGLISH = 225

LINES_OF_TEXT = """element => {
  const range = document.createRange(); range.selectNodeContents(element);
  return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size; }"""


def context(browser, viewport, locale="zh-CN"):
    return browser.new_context(locale=locale, viewport=viewport, device_scale_factor=1)


def content_top(page):
    return page.evaluate("document.querySelector('main').getBoundingClientRect().top")


def test_the_header_folds_its_menu_on_a_phone(browser, live_demo):
    english_demo()
    phone = context(browser, PHONE).new_page()
    for path, limit, button in (
        ("/", CONTENT_WITHIN, "菜单"),
        ("/xxgk/", CONTENT_WITHIN, "菜单"),
        ("/en/", CONTENT_WITHIN_ENGLISH, "Menu"),
        ("/en/xxgk/", CONTENT_WITHIN_ENGLISH, "Menu"),
    ):
        phone.goto(live_demo.url + path)
        assert content_top(phone) <= limit, (path, content_top(phone))
        nav = phone.locator(".portal-nav")
        search = phone.locator("#site-search-q")
        assert not nav.is_visible() and not search.is_visible(), path
        toggle = phone.locator("summary.site-menu__toggle")
        assert toggle.inner_text().strip().startswith(button)
        # Keyboard and touch open it; the navigation and the search box are then there.
        toggle.focus()
        phone.keyboard.press("Enter")
        assert nav.is_visible() and search.is_visible(), path
        assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        toggle.click()
        assert not nav.is_visible(), path


def test_the_menu_opens_without_javascript(browser, live_demo):
    phone = browser.new_context(
        locale="zh-CN", viewport=PHONE, device_scale_factor=1, java_script_enabled=False
    ).new_page()
    phone.goto(live_demo.url + "/xxgk/")
    phone.locator("summary.site-menu__toggle").click()
    assert phone.get_by_role("link", name="政府信息公开指南").first.is_visible()


def test_a_wide_screen_shows_the_navigation_and_search_without_a_button(browser, live_demo):
    desktop = context(browser, DESKTOP).new_page()
    desktop.goto(live_demo.url + "/xxgk/")
    assert not desktop.locator("summary.site-menu__toggle").is_visible()
    assert desktop.locator(".portal-nav").is_visible()
    assert desktop.locator("#site-search-q").is_visible()
    # The search box sits in the banner's row, beside the organisation's name.
    brand = desktop.locator(".site-brand").bounding_box()
    search = desktop.locator("#site-search-q").bounding_box()
    assert search["y"] < brand["y"] + brand["height"] and search["x"] > brand["x"] + brand["width"]
    # The navigation band spans the window.
    band = desktop.evaluate("getComputedStyle(document.querySelector('.portal-nav')).boxShadow")
    assert band != "none"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1366px"])
def test_service_guide_material_headings_stay_whole(browser, live_demo, viewport):
    from disclosure.catalogue.models import ServiceGuidePage

    page = context(browser, viewport).new_page()
    for guide in ServiceGuidePage.objects.live().filter(locale__language_code="zh-hans"):
        if not guide.materials:
            continue
        page.goto(live_demo.url + guide.url)
        headings = page.locator(".service-materials thead th")
        assert headings.count() == 5
        for index in range(headings.count()):
            heading = headings.nth(index)
            text = heading.inner_text()
            assert heading.evaluate(LINES_OF_TEXT) == 1, (guide.title, text)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_the_service_item_list_keeps_its_columns_readable_on_a_phone(browser, live_demo):
    """Seven columns in 358 px put 办理部门 one character a line (社/会/事/务/办/公/室): each
    column keeps room for four characters, the table scrolls in its region, not the page."""
    from disclosure.catalogue.models import ServiceItemListPage

    page = context(browser, PHONE).new_page()
    item_list = ServiceItemListPage.objects.live().filter(locale__language_code="zh-hans").first()
    page.goto(live_demo.url + item_list.url)
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main')).fontSize)")
    for cell in page.locator(".service-items tbody tr:first-child td").all()[1:]:
        assert cell.bounding_box()["width"] >= 4 * font, cell.inner_text()
    region = page.locator(".table-scroll", has=page.locator(".service-items"))
    assert region.evaluate("element => element.scrollWidth > element.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
