"""People at their own desks: each signs in at a browser context of their own."""

PASSWORD = "browser-test"  # the demo's accounts in live_demo (conftest.py)


def sign_in(browser, server, username):
    """A fresh context (cookies of its own), signed in; returns its page at the dashboard."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server.url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/admin/")
    return page


def form_answer(page):
    """Around a page form's submit: waits until the page that answers it has loaded. Wagtail's
    autosave may already have made the new item and moved the address to its edit page (through
    the history API, which Playwright counts as a navigation but which loads nothing), so
    neither the address nor a navigation says the answer has come."""
    return page.expect_event("load")


def wait_until(page, condition, seconds=30, what="the change"):
    for _attempt in range(seconds * 5):
        if condition():
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"{what} did not happen in the browser")


def ensure_handler():
    """The township's 依申请办理 account `handler` (the demo loader adds it once issue 17's
    handler account lands; made here otherwise)."""
    from django.contrib.auth import get_user_model

    from disclosure.applications.roles import ensure_organisation_handlers
    from disclosure.catalogue.models import DisclosureIndexPage

    township = DisclosureIndexPage.objects.get(slug="xxgk").organisation
    user, created = get_user_model().objects.get_or_create(
        username="handler", defaults={"first_name": "友谊镇依申请经办人"}
    )
    if created:
        user.set_password(PASSWORD)
        user.save()
    user.groups.add(ensure_organisation_handlers(township))
    return user


def form_posts(page, url):
    """A list that fills with the form posts the page sends to `url` (navigations only: the
    form, not Wagtail's autosave to the same address)."""
    posts = []
    page.on(
        "request",
        lambda request: (
            posts.append(request.url)
            if request.method == "POST" and request.url == url and request.is_navigation_request()
            else None
        ),
    )
    return posts


def fill_guide_elements(page):
    """The key elements a 办事指南 must give before it is submitted
    (catalogue/models/guide_elements.py), typed as an editor types them: each list (申请材料,
    办理流程) gets one entry through its add button."""
    from disclosure.moderation.tests.helpers import GUIDE_ELEMENTS

    for name, value in GUIDE_ELEMENTS.items():
        if isinstance(value, str):
            page.locator(f"[name={name}]").fill(value)
    for field, key in (("materials", "name"), ("steps", "title")):
        (_block_type, first), *_others = GUIDE_ELEMENTS[field]
        page.locator(f'[data-contentpath="{field}"] button.c-sf-add-button').first.click()
        page.locator(f'input[name="{field}-0-value-{key}"]').fill(first[key])
