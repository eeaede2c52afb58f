"""search/urls.py serves the search page and its autocomplete at their addresses and names, in
every content language."""

from django.urls import resolve, reverse
from django.utils import translation

from search import views


def test_the_search_urls_keep_their_names_and_addresses():
    assert reverse("search") == "/search/"
    assert reverse("search_autocomplete") == "/search/autocomplete/"
    assert resolve("/search/").func is views.search
    assert resolve("/search/autocomplete/").func is views.autocomplete


def test_the_search_urls_are_under_each_language_prefix():
    with translation.override("en"):
        assert reverse("search") == "/en/search/"
        assert reverse("search_autocomplete") == "/en/search/autocomplete/"
        assert resolve("/en/search/autocomplete/").func is views.autocomplete
