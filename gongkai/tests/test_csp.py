from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from gongkai.csp import CSPMiddleware

POLICY = {"DIRECTIVES": {"default-src": ["'self'"], "script-src": ["'self'"]}}


def header_for(path):
    middleware = CSPMiddleware(lambda request: HttpResponse("ok"))
    return middleware(RequestFactory().get(path))["Content-Security-Policy"]


@override_settings(CONTENT_SECURITY_POLICY=POLICY)
def test_public_pages_allow_no_inline_script():
    assert "script-src 'self'" in header_for("/xxgk/")
    assert "unsafe-inline" not in header_for("/xxgk/")


@override_settings(CONTENT_SECURITY_POLICY=POLICY)
def test_the_admin_editor_may_run_its_inline_scripts():
    assert "script-src 'self' 'unsafe-inline'" in header_for("/admin/pages/4/edit/")


def test_every_environment_sends_the_policy(client):
    """The policy is base.py's, not production's only: the test suite and the browser suite run
    under it, so an inline script in a public template fails here, not in production."""
    policy = client.get("/robots.txt")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"


@override_settings(CONTENT_SECURITY_POLICY=POLICY)
def test_the_admin_is_found_where_urls_put_it():
    # The admin's address comes from the URL configuration, not a second copy of "/admin/".
    with override_settings(ROOT_URLCONF="gongkai.tests.moved_admin_urls"):
        assert "unsafe-inline" in header_for("/backstage/pages/4/edit/")
        assert "unsafe-inline" not in header_for("/admin/pages/4/edit/")
