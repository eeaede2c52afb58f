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
