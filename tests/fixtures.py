"""Fixtures shared by every app's tests and the cross-app suites."""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture
def demo(db):
    """The demo site, as `make run` loads it."""
    from home.demo import load_demo

    load_demo(password="test-password")
    return "test-password"


@pytest.fixture(autouse=True)
def default_interface_language():
    """Every test starts in the site's default language (简体中文). Django's LocaleMiddleware
    activates a request's language for the thread and never switches it back, so a test that
    requested an /en/ page left English on for whichever test its worker ran next."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
