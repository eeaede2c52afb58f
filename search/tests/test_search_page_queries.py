"""What one search page costs the database: a fixed number of queries, none of them a write.

Each result used to cost two queries of its own (its specific page and its column), and the
year filter's choices a scan of every public page; at 100,000 pages that was most of the page
(docs/performance.md, "Search end to end").
"""

import datetime
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, PageViewRestriction

from disclosure.catalogue.tests.factories import CategoryPageFactory
from search.tests.factories import CORPUS_PER_MODULE, add_items
from search.views import public_pages, publication_years

pytestmark = CORPUS_PER_MODULE

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def search_queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", params)
    assert response.status_code == 200
    return response, [q["sql"] for q in queries]


def without_probe_windows(queries):
    """The queries but PostgreSQL ranking's windows over the newest index entries
    (search/backends/tsquery.py)."""
    return [sql for sql in queries if "ORDER BY id DESC LIMIT" not in sql]


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_results(client, corpus, celery_queue):
    add_items(corpus, 1)
    client.get("/search/", {"q": "公示"})  # caches (site, locale, settings) warm
    one, few = search_queries(client, q="公示")
    assert len(one.context["rows"]) == 1
    add_items(corpus, 9, offset=1)
    client.get("/search/", {"q": "公示"})  # the year choices again: the items were published
    ten, many = search_queries(client, q="公示")
    assert len(ten.context["rows"]) == 10
    assert {row["parent"].title for row in ten.context["rows"]} == {"预算决算", "办事指南"}
    assert {row["organisation"].name for row in ten.context["rows"]} == {
        "友谊镇人民政府",
        "和平县医疗保障局",
    }
    # One query more: the specific pages are read per page type, and there are two now. Not
    # counted: PostgreSQL's probe windows over the newest index entries (below), whose number
    # follows the ids the test database handed out, not the results.
    many_pages, few_pages = without_probe_windows(many), without_probe_windows(few)
    extra = Counter(many_pages) - Counter(few_pages)
    assert len(many_pages) == len(few_pages) + 1, "\n".join(extra.elements())
    # What one page reads in all (site, view restrictions, filters' choices, the search, the
    # count, the results, their pages and columns, editors' picks, the footer; the year choices
    # come from the cache until the next publication): a ceiling.
    # PostgreSQL's ranking reads the index's size once, then up to two queries per tier (the
    # newest entries, then the GIN index when they hold too few matches: how many depends on the
    # ids the test database has handed out), so its pages read a few more than SQLite's (24);
    # with a view restriction on the site, the aliases of restricted pages are read once
    # (patches/alias_restrictions.py); the public rule reads the pages not live that have children
    # once per public() query (catalogue/visibility.py: every ancestor live), twice here (the
    # results and the filters' columns).
    assert len(many) <= 32, "\n".join(many)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": "税"},
        {"q": "公示"},
        {"q": "低保 申请"},
        {"q": "低保"},  # synonyms (the default thesaurus)
        {"q": "量子计算机"},  # no result: did-you-mean and suggestions
        {"q": "公示", "org": "{org}"},
        {"q": "公示", "column": "{column}"},
        {"q": "公示", "year": "{year}"},
        {"q": "公示", "page": "2"},
        {"q": "公示", "sort": "date"},
        {"q": ""},
    ],
)
def test_no_search_page_writes_to_the_database(client, corpus, celery_queue, params):
    add_items(corpus, 12)
    values = {
        "org": corpus["county_root"].pk,
        "column": corpus["guide"].pk,
        "year": timezone.localtime().year,
    }
    params = {key: value.format(**values) for key, value in params.items()}
    queries_before = Query.objects.count()
    _response, sql = search_queries(client, **params)
    assert [s for s in sql if s.lstrip().upper().startswith(WRITES)] == []
    assert Query.objects.count() == queries_before
    # The search term is handed to the worker instead (page 1 of a search only).
    counted = [("search.record_search", (params["q"],))]
    assert celery_queue() == (counted if params["q"] and params.get("page") != "2" else [])


def published(page, when):
    Page.objects.filter(pk=page.pk).update(first_published_at=when)


@pytest.mark.django_db
def test_the_year_choices_are_the_years_of_public_pages_in_the_site_time_zone(corpus):
    shanghai = datetime.timezone(datetime.timedelta(hours=8))
    for page in Page.objects.filter(depth__gt=1):
        published(page, datetime.datetime(2024, 6, 1, tzinfo=shanghai))
    # 2022-12-31 20:00 UTC is already 2023 in Shanghai.
    published(corpus["budget_2022"], datetime.datetime(2022, 12, 31, 20, tzinfo=datetime.UTC))
    published(corpus["dibao_body"], datetime.datetime(2019, 1, 1, 0, 0, tzinfo=shanghai))
    published(corpus["dibao_title"], datetime.datetime(2018, 12, 31, 23, 59, tzinfo=shanghai))
    # Neither a draft's nor a restricted page's year is offered.
    published(corpus["draft"], datetime.datetime(2010, 5, 1, tzinfo=shanghai))
    published(corpus["restricted"], datetime.datetime(2011, 5, 1, tzinfo=shanghai))
    hidden = CategoryPageFactory(parent=corpus["guide"], title="内部栏目")
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    published(hidden, datetime.datetime(2012, 5, 1, tzinfo=shanghai))
    # Nor the year of a live page under a column taken down (disclosure/catalogue/visibility.py).
    withdrawn = CategoryPageFactory(parent=corpus["guide"], title="撤下的栏目", live=False)
    published(
        CategoryPageFactory(parent=withdrawn, title="其下的栏目"),
        datetime.datetime(2013, 5, 1, tzinfo=shanghai),
    )

    years = publication_years(public_pages())
    assert years == [2024, 2023, 2019, 2018]
    # The same years as truncating every page's date, which the page used to do.
    assert years == [d.year for d in public_pages().dates("first_published_at", "year", "DESC")]


@pytest.mark.django_db
def test_a_page_dated_in_the_first_year_ends_the_year_choices_without_an_error(client, corpus):
    published(corpus["dibao_title"], datetime.datetime(1, 1, 1, 12, tzinfo=datetime.UTC))
    assert publication_years(public_pages())[-1] == 1
    assert client.get("/search/", {"q": "低保"}).status_code == 200


@pytest.mark.django_db
def test_a_page_under_an_unpublished_column_is_no_result(client, corpus, celery_queue):
    """Public means every ancestor live too (disclosure/catalogue/visibility.py): the pages
    below a column taken down are not found, and the column is not named."""
    column = corpus["guide"]
    Page.objects.filter(pk=column.pk).update(live=False)
    response = client.get("/search/", {"q": "低保"})
    assert not [row for row in response.context["rows"] if row["page"].path.startswith(column.path)]
    assert column.title not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="an SQLite query plan: PostgreSQL plans by statistics a test database cannot give",
)
def test_a_year_s_pages_are_read_by_language_and_date_not_by_language_alone(corpus):
    # Without statistics SQLite took the language's index, every page under one value, and
    # read the whole table for a year's pages (migration search/0013).
    pages = public_pages().filter(first_published_at__year=2024).values("pk")
    sql, params = pages.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    reads = [step for step in plan if "wagtailcore_page" in step and "U0" not in step]
    assert any("search_page_language_published" in step for step in reads), plan
