"""The chooser's walls cost a few queries a page of results, not a few a row: which rows are
another organisation's is read once (the roots' paths), then each title cell asks in memory.

Each row costs what it costs in Wagtail's own chooser views (its children count, its parent,
…), measured beside ours for the same user and rows: the walls add no query a row."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.views import chooser

from disclosure.catalogue.tests.factories import CategoryPageFactory

from .walled_offices import LIVE, build_walled_office

pytestmark = pytest.mark.django_db

FEW, MANY = 2, 12


@pytest.fixture
def office():
    return build_walled_office()


def plant(office, count, start=0):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for n in range(start, start + count):
        page = CategoryPageFactory(
            parent=office["county_root"], title=f"{LIVE}{n}", slug=f"live-{n}"
        )
        backend.add(page)


def queries_of(client, url, data=None):
    client.get(url, data)  # per-process caches (content types, locales) warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(captured)


def wagtails_queries(view, user, url, data=None, **kwargs):
    """The queries of Wagtail's own chooser view, unwalled, for the same request."""
    request = RequestFactory().get(url, data)
    request.user = user

    def respond():
        response = view(request, **kwargs)
        return response.render() if hasattr(response, "render") else response

    respond()  # per-process caches warm, as in queries_of
    with CaptureQueriesContext(connection) as captured:
        response = respond()
    assert response.status_code == 200
    return len(captured)


def growth(office, user, client, url, view, data=None, **kwargs):
    """How many queries (ours, Wagtail's) the view adds from FEW rows to MANY."""
    client.force_login(user)
    plant(office, FEW)
    ours_few = queries_of(client, url, data)
    wagtails_few = wagtails_queries(view, user, url, data, **kwargs)
    plant(office, MANY - FEW, start=FEW)
    ours_many = queries_of(client, url, data)
    wagtails_many = wagtails_queries(view, user, url, data, **kwargs)
    return ours_many - ours_few, wagtails_many - wagtails_few


@pytest.mark.parametrize("user", ["township_admin", "site_admin"])
def test_browsing_another_organisations_pages_costs_the_walls_no_query_a_row(client, office, user):
    root = office["county_root"].pk
    url = reverse("wagtailadmin_choose_page_child", args=[root])
    view = chooser.BrowseView.as_view()
    ours, wagtails = growth(office, office["users"][user], client, url, view, parent_page_id=root)
    assert ours <= wagtails


def test_searching_another_organisations_pages_costs_the_walls_no_query_a_row(client, office):
    url = reverse("wagtailadmin_choose_page_search")
    view = chooser.SearchView.as_view()
    user = office["users"]["township_admin"]
    ours, wagtails = growth(office, user, client, url, view, {"q": LIVE})
    assert ours <= wagtails


def test_choosing_many_pages_costs_the_walls_no_query_a_page(client, office):
    user = office["users"]["township_admin"]
    client.force_login(user)
    url = reverse("wagtailadmin_choose_page_chosen_multiple")
    view = chooser.ChosenMultipleView.as_view()
    plant(office, MANY)
    pages = list(office["county_root"].get_children().values_list("pk", flat=True))
    ours = queries_of(client, url, {"id": pages}) - queries_of(client, url, {"id": pages[:FEW]})
    wagtails = wagtails_queries(view, user, url, {"id": pages}) - wagtails_queries(
        view, user, url, {"id": pages[:FEW]}
    )
    assert ours <= wagtails
