"""The search page counts its results up to a cap, and says so when there are more.

Counting every match of a common word took 3.5 s on PostgreSQL at 100,000 pages (each match's
phrase positions rechecked); nobody pages past the hundredth page (docs/search.md).
"""

import pytest
from django.db import connection
from django.db.models import F, Q
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from search import views
from search.tests.factories import CORPUS_PER_MODULE, add_items

pytestmark = CORPUS_PER_MODULE


def search(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": "公示", **params})
    assert response.status_code == 200
    return response, [query["sql"] for query in queries]


@pytest.mark.django_db
def test_past_the_cap_the_page_says_more_than_and_pages_up_to_the_cap(
    client, corpus, celery_queue, monkeypatch
):
    add_items(corpus, 8)
    monkeypatch.setattr(views, "COUNT_CAP", 5)
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 2)
    response, sql = search(client)
    paginator = response.context["search_results"].paginator
    assert (paginator.count, paginator.num_pages) == (5, 3)
    assert "共找到超过 5 条结果" in response.content.decode()
    # Counted by a subquery that stops at the sixth match, not by counting all eight.
    counts = [s for s in sql if s.upper().startswith("SELECT COUNT(")]
    assert counts and all("LIMIT 6" in s for s in counts), counts
    # A page past the cap shows the last page within it.
    last, _sql = search(client, page="9")
    assert last.context["search_results"].number == 3
    assert len(last.context["rows"]) == 1


@pytest.mark.django_db
def test_exactly_the_cap_is_counted_as_it_is(client, corpus, celery_queue, monkeypatch):
    add_items(corpus, 8)
    found = search(client)[0].context["search_results"].paginator.count
    monkeypatch.setattr(views, "COUNT_CAP", found)
    response, _sql = search(client)
    assert response.context["search_results"].paginator.count == found
    assert not response.context["count_capped"]
    assert f"共找到 {found} 条结果" in response.content.decode()
    monkeypatch.setattr(views, "COUNT_CAP", found - 1)
    assert search(client)[0].context["count_capped"]


@pytest.mark.django_db
def test_results_that_cannot_stop_counting_are_capped_after_counting(corpus):
    # The engines' results (OpenSearch, Elasticsearch) count from their index: no count_up_to.
    pages = Page.objects.filter(depth__gt=1)
    capped = views.CappedResults(pages, 2)
    assert (capped.count(), capped.capped) == (2, True)
    everything = views.CappedResults(pages, pages.count())
    assert (everything.count(), everything.capped) == (pages.count(), False)


@pytest.mark.django_db
def test_the_capped_count_keeps_to_the_pages_the_search_admits(corpus):
    # Matches outside the caller's pages (another office's items) are never counted, however
    # many the index holds, and the editors' unindexed drafts are counted with the rest.
    add_items(corpus, 8)
    office = Page.objects.get(pk=corpus["budget"].pk)
    pages = Page.objects.live().descendant_of(office)
    assert pages.search("公示").count_up_to(100) == pages.search("公示").count() == 4
    assert pages.search("公示").count_up_to(3) == 3
    drafts = Page.objects.descendant_of(office)
    draft = drafts.filter(live=True).last()
    draft.unpublish()
    assert drafts.search("公示").count_up_to(100) == 4  # 3 in the index, 1 draft by its title


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="an SQLite query plan: PostgreSQL plans by statistics a test database cannot give",
)
def test_the_capped_count_reads_the_index_s_matches_one_by_one(client, corpus, celery_queue):
    # `pk IN (every match)` had SQLite collect all of a common word's matches before the LIMIT
    # applied (190 ms at 100,000 pages): the index must drive, each match looked up by key.
    add_items(corpus, 8)
    _response, sql = search(client)
    admitted, *others = [s for s in sql if s.upper().startswith("SELECT COUNT(")]
    for count in [admitted, *others]:
        plan = query_plan(count)
        scans = [step for step in plan if step.startswith("SCAN")]
        assert any("VIRTUAL TABLE" in step for step in scans), plan
        assert not any("wagtailcore_page" in step for step in scans), plan
    assert any(step.startswith("CORRELATED") for step in query_plan(admitted))


def query_plan(sql) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return [row[-1] for row in cursor.fetchall()]


