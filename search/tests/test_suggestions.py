""" "您可以试试" and the counting of searches: nobody plants text on the site by searching."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query

from disclosure.moderation.models import SensitiveWord, SensitiveWordLevel
from search import suggestions as suggestions_module
from search.models import SearchSuggestion
from search.tasks import record_search
from tests.fixtures import embedded_broker_only

SPAM = "诈骗电话请拨打400-000-0000领取补贴"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.fixture(autouse=True)
def one_answered_search_is_enough(settings):
    """Most tests here are about order, caps and words: one answered search qualifies."""
    settings.GONGKAI_SUGGESTION_MIN_HITS = 1


def suggested(client, prefix=""):
    response = client.get(f"{prefix}/search/", {"q": "没有这个词语"})
    assert response.status_code == 200
    return response.context["suggestions"]


@pytest.mark.django_db
def test_forty_identical_spam_searches_never_become_a_suggestion(client, corpus):
    SearchSuggestion.objects.create(text="低保")
    for prefix in ("", "/en") * 20:
        assert client.get(f"{prefix}/search/", {"q": SPAM}).status_code == 200
    assert Query.objects.get(query_string=SPAM.lower()).hits == 40  # counted, but...
    for prefix in ("", "/en"):
        shown = suggested(client, prefix)
        assert shown == ["低保"]
        html = client.get(f"{prefix}/search/", {"q": "没有这个词语"}).content.decode()
        assert "诈骗" not in html


@pytest.mark.django_db
def test_searches_that_found_pages_are_suggested_most_searched_first(client, corpus):
    for _ in range(3):
        client.get("/search/", {"q": "预算"})
    client.get("/search/", {"q": "低保"})
    assert suggested(client) == ["预算", "低保"]


@pytest.mark.django_db
def test_a_search_that_stops_finding_pages_is_no_longer_suggested(client, corpus):
    record_search("低保", True)
    assert suggested(client) == ["低保"]
    record_search("低保", False)
    assert suggested(client) == []


@pytest.mark.django_db
def test_the_administrators_list_comes_first_in_its_order(client, corpus):
    SearchSuggestion.objects.create(text="政府信息公开指南", sort_order=2)
    SearchSuggestion.objects.create(text="部门预算", sort_order=1)
    record_search("低保", True)
    assert suggested(client) == ["部门预算", "政府信息公开指南", "低保"]


@pytest.mark.django_db
def test_suggestions_pass_the_sensitive_word_list(client, corpus):
    SensitiveWord.objects.create(
        pattern="补贴", category="不当用语", level=SensitiveWordLevel.WARNING
    )
    SearchSuggestion.objects.create(text="领取补贴")
    record_search("补贴 低保", True)
    record_search("低保", True)
    assert suggested(client) == ["低保"]


@pytest.mark.django_db
def test_suggestions_are_capped(client, corpus):
    for n in range(suggestions_module.LIMIT + 5):
        SearchSuggestion.objects.create(text=f"推荐{n}", sort_order=n)
        record_search(f"有结果{n}", True)
    assert len(suggested(client)) == suggestions_module.LIMIT


@pytest.mark.django_db
def test_a_search_page_get_writes_nothing_and_queues_the_count(
    client, corpus, celery_queue, monkeypatch
):
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 1)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/search/", {"q": "低保"}).status_code == 200
        assert client.get("/search/", {"q": "低保", "page": "2"}).status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert writes == []
    assert not Query.objects.exists()
    # Page 1 is counted, page 2 of the same search is not.
    assert celery_queue() == [("search.record_search", ("低保", True))]


@pytest.mark.django_db
def test_counting_stops_at_the_per_minute_budget(client, corpus, celery_queue, settings):
    settings.GONGKAI_SEARCH_RECORD_PER_MINUTE = 3
    from django.core.cache import cache

    cache.clear()
    for n in range(5):
        assert client.get("/search/", {"q": f"预算{n}"}).status_code == 200
    assert len(celery_queue()) == 3


@pytest.mark.django_db
@embedded_broker_only
def test_a_failure_to_queue_the_count_never_fails_the_page(client, corpus, celery_queue, caplog):
    # The broker cannot take the message (its queue folder is not a folder).
    from gongkai.celery import app

    options = app.conf.broker_transport_options
    reconnect(app)
    app.conf.broker_transport_options = {**options, "data_folder_out": "/dev/null/queue"}
    try:
        response = client.get("/search/", {"q": "低保"})
    finally:
        app.conf.broker_transport_options = options
        reconnect(app)
    assert response.status_code == 200
    assert response.context["rows"]
    assert celery_queue() == []
    assert "not recorded" in caplog.text and "/dev/null/queue" in caplog.text


def reconnect(app):
    """Drop every pooled broker connection and producer, so that the next message is sent
    through a connection made with the current options (as Celery does after a fork)."""
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.django_db
def test_a_search_is_suggested_only_after_several_searches_found_pages(client, corpus, settings):
    settings.GONGKAI_SUGGESTION_MIN_HITS = 5
    for _ in range(4):
        record_search("低保", True)
    assert suggested(client) == []
    record_search("低保", True)
    assert suggested(client) == ["低保"]


@pytest.mark.django_db
@pytest.mark.parametrize("decorated", ["★★★ 公开", "公开 ☎️☎️", "-1", "%00", "１２", "1.5", "'\"<x>"])
def test_symbols_the_search_ignores_never_ride_on_an_answered_search(client, corpus, decorated):
    for _ in range(7):
        record_search(decorated, True)
    assert suggested(client) == []
