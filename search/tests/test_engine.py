"""The search-engine path against a real OpenSearch node (tests/opensearch.sh start)."""

import os

import pytest
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search.engine import INDEX_SETTINGS
from search.views import own_content
from tests.factories import publishing_as_fixture

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_OPENSEARCH_URL"),
    reason="needs a running OpenSearch node: eval $(tests/opensearch.sh start)",
)


@pytest.fixture
def engine(corpus):
    backend = get_search_backend("opensearch")
    index = backend.get_index_for_model(Page)
    index.reset()
    index.add_model(Page)
    index.add_items(Page, list(Page.objects.all().specific()))
    index.refresh()
    yield backend
    index.reset()


def titles(results):
    return {page.title for page in results}


@pytest.mark.django_db
def test_engine_accepts_the_settings_and_analyses_runs_into_characters_and_pairs(engine):
    index = engine.get_index_for_model(Page)
    analysed = engine.es.indices.analyze(
        index=index.name, body={"analyzer": "default", "text": "政务公开 ＰＤＦ，2023年"}
    )
    tokens = [(token["token"], token["position"]) for token in analysed["tokens"]]
    # Every character and every pair of a run, in order: a phrase of them is a substring.
    assert [token for token, _ in tokens] == [
        "政", "政务", "务", "务公", "公", "公开", "开",
        "p", "pd", "d", "df", "f",
        "2", "20", "0", "02", "2", "23", "3", "3年", "年",
    ]  # fmt: skip
    assert [position for _, position in tokens] == list(range(len(tokens)))
    settings = engine.es.indices.get_settings(index=index.name)
    analysis = next(iter(settings.values()))["settings"]["index"]["analysis"]
    assert analysis["analyzer"]["default"]["tokenizer"] == "zh_substring"
    assert analysis["tokenizer"]["zh_substring"]["type"] == "ngram"
    assert "default" in INDEX_SETTINGS["settings"]["analysis"]["analyzer"]


@pytest.mark.django_db
def test_engine_finds_two_characters_inside_a_longer_word(engine):
    found = titles(Page.objects.live().public().search("公开", backend="opensearch"))
    assert "友谊镇2022年部门预算公开" in found
    assert "和平县医保局信息公开" in found


@pytest.mark.django_db
def test_engine_results_are_published_and_public_only(engine):
    found = titles(Page.objects.live().public().search("低保", backend="opensearch"))
    assert "低保申请须知" in found
    assert not found & {"低保草稿未发布", "低保内部资料"}


@pytest.mark.django_db
def test_engine_finds_the_attachment_text_of_live_pages(engine, corpus):
    from search.tests.factories import attach

    page = attach(corpus["budget"], "张三 危房改造补助对象")
    index = engine.get_index_for_model(Page)
    index.add_item(page)
    index.refresh()
    found = titles(Page.objects.live().public().search("补助对象", backend="opensearch"))
    assert found == {"危房改造公示"}
    page.unpublish()
    index.add_item(page)
    index.refresh()
    assert not titles(Page.objects.all().search("补助对象", backend="opensearch"))


@pytest.mark.django_db
def test_engine_highlights_the_match(engine):
    index = engine.get_index_for_model(Page)
    response = engine.es.search(
        index=index.name,
        body={
            "query": {"match_phrase": {"title": "部门预算"}},
            "highlight": {"fields": {"title": {}}},
        },
    )
    fragments = [
        fragment
        for hit in response["hits"]["hits"]
        for fragments in hit.get("highlight", {}).values()
        for fragment in fragments
    ]
    assert fragments == ["友谊镇2022年<em>部门预算</em>公开"]


@pytest.mark.django_db
def test_engine_ranks_the_typed_words_above_a_synonym_only_match(engine, corpus):
    """What the search page sends (search.query): a title holding 最低生活保障 as typed ranks
    above 低保申请须知, whose title holds only the synonym 低保; the boosted typed words win.
    (The fixture indexes pages as Page documents, which carry titles, not the columns' intros.)"""
    from disclosure.catalogue.tests.factories import CategoryPageFactory
    from search.query import expand

    typed = CategoryPageFactory(parent=corpus["guide"], title="最低生活保障审核确认办法")
    index = engine.get_index_for_model(Page)
    index.add_items(Page, [typed.page_ptr])
    index.refresh()
    results = list(
        Page.objects.live()
        .public()
        .search(expand("最低生活保障").search_query, backend="opensearch")
    )
    assert [page.title for page in results][:2] == ["最低生活保障审核确认办法", "低保申请须知"]


@pytest.mark.django_db
def test_engine_leaves_out_the_aliases_of_pages_in_another_language(engine):
    source = Page.objects.live().get(title="和平县医保局信息公开")
    english, _created = Locale.objects.get_or_create(language_code="en")
    with publishing_as_fixture():
        alias = source.copy_for_translation(english, copy_parents=True, alias=True)
    index = engine.get_index_for_model(Page)
    index.add_items(Page, [alias.specific])
    index.refresh()
    pages = Page.objects.live().public().filter(locale=english)
    assert alias.pk in {page.pk for page in pages.search("公开", backend="opensearch")}
    assert not own_content(pages).search("公开", backend="opensearch")
