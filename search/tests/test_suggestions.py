""" "您可以试试" and the counting of searches: nobody plants text on the site by searching."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from disclosure.moderation.models import SensitiveWord, SensitiveWordLevel
from search import suggestions as suggestions_module
from search.models import SearchSuggestion
from search.tasks import record_search
from search.tests.factories import CORPUS_PER_MODULE
from tests.fixtures import embedded_broker_only

pytestmark = CORPUS_PER_MODULE

SPAM = "诈骗电话请拨打400-000-0000领取补贴"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


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


# Words only, and every word is on a public page of the corpus: the search finds pages with it.
HOSTILE_FOUND = "低保 申请"


@pytest.mark.django_db
@pytest.mark.parametrize("hostile", [HOSTILE_FOUND, SPAM, "★★★ 公开", "预算"])
def test_no_visitor_query_is_ever_suggested_however_often_it_is_searched(client, corpus, hostile):
    """Fifteen identical searches (and fifty counted by the worker) plant nothing: whether they
    found pages or not, visitors' queries never reach another visitor's page."""
    for prefix in ("", "/en") * 8:
        assert client.get(f"{prefix}/search/", {"q": hostile}).status_code == 200
    for _ in range(50):
        record_search(hostile, True)
    assert Query.objects.get(query_string=hostile.lower()).hits >= 65  # counted, but...
    for prefix in ("", "/en"):
        assert suggested(client, prefix) == []
        html = client.get(f"{prefix}/search/", {"q": "没有这个词语"}).content.decode()
        assert "您可以试试" not in html
        assert f">{hostile}<" not in html


@pytest.mark.django_db
def test_only_the_administrators_list_then_the_promoted_searches_are_suggested(client, corpus):
    SearchSuggestion.objects.create(text="政府信息公开指南", sort_order=2)
    SearchSuggestion.objects.create(text="部门预算", sort_order=1)
    promoted = Query.get("医疗保障")
    SearchPromotion.objects.create(query=promoted, page=corpus["guide"], sort_order=0)
    for _ in range(20):
        record_search("低保", True)
    assert suggested(client) == ["部门预算", "政府信息公开指南", "医疗保障"]


@pytest.mark.django_db
def test_a_promotion_of_a_page_nobody_may_see_suggests_nothing(client, corpus):
    SearchPromotion.objects.create(
        query=Query.get("内部资料"), page=corpus["restricted"], sort_order=0
    )
    SearchPromotion.objects.create(query=Query.get("草稿"), page=corpus["draft"], sort_order=0)
    assert suggested(client) == []


@pytest.mark.django_db
def test_suggestions_pass_the_sensitive_word_list(client, corpus):
    SensitiveWord.objects.create(
        pattern="补贴", category="不当用语", level=SensitiveWordLevel.WARNING
    )
    SearchSuggestion.objects.create(text="领取补贴")
    SearchSuggestion.objects.create(text="低保")
    SearchPromotion.objects.create(query=Query.get("补贴 低保"), page=corpus["guide"], sort_order=0)
    assert suggested(client) == ["低保"]


@pytest.mark.django_db
def test_suggestions_are_capped(client, corpus):
    for n in range(suggestions_module.LIMIT + 5):
        SearchSuggestion.objects.create(text=f"推荐{n}", sort_order=n)
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
    assert celery_queue() == [("search.record_search", ("低保",))]


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
