"""Fixtures several of the project package's test modules share."""

import pytest

from disclosure.moderation.tests.offices import build_office


@pytest.fixture
def office(db):
    """An organisation with its staff in every role (moderation's test office)."""
    return build_office()


@pytest.fixture
def editor_client(client, office):
    client.force_login(office["users"]["editor"])
    return client
