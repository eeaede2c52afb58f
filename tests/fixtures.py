"""Fixtures shared by every app's tests and the cross-app suites."""

import pytest


@pytest.fixture
def demo(db):
    """The demo site, as `make run` loads it."""
    from home.demo import load_demo

    load_demo(password="test-password")
    return "test-password"
