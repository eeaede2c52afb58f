"""The browser suite runs under the site's Content-Security-Policy (base settings): every page
it opens is checked for what chromium refused (conftest.csp_violations)."""

import pytest

from .conftest import csp_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_inline_script_under_the_sites_policy_is_refused_and_seen(browser, live_server):
    policy = browser.new_context().request.get(f"{live_server.url}/robots.txt").headers
    context = browser.new_context()
    page = context.new_page()
    page.route(
        f"{live_server.url}/inline/",
        lambda route: route.fulfill(
            body="<title>x</title><script>document.title = 'ran'</script>",
            headers={
                "content-type": "text/html; charset=utf-8",
                "content-security-policy": policy["content-security-policy"],
            },
        ),
    )
    page.goto(f"{live_server.url}/inline/")
    assert page.title() == "x"
    refused = csp_violations(context)
    context.close()
    assert refused and "inline script" in refused[0]
