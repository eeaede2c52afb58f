"""The CAPTCHA's audio plays on the form's page, and 换一张 renews the picture and the player
together (a player left on the old key read digits that were no longer asked for)."""

import re

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_refresh_renews_the_picture_and_the_player(page, live_server):
    from disclosure.catalogue.tests.factories import OrganisationFactory

    OrganisationFactory(name="播放测试镇人民政府")
    page.goto(live_server.url + "/apply/")
    key = page.locator("input[name=captcha_0]").input_value()
    player = page.locator("audio.captcha-player")
    assert player.get_attribute("preload") == "none"
    assert player.locator("source").get_attribute("src") == f"/apply/captcha/{key}.wav"
    page.get_by_role("button", name="看不清，换一张").click()
    page.wait_for_function(
        "key => document.querySelector('input[name=captcha_0]').value !== key", arg=key
    )
    new_key = page.locator("input[name=captcha_0]").input_value()
    assert new_key in page.locator(".captcha-image").get_attribute("src")
    source = player.evaluate("audio => audio.querySelector('source').src")
    assert re.search(rf"/apply/captcha/{new_key}\.wav$", source)
    assert page.url == live_server.url + "/apply/"  # still the same page, nothing posted
