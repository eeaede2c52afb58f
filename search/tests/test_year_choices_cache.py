"""The search page's year choices are computed once per change to the public pages.

They were probes of every public page's first publication on every request (11 probes of
~40 ms on SQLite at 100,000 pages); they change only when which pages are public changes:
a publication, an unpublication, a deletion, a move or a view restriction
(gongkai/page_cache.py, PUBLICATIONS_TOKEN).
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from tests.factories import publish_fixture

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def dated(page, year):
    # An update, not a save: no signal, so only what the test does next can renew the choices.
    Page.objects.filter(pk=page.pk).update(
        first_published_at=datetime.datetime(year, 6, 1, tzinfo=SHANGHAI)
    )


def item(corpus, title):
    """An item page: the year filter offers the years of items, not of columns (undated_types)."""
    return DisclosureDocumentPageFactory(parent=corpus["budget"], title=title)


def year_choices(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/")
    probe = 'SELECT "wagtailcore_page"."first_published_at" AS "result_date" FROM'
    probes = [q["sql"] for q in queries if q["sql"].startswith(probe)]
    return response.context["years"], probes


@pytest.mark.django_db
def test_the_year_choices_are_read_once_until_the_public_pages_change(client, corpus):
    notice, rules = item(corpus, "低保公示"), item(corpus, "低保办法")
    first, probes = year_choices(client)
    assert probes
    dated(notice, 2015)
    # Served from the cache: no probe, and the change made without a signal is not seen yet.
    assert year_choices(client) == (first, [])

    publish_fixture(rules)
    years, probes = year_choices(client)
    assert 2015 in years and probes

    notice.unpublish()
    assert 2015 not in year_choices(client)[0]


@pytest.mark.django_db
def test_a_view_restriction_or_a_deletion_renews_the_year_choices(client, corpus):
    budget, notice = item(corpus, "2016年预算"), item(corpus, "低保公示")
    dated(budget, 2016)
    dated(notice, 2014)
    years, _probes = year_choices(client)
    assert {2016, 2014} <= set(years)

    PageViewRestriction.objects.create(page=budget, restriction_type="password", password="x")
    assert 2016 not in year_choices(client)[0]

    notice.delete()
    assert 2014 not in year_choices(client)[0]


@pytest.mark.django_db
def test_a_cache_that_keeps_nothing_still_serves_the_search_page(
    client, corpus, settings, celery_queue
):
    """The development settings' page cache is a dummy cache: `make run` must still search."""
    item(corpus, "低保公示")
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    for _request in range(2):
        years, probes = year_choices(client)
        assert years and probes  # computed every time: nothing is kept
    response = client.get("/search/", {"q": "低保"})
    assert response.status_code == 200
    assert response.context["rows"]  # the item, found
