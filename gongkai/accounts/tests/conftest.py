"""Staff accounts for the account-security tests: one per role, site-wide role groups."""

import pytest

from .helpers import make_staff, organisation_administrator


@pytest.fixture
def staff(db):
    return {
        "editor": make_staff("editor", "editors"),
        "reviewer": make_staff("reviewer", "reviewers"),
        "secrecy": make_staff("secrecy", "secrecy"),
        "leader": make_staff("leader", "leaders"),
        "manager": organisation_administrator("manager"),
        "admin": make_staff("admin", superuser=True),
    }
