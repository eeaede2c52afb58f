"""The public API refuses out-of-range offsets with a 400 instead of reaching the database."""

import pytest

ENDPOINTS = ["/api/v2/pages/", "/api/v2/documents/"]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("name", ["offset", "limit"])
@pytest.mark.parametrize(
    "value", ["99999999999999999999999", "9223372036854775808", "-1", "9" * 5000, "x"]
)
def test_out_of_range_offset_or_limit_is_a_bad_request(client, endpoint, name, value):
    client.raise_request_exception = False
    response = client.get(endpoint, {name: value})
    assert response.status_code == 400
    assert name in response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_offsets_in_range_still_page(client, endpoint):
    assert client.get(endpoint, {"offset": "0", "limit": "１"}).status_code == 200
    response = client.get(endpoint, {"offset": str(10**9)})
    assert response.status_code == 200
    assert response.json()["items"] == []
