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

from tests.factories import publish_fixture

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def dated(page, year):
    # An update, not a save: no signal, so only what the test does next can renew the choices.
    Page.objects.filter(pk=page.pk).update(
        first_published_at=datetime.datetime(year, 6, 1, tzinfo=SHANGHAI)
    )


def year_choices(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/")
    probe = 'SELECT "wagtailcore_page"."first_published_at" AS "first_published_at" FROM'
    probes = [q["sql"] for q in queries if q["sql"].startswith(probe)]
    return response.context["years"], probes


@pytest.mark.django_db
def test_the_year_choices_are_read_once_until_the_public_pages_change(client, corpus):
    first, probes = year_choices(client)
    assert probes
    dated(corpus["dibao_title"], 2015)
    # Served from the cache: no probe, and the change made without a signal is not seen yet.
    assert year_choices(client) == (first, [])

    publish_fixture(corpus["dibao_body"])
    years, probes = year_choices(client)
    assert 2015 in years and probes

    corpus["dibao_title"].specific.unpublish()
    assert 2015 not in year_choices(client)[0]


@pytest.mark.django_db
def test_a_view_restriction_or_a_deletion_renews_the_year_choices(client, corpus):
    dated(corpus["budget_2022"], 2016)
    dated(corpus["dibao_title"], 2014)
    years, _probes = year_choices(client)
    assert {2016, 2014} <= set(years)

    PageViewRestriction.objects.create(
        page=corpus["budget_2022"], restriction_type="password", password="x"
    )
    assert 2016 not in year_choices(client)[0]

    corpus["dibao_title"].delete()
    assert 2014 not in year_choices(client)[0]
