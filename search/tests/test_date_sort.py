"""按发布日期 orders results by the date each result shows, newest first, and lists the pages that
show none (roots, columns, the 年报 listing) after every dated page (search/result_dates.py), on
the database backend, the OpenSearch node and Elasticsearch 8's compiled sort.

As in the demo, the columns were set up after the documents' recorded publication dates: sorting
by first publication mixed them among the dated results.
"""

import datetime
import os

import pytest
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from disclosure.catalogue.tests.factories import (
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
    DisclosureIndexPageFactory,
)
from disclosure.reports.tests.factories import AnnualReportIndexPageFactory
from search import result_dates
from search.engine import INDEX_SETTINGS
from search.query import expand

pytestmark = pytest.mark.django_db


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 9))


@pytest.fixture
def dated(db):
    """Columns set up on 2026-12-01, documents published before, all holding 公开."""
    root = DisclosureIndexPageFactory(
        organisation__name="友谊镇人民政府", title="友谊镇政府信息公开"
    )
    column = CategoryPageFactory(parent=root, title="政务公开", intro="<p>政务公开。</p>")
    reports = AnnualReportIndexPageFactory(parent=root, title="政府信息公开工作年度报告")
    documents = [
        DisclosureDocumentPageFactory(
            parent=column,
            title=title,
            body=[("paragraph", "<p>政务公开工作。</p>")],
            published_on=published.date(),
        )
        for title, published in [
            ("政务公开工作规定", at(2026, 11, 26)),
            ("政务公开工作要点", at(2025, 3, 1)),
            ("政务公开目录", at(2026, 11, 28)),
        ]
    ]
    # The tree's set-up is newer than every document, as on a site set up after an import.
    Page.objects.filter(pk__in=[root.pk, column.pk, reports.pk]).update(
        first_published_at=at(2026, 12, 1)
    )
    return {"documents": documents, "undated": [root, column, reports]}


EXPECTED = ["政务公开目录", "政务公开工作规定", "政务公开工作要点"]
UNDATED = {"友谊镇政府信息公开", "政务公开", "政府信息公开工作年度报告"}


def test_the_date_sort_lists_dated_results_newest_first_then_the_undated(client, dated):
    response = client.get("/search/", {"q": "公开", "sort": "date"})
    rows = response.context["rows"]
    titles = [row["page"].title for row in rows]
    assert titles[:3] == EXPECTED
    assert set(titles[3:]) == UNDATED
    # Exactly the rows showing a date come first.
    assert [row["dated"] for row in rows] == [True] * 3 + [False] * 3
    html = response.content.decode()
    assert html.index("2026-11-28") < html.index("2026-11-26") < html.index("2025-03-01")


def test_a_translation_is_sorted_by_the_date_it_shows(client, dated):
    from gongkai.languages.tests.helpers import translate

    newest, middle, oldest = (dated["documents"][i] for i in (2, 0, 1))
    english = [translate(page, "en") for page in (oldest, middle, newest)]
    # Translated in the opposite order: the newest translation is of the oldest document.
    for days, page in enumerate(english):
        Page.objects.filter(pk=page.pk).update(first_published_at=at(2026, 12, 2 + days))
    Page.objects.filter(pk=english[0].pk).update(title="Work points")
    Page.objects.filter(pk=english[1].pk).update(title="Work rules")
    Page.objects.filter(pk=english[2].pk).update(title="Catalogue")
    for page in english:
        Page.objects.get(pk=page.pk).specific.save_revision()  # reindexed under its new title
    response = client.get("/en/search/", {"q": "公开", "sort": "date"})
    titles = [row["page"].title for row in response.context["rows"] if row["dated"]]
    assert titles == ["Catalogue", "Work rules", "Work points"]


def test_a_translation_is_filtered_and_offered_by_the_year_it_shows(client, dated):
    """A translation published in 2026 of a document published in 2025 shows 2025: the English
    site lists it under 2025 and offers 2025, as the Chinese site does for its source."""
    from gongkai.languages.tests.helpers import translate

    source = dated["documents"][1]  # 政务公开工作要点, published 2025-03-01
    english = translate(source, "en")
    Page.objects.filter(pk=english.pk).update(first_published_at=at(2026, 12, 2))
    response = client.get("/en/search/", {"q": "公开", "year": 2025})
    assert [row["page"].pk for row in response.context["rows"]] == [english.pk]
    assert "2025-03-01" in response.content.decode()
    assert client.get("/en/search/", {"q": "公开", "year": 2026}).context["rows"] == []
    assert 2025 in response.context["years"] and 2026 not in response.context["years"]


def ranked(backend, queryset, text):
    return [
        page.title
        for page in queryset.search(
            expand(text).search_query, backend=backend, order_by_relevance=False
        )
    ]


