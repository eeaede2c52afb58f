"""Which page of a listing or of search results a URL's `page` gives."""

import pytest
from django.core.paginator import Paginator

from gongkai.params import requested_page

PAGES = Paginator(range(45), 20)  # three pages


@pytest.mark.parametrize(
    "value, number",
    [
        ("2", 2),
        ("３", 3),  # full-width, as Chinese input methods type it
        ("999", 3),  # past the last: the last
        ("9223372036854775808", 3),  # past any database's integer: past the last page too
        ("99999999999999999999999999", 3),
        ("0000000000000000000000002", 1),  # junk padding, not a number of pages
        ("0", 1),
        ("-1", 1),
        ("abc", 1),
        ("1.5", 1),
        ("+2", 1),  # signs, spaces and separators are not typed in a page number
        (" 2", 1),
        ("2 ", 1),
        ("1_0", 1),
        ("", 1),
        (None, 1),
    ],
)
def test_a_url_s_page_is_a_page_of_the_listing(value, number):
    assert requested_page(PAGES, value).number == number


def test_an_empty_listing_has_its_one_page():
    assert requested_page(Paginator([], 20), "5").number == 1
