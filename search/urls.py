"""The public search page and its title autocomplete, under /search/ (gongkai/urls.py, in
every content language). No namespace: templates and hooks name them `search` and
`search_autocomplete`."""

from django.urls import path

from search import views

urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete/", views.autocomplete, name="search_autocomplete"),
]
