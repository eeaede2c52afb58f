"""The handling form of an application in chromium: each move's own fields show when that move
is chosen and hide when another is (Wagtail's w-rules controller); date and reason stay."""

import pytest
from playwright.sync_api import expect

from disclosure.applications.models import Application, State

from .people import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_choosing_a_move_shows_its_fields_only(browser, live_demo, output_dir):
    # One of 友谊镇's, whose 依申请办理 the demo's handler is.
    application = Application.objects.filter(
        organisation__short_name__contains="友谊镇", state=State.HANDLING
    ).first()
    assert application is not None, "the demo register has an application in 办理"
    page = sign_in(browser, live_demo, "handler")
    page.goto(f"{live_demo.url}/admin/applications_application/handle/{application.pk}/")

    def field(name):
        return page.locator(f"[name={name}]")

    # The controller resolves the rules a moment after each change: expect() waits for it.
    for name in ("on", "reason"):
        expect(field(name)).to_be_visible()
    expect(field("outcome")).to_be_hidden()
    expect(field("days")).to_be_hidden()
    page.select_option("#id_action", "reply")
    expect(field("outcome")).to_be_visible()
    expect(field("days")).to_be_hidden()
    expect(field("amount")).to_be_hidden()
    page.screenshot(path=output_dir / "reply.png", full_page=True)
    page.select_option("#id_action", "notify_fee")
    expect(field("amount")).to_be_visible()
    expect(field("outcome")).to_be_hidden()
    expect(field("party")).to_be_hidden()
    for name in ("on", "reason"):
        expect(field(name)).to_be_visible()
