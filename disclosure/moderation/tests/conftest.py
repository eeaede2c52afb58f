"""A township with its demo reviewers, and a second organisation with its own editor."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from disclosure.catalogue.models import DisclosureIndexPage
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from tests.fixtures import module_transaction, shared_or_built

from .offices import build_office


@pytest.fixture
def office(demo):
    """Users by role key and the two disclosure roots of the demo."""
    township_root = DisclosureIndexPage.objects.get(slug="xxgk")
    county_root = DisclosureIndexPage.objects.get(slug="county-office")
    User = get_user_model()
    outsider = User.objects.create_user("county-editor", password=demo)
    outsider.groups.add(ensure_organisation_roles(county_root.organisation)["editors"])
    users = {
        "editor": User.objects.get(username="editor"),
        "reviewer": User.objects.get(username="reviewer"),
        "secrecy": User.objects.get(username="secrecy"),
        "leader": User.objects.get(username="leader"),
        "admin": User.objects.get(username="admin"),
        "outsider": outsider,
    }
    return {"users": users, "root": township_root, "county_root": county_root, "password": demo}


@pytest.fixture(scope="module")
def small_office_for_the_module(django_db_setup, django_db_blocker, no_search_index_updates):
    """The small office built once for every test of a module (tests/fixtures.py
    module_transaction)."""
    with module_transaction(django_db_blocker, build_office) as office:
        yield office


@pytest.fixture
def small_office(request, db):
    """The township and county office without the demo (offices.py): faster to build. The
    module's shared office as built (fresh instances) where the module shares one."""
    return shared_or_built(request, "small_office_for_the_module", build_office)


@pytest.fixture
def column(office):
    """A catalogue column of the township where items are drafted."""
    return office["root"].get_children().specific().first()


@pytest.fixture(scope="module", autouse=True)
def no_search_index_updates():
    """These tests are about review, not search: skip the index updates every save queues,
    the demo a module shares (tests/fixtures.py demo_for_the_module) included."""
    backends = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield
