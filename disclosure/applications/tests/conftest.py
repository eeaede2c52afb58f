"""An organisation with a clerk who registers applications."""

import pytest

from disclosure.applications.models import Application
from disclosure.catalogue.tests.factories import OrganisationFactory
from tests.factories import UserFactory

from .factories import applicant_fields


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="友谊镇人民政府测试", short_name="友谊镇")


@pytest.fixture
def clerk(db):
    return UserFactory(username="clerk", first_name="王办理")


@pytest.fixture
def make_application(organisation, clerk):
    def make(organisation=organisation, **overrides):
        application, _code = Application.register(
            user=clerk, organisation=organisation, **applicant_fields(**overrides)
        )
        return application

    return make


@pytest.fixture
def handler(organisation):
    """A member of the organisation's own 依申请办理 group."""
    return UserFactory(
        username="handler",
        password="pw",
        first_name="赵办理",
        email="handler@example.invalid",
        groups=[organisation.application_handlers.group],
    )


@pytest.fixture
def handler_client(client, handler):
    client.force_login(handler)
    return client