@pytest.mark.django_db
def test_a_page_unpublished_before_its_index_entry_left_is_counted_once(corpus):
    # Its entry leaves the index through the worker, seconds later: meanwhile an editor's
    # search admits it both as a page not live (by its title) and through the index.
    add_items(corpus, 3)
    page = Page.objects.filter(title__endswith="号公示").first()
    Page.objects.filter(pk=page.pk).update(live=False)  # the entry is still in the index
    pages = Page.objects.filter(title__endswith="号公示")
    assert pages.search("公示").count_up_to(100) == pages.search("公示").count() == 3


@pytest.mark.django_db
def test_counting_from_the_matches_or_from_the_pages_gives_the_same_number(corpus):
    # The count walks whichever side is shorter (TopKSearchMixin.admitted_hits_up_to): every
    # filter and limit must give what counting every match gives.
    add_items(corpus, 20)
    items = list(Page.objects.filter(title__endswith="号公示").order_by("pk"))
    live = Page.objects.live()
    filters = {
        "none": live,
        "an office": live.descendant_of(corpus["budget"]),
        "the newest three": live.filter(pk__in=[page.pk for page in items[-3:]]),
        "the oldest three": live.filter(pk__in=[page.pk for page in items[:3]]),
        "columns and two items": live.filter(
            Q(depth__lte=4) | Q(pk__in=[items[5].pk, items[-1].pk])
        ),
        "nothing": live.filter(pk__in=[]),
    }
    for name, pages in filters.items():
        every = pages.search("公示").count()
        for limit in range(1, 24):
            counted = pages.search("公示").count_up_to(limit)
            assert counted == min(limit, every), (name, limit)


@pytest.mark.django_db
def test_a_filter_admitting_few_of_the_matches_is_counted_from_its_pages(corpus):
    # One item of 50 holding 公示: whichever 40 matches the probe reads first (FTS5 hands
    # them over by rowid, PostgreSQL in its plan's order), it finds at most one admitted, and
    # checking the filter's one page costs less than walking the matches for it.
    add_items(corpus, 50)
    one = Page.objects.filter(title__endswith="号公示").order_by("pk")[25]
    pages = Page.objects.live().filter(pk=one.pk)
    with CaptureQueriesContext(connection) as queries:
        assert pages.search("公示").count_up_to(40) == 1
    assert any("candidate_key" in query["sql"] for query in queries)


@pytest.mark.django_db
def test_the_pages_checked_give_way_to_the_matches_when_they_run_out_of_budget(corpus):
    add_items(corpus, 6)
    pages = Page.objects.live().order_by("pk")
    compiler = pages.search("公示").query_compiler
    match = compiler.match_expression()
    every = pages.search("公示").count()
    # The first pages (the site's root, the offices) hold no 公示 and more pages follow.
    assert compiler.pages_matching_up_to(match, every, pages, 2) is None
    assert compiler.pages_matching_up_to(match, every + 1, pages, pages.count()) == every
    assert compiler.pages_matching_up_to(match, 2, pages, pages.count()) == 2


def virtual_machine_steps(run) -> int:
    """The steps SQLite's virtual machine takes to run `run()` (its own counter of work)."""
    steps = 0

    def count():
        nonlocal steps
        steps += 1

    connection.ensure_connection()
    connection.connection.set_progress_handler(count, 1)
    try:
        run()
    finally:
        connection.connection.set_progress_handler(None, 1)
    return steps


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="counts SQLite's virtual-machine steps")
def test_a_page_s_entry_is_looked_up_under_its_own_content_type(corpus, monkeypatch):
    # The index is keyed by (content type, object id): looked up by object id alone, each
    # page probed it once for every content type the search covers.
    from search.backends import common

    add_items(corpus, 30)
    pages = Page.objects.live().filter(title__endswith="号公示")
    compiler = pages.search("公示").query_compiler
    match = compiler.match_expression()

    def count():
        assert compiler.pages_matching_up_to(match, 100, pages, 100) == 30

    own_type = virtual_machine_steps(count)
    monkeypatch.setattr(
        common,
        "candidate_keys",
        lambda queryset: (
            queryset.order_by().annotate(candidate_key=F("pk")).values("candidate_key"),
            "e.object_id = CAST(c.candidate_key AS TEXT)",
        ),
    )
    any_type = virtual_machine_steps(count)
    # At least one step of the index's probing less, per page, for every other type.
    other_types = len(compiler.content_types()) - 1
    assert other_types > 5
    assert any_type - own_type >= 30 * other_types, (own_type, any_type)
