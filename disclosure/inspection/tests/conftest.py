import pytest

from disclosure.moderation.tests.offices import build_office


@pytest.fixture
def office(db):
    """友谊镇 with 办事指南 and 通知公告 columns and one user per role; the county office."""
    built = build_office()
    built["township"] = built["root"].organisation
    built["county"] = built["county_root"].organisation
    return built
