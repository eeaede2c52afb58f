"""Hostile values of the search filters are ignored (the page answers), never a 500; a year
out of range stays chosen and finds nothing (test_views.py)."""

import pytest

from search.tests.factories import CORPUS_PER_MODULE

pytestmark = CORPUS_PER_MODULE

HOSTILE_NUMBERS = ["-1", "0", "1", "１", "99999", "9223372036854775808", "9" * 40, "1e3", "٣"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["year", "org", "column", "domain", "page"])
def test_out_of_range_numbers_are_ignored(client, corpus, name):
    client.raise_request_exception = False
    for value in HOSTILE_NUMBERS:
        response = client.get("/search/", {"q": "政府", name: value})
        assert response.status_code == 200, (name, value)


@pytest.mark.django_db
def test_full_width_digits_name_a_year(client, corpus):
    corpus["budget"].refresh_from_db()
    year = corpus["budget"].first_published_at.year
    full_width = str(year).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    response = client.get("/search/", {"q": "公开", "year": full_width})
    assert response.context["filters"].year == year
    typed = client.get("/search/", {"q": "公开", "year": str(year)}).context["rows"]
    assert response.context["rows"] == typed
