"""Searching one page type: its key is a link to Page (page_ptr), an integer like Page's."""

import pytest

from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?type=catalogue.ServiceGuidePage&search=办理",
        "/api/v2/pages/?type=catalogue.ServiceGuidePage&search=-0",
        "/api/v2/pages/?type=reports.AnnualReportPage&search=公开",
    ],
)
def test_the_api_searches_one_page_type(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] >= 0


def test_a_page_type_search_finds_its_pages(client, demo):
    response = client.get("/api/v2/pages/?type=catalogue.ServiceGuidePage&search=最低生活保障")
    assert response.status_code == 200 and response.json()["meta"]["total_count"] >= 1
