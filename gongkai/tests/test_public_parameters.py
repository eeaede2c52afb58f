"""Out-of-range parameters of the API and the application form: a 400 or ignored, never a 500."""

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


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_unknown_search_operator_is_a_bad_request(client, endpoint):
    client.raise_request_exception = False
    response = client.get(endpoint, {"search": "公开", "search_operator": "xor"})
    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]
    assert client.get(endpoint, {"search": "公开", "search_operator": "OR"}).status_code == 200


@pytest.mark.django_db
def test_an_unknown_search_operator_on_a_detail_view_is_a_bad_request(client):
    from wagtail.models import Page

    client.raise_request_exception = False
    page = Page.objects.get(depth=2)
    response = client.get(f"/api/v2/pages/{page.pk}/", {"search": "0", "search_operator": "0"})
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"type": "catalogue.BudgetPage", "published_on": "9999-99-99"},
        {"type": "catalogue.BudgetPage", "published_on": "0001-01-01"},
        {"type": "catalogue.PolicyDocumentPage", "abolished_on": "0000-01-01"},
        {"type": "catalogue.BudgetPage", "year": "²"},
        {"alias_of": "9223372036854775808"},
        {"type": "catalogue.PolicyDocumentPage", "interpreted_policy": "-9223372036854775809"},
    ],
)
def test_a_field_filter_value_the_field_cannot_hold_is_a_bad_request(client, query):
    client.raise_request_exception = False
    response = client.get("/api/v2/pages/", query)
    assert response.status_code == 400, response.content


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "٣", "9223372036854775808", "9" * 40, "-1"])
def test_the_application_form_ignores_an_organisation_that_is_no_id(client, value):
    client.raise_request_exception = False
    response = client.get("/apply/", {"organisation": value})
    assert response.status_code == 200
    assert response.context["form"].initial == {}


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("value", ["\x7f", "x", "-1", "9223372036854775808"])
def test_find_by_an_id_that_is_no_number_is_a_bad_request(client, endpoint, value):
    client.raise_request_exception = False
    response = client.get(f"{endpoint}find/", {"id": value})
    assert response.status_code == 400