@pytest.mark.skipif(
    not os.environ.get("TEST_OPENSEARCH_URL"),
    reason="needs a running OpenSearch node: eval $(tests/opensearch.sh start)",
)
def test_the_opensearch_node_sorts_by_the_date_shown(dated):
    from search.tests.factories import index_pages

    backend = get_search_backend("opensearch")
    index = index_pages(backend)
    try:
        below_home = Page.objects.live().filter(depth__gt=result_dates.HOME_DEPTH)
        titles = ranked("opensearch", result_dates.by_shown_date(below_home), "公开")
        assert titles[:3] == EXPECTED and set(titles[3:]) == UNDATED
    finally:
        index.delete()


def test_elasticsearch8_sorts_on_the_document_fields_of_the_date_shown(dated):
    from search.backends.elasticsearch8 import ChineseElasticsearch8Mapping

    backend = get_search_backend(
        "search.backends.elasticsearch8",
        URLS=["http://127.0.0.1:9"],  # never contacted: only the compiler and mapping run
        INDEX_PREFIX="gk_",
        INDEX_SETTINGS=INDEX_SETTINGS,
    )
    queryset = result_dates.by_shown_date(Page.objects.live())
    compiler = backend.query_compiler_class(queryset, "公开", order_by_relevance=False)
    compiler.check()
    assert compiler.get_sort() == [
        {"result_undated": {"order": "asc", "unmapped_type": "boolean"}},
        {"result_date": {"order": "desc", "missing": "_last", "unmapped_type": "date"}},
        {"id_filter": {"order": "desc"}},
    ]
    mapping = ChineseElasticsearch8Mapping(Page)
    assert mapping.get_mapping()["properties"]["result_date"] == {"type": "date"}
    column, document = dated["undated"][1], dated["documents"][0]
    assert mapping.get_document(column.specific)["result_undated"] is True
    sent = mapping.get_document(document.specific)
    assert sent["result_undated"] is False
    assert sent["result_date"].startswith("2026-11-26")


@pytest.fixture
def many_dated(dated):
    """Twelve more documents, every other one holding 公开, two published at the same moment
    (the tie the primary key orders), each a day apart otherwise."""
    column = dated["undated"][1]
    for n in range(12):
        published = at(2024, 1, 1 + n - (n == 5))  # n = 4 and n = 5 share a day
        DisclosureDocumentPageFactory(
            parent=column,
            title=f"第{n}号{'公开' if n % 2 else '通知'}",
            body=[("paragraph", "<p>一般事项。</p>")],
            published_on=published.date(),
        )
    return dated


def by_the_databases_plan(monkeypatch, queryset, text, start, stop):
    from search.backends.common import TopKSearchMixin

    with monkeypatch.context() as patched:
        patched.setattr(TopKSearchMixin, "newest_first", lambda *args: None)
        return ranked_slice(queryset, text, start, stop)


def ranked_slice(queryset, text, start, stop):
    results = queryset.search(expand(text).search_query, order_by_relevance=False)
    return [page.pk for page in results[start:stop]]


@pytest.mark.parametrize("probe", [1, 3, 200])
def test_walking_the_newest_pages_finds_what_the_databases_plan_finds(
    many_dated, monkeypatch, probe
):
    # A window of `probe` pages at most: the walk filling the page, running out of dated pages
    # (the undated come next) and stopping at its bound must each give the database's order.
    from search.backends import common

    monkeypatch.setattr(common, "MIN_PROBE", probe)
    monkeypatch.setattr(common, "MAX_PROBE", probe)
    live = Page.objects.live().filter(depth__gt=result_dates.HOME_DEPTH)
    querysets = [
        result_dates.by_shown_date(live),
        result_dates.by_shown_date(live.filter(first_published_at__year=2024)),
        result_dates.by_shown_date(live.descendant_of(many_dated["undated"][1])),
    ]
    for queryset in querysets:
        for text in ["公开", "通知", "政务公开", "没有的词"]:
            for start, stop in [(0, 1), (0, 2), (0, 5), (1, 3), (3, 8), (0, 30)]:
                expected = by_the_databases_plan(monkeypatch, queryset, text, start, stop)
                assert ranked_slice(queryset, text, start, stop) == expected, (text, start, stop)
    assert ranked_slice(querysets[0], "公开", 0, 3) == [
        page.pk for page in Page.objects.filter(title__in=EXPECTED).order_by("-first_published_at")
    ]


def test_a_common_word_sorted_by_date_checks_only_the_newest_pages(many_dated):
    # The database's plan handed the id of every match to the page query and sorted them all
    # (193 of 212 ms for 公开 at 100,000 pages on SQLite): the walk checks a window of the
    # newest pages against the index by key, then reads the page's results by key.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    queryset = result_dates.by_shown_date(Page.objects.live())
    with CaptureQueriesContext(connection) as queries:
        found = ranked_slice(queryset, "公开", 0, 2)
    assert found == [
        page.pk
        for page in Page.objects.filter(title__in=EXPECTED[:2]).order_by("-first_published_at")
    ]
    match = ("MATCH", "@@")
    statements = [query["sql"] for query in queries]
    assert any(any(word in sql for word in match) for sql in statements)
    assert not [
        sql
        for sql in statements
        if "wagtailcore_page" in sql and any(word in sql for word in match)
    ]
