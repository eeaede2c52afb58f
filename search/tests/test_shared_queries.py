"""Every backend finds what the query set says (shared_queries.py), in the tiers it says.

- the database backend of the suite's database (SQLite; PostgreSQL when DATABASE_URL names one);
- the OpenSearch node (tests/opensearch.sh start; skipped with the command when none runs);
- Elasticsearch 8, which cannot run here: its compiler's query is evaluated on the documents its
  mapping would index, by `evaluate` below, which reads the DSL the way the engine does with the
  analysis of search/engine.py (a phrase matches where it is a substring of a run). That reading
  is itself checked against the OpenSearch node's answers, and the query the Elasticsearch 8
  compiler sends is the OpenSearch one, asserted here as JSON.
"""

import os
import unicodedata

import pytest
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.engine import INDEX_SETTINGS
from search.query import expand
from search.retries import attempts
from search.tests.factories import index_pages
from search.tests.shared_queries import (
    QUERIES,
    RANKINGS,
    RAW_QUERIES,
    RETRIES,
    build,
    tiers_of,
)

needs_node = pytest.mark.skipif(
    not os.environ.get("TEST_OPENSEARCH_URL"),
    reason="needs a running OpenSearch node: eval $(tests/opensearch.sh start)",
)


@pytest.fixture
def shared_pages(db):
    from disclosure.catalogue.tests.factories import DisclosureIndexPageFactory

    root = DisclosureIndexPageFactory(organisation__name="共享查询集", title="共享查询集")
    return build(root)


def search_query(text, raw=False):
    """What the search page sends (the words and their alternatives), or with `raw` the text as
    it is: a plain string, as the API sends it, or a query tree."""
    return text if raw else expand(text).search_query


def ranked_titles(text, raw=False, **kwargs) -> list[str]:
    results = Page.objects.live().public().search(search_query(text, raw), **kwargs)
    return [page.title for page in results]


def retried(ranked, text):
    """(tiers found, minimum) of the first of the search page's attempts that finds a page,
    `ranked(query)` giving the titles a query tree finds, best first."""
    for attempt in attempts(expand(text)):
        found = ranked(attempt.search_query)
        if found:
            return tiers_of(found, RETRIES[text][0]), attempt.minimum
    return [], None


def assert_query_set(ranked):
    """`ranked(text, raw)` -> titles, best first (a query tree for `text` too): every query
    finds exactly its set, every ranking and retry has its tiers. All differences are reported
    at once."""
    assert {text: set(ranked(text, False)) for text in QUERIES} == QUERIES
    assert {text: set(ranked(text, True)) for text in RAW_QUERIES} == RAW_QUERIES
    assert {
        text: tiers_of(ranked(text, False), tiers) for text, tiers in RANKINGS.items()
    } == RANKINGS
    assert {text: ranked(text, False) for text in RETRIES} == {text: [] for text in RETRIES}
    assert {text: retried(lambda query: ranked(query, True), text) for text in RETRIES} == RETRIES


@pytest.mark.django_db
def test_the_database_backend_passes_the_query_set(shared_pages):
    assert_query_set(ranked_titles)


@needs_node
@pytest.mark.django_db
def test_the_opensearch_node_passes_the_query_set(shared_pages):
    backend = get_search_backend("opensearch")
    index = index_pages(backend)
    try:
        assert_query_set(lambda text, raw: ranked_titles(text, raw, backend="opensearch"))
        # The evaluator below reads the compiled query as the node does.
        for text, raw in all_queries():
            node = ranked_titles(text, raw, backend="opensearch")
            assert evaluated_titles(backend, text, raw) == node
    finally:
        index.delete()


# -- Elasticsearch 8 through its compiled query ----------------------------------------------


def es8():
    return get_search_backend(
        "search.backends.elasticsearch8",
        URLS=["http://127.0.0.1:9"],  # never contacted: only the compiler runs
        INDEX_PREFIX="gk_",
        INDEX_SETTINGS=INDEX_SETTINGS,
    )


def engine_runs(value: str) -> list[str]:
    """What the engine's analysis (search/engine.py) reads in a field value: runs of letters and
    digits, width and case folded; its tokens are each run's characters and pairs, in order."""
    text = "".join(unicodedata.normalize("NFKC", char).lower() for char in value)
    runs, current = [], []
    for char in text:
        if char.isalnum():
            current.append(char)
        elif current:
            runs.append("".join(current))
            current = []
    return [*runs, "".join(current)] if current else runs


def field_values(document, field) -> list[str]:
    value = document.get(field)
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def evaluate(node: dict, document: dict) -> tuple[bool, float]:
    """(matches, score) of a query DSL node on a document, for the node types our compiler
    sends; any other type fails the test rather than being guessed."""
    [(kind, body)] = node.items()
    if kind == "match_all":
        return True, body.get("boost", 1.0)
    if kind == "match_phrase":
        [(field, text)] = body.items()
        [phrase] = engine_runs(text)
        return any(
            phrase in run for v in field_values(document, field) for run in engine_runs(v)
        ), 1.0
    if kind == "constant_score":
        return evaluate(body["filter"], document)[0], body.get("boost", 1.0)
    if kind == "bool":
        assert set(body) <= {"filter", "must", "should", "must_not", "minimum_should_match"}
        listed = {
            key: value if isinstance(value, list) else [value]
            for key, value in body.items()
            if key != "minimum_should_match"
        }
        required = [
            evaluate(n, document) for n in listed.get("filter", []) + listed.get("must", [])
        ]
        excluded = [evaluate(n, document)[0] for n in listed.get("must_not", [])]
        optional = [evaluate(n, document) for n in listed.get("should", [])]
        at_least = body.get("minimum_should_match", 0 if required or excluded else 1)
        matched = [score for ok, score in optional if ok]
        ok = all(r for r, _ in required) and not any(excluded) and len(matched) >= at_least
        must_scores = [
            s
            for n, (_, s) in zip(
                listed.get("must", []), required[len(listed.get("filter", [])) :], strict=True
            )
        ]
        return ok, sum(must_scores) + sum(matched)
    raise AssertionError(f"query type not evaluated: {kind}")


def engine_document(page) -> dict:
    """The document the Elasticsearch 8 mapping sends for a page, with its copy_to fields."""
    from search.backends.elasticsearch8 import ChineseElasticsearch8Mapping

    mapping = ChineseElasticsearch8Mapping(type(page))
    document = mapping.get_document(page)
    for field, definition in mapping.get_mapping()["properties"].items():
        targets = definition.get("copy_to", [])
        for target in [targets] if isinstance(targets, str) else targets:
            document.setdefault(target, []).extend(field_values(document, field))
    return document


def all_queries():
    return [(t, False) for t in [*QUERIES, *RANKINGS]] + [(t, True) for t in RAW_QUERIES]


def evaluated_titles(backend, text, raw=False) -> list[str]:
    queryset = Page.objects.live().public()
    compiler = backend.query_compiler_class(queryset, search_query(text, raw))
    inner = compiler.get_inner_query()
    assert compiler.get_query()["bool"]["must"] == inner
    sort = compiler.get_sort()
    assert sort[0] == "_score"
    [(date_field, order)] = sort[1].items()
    assert order == {"order": "desc", "missing": "_last"}
    hits = []
    for page in queryset.specific():
        document = engine_document(page)
        matches, score = evaluate(inner, document)
        if matches:
            hits.append((score, max(field_values(document, date_field), default=""), page.title))
    hits.sort(key=lambda hit: hit[1], reverse=True)  # newest first within a score
    hits.sort(key=lambda hit: hit[0], reverse=True)
    return [title for *_, title in hits]


@pytest.mark.django_db
def test_elasticsearch8_passes_the_query_set_through_its_compiled_query(shared_pages):
    backend = es8()
    assert_query_set(lambda text, raw: evaluated_titles(backend, text, raw))


@pytest.mark.django_db
def test_elasticsearch8_sends_the_queries_opensearch_runs(shared_pages):
    from search.backends.opensearch2 import ChineseOpenSearch2SearchQueryCompiler

    queryset = Page.objects.live().public()
    for text, raw in all_queries():
        query = search_query(text, raw)
        sent = es8().query_compiler_class(queryset, query)
        runs = ChineseOpenSearch2SearchQueryCompiler(queryset, query)
        assert (sent.get_query(), sent.get_sort()) == (runs.get_query(), runs.get_sort())


@pytest.mark.django_db
def test_elasticsearch8_compiles_a_word_to_a_phrase_filter_and_title_tier(shared_pages):
    compiler = es8().query_compiler_class(Page.objects.all(), expand("金支出").search_query)
    assert compiler.get_inner_query() == {
        "bool": {
            "filter": [{"match_phrase": {"_all_text": "金支出"}}],
            "should": [
                {"constant_score": {"filter": {"match_phrase": {"title": "金支出"}}, "boost": 2.0}}
            ],
        }
    }
    assert compiler.get_sort() == [
        "_score",
        {"first_published_at_filter": {"order": "desc", "missing": "_last"}},
    ]


@pytest.mark.django_db
def test_elasticsearch8_compiles_words_and_synonyms_to_filters_and_tiers(shared_pages):
    compiler = es8().query_compiler_class(Page.objects.all(), expand("低保 公示").search_query)
    typed_or_synonym = {
        "bool": {
            "should": [
                {"match_phrase": {"_all_text": "低保"}},
                {"match_phrase": {"_all_text": "最低生活保障"}},
                {"match_phrase": {"_all_text": "低报"}},  # the shipped group's mistyping
            ],
            "minimum_should_match": 1,
        }
    }
    inner = compiler.get_inner_query()
    assert inner["bool"]["filter"] == [
        {"bool": {"filter": [typed_or_synonym, {"match_phrase": {"_all_text": "公示"}}]}}
    ]
    tiers = [
        (c["constant_score"]["boost"], c["constant_score"]["filter"])
        for c in inner["bool"]["should"]
    ]
    # Each tier outweighs all tiers below it together.
    boosts = [boost for boost, _ in tiers]
    assert all(boost > sum(boosts[rank + 1 :]) for rank, boost in enumerate(boosts))
    assert tiers[0][1] == {"match_phrase": {"title": "低保公示"}}  # typed, side by side, title
    assert tiers[-1][1]["bool"]["filter"][0]["bool"]["should"][1] == {
        "match_phrase": {"title": "最低生活保障"}
    }  # a synonym, in the title: the last tier


def test_one_character_words_and_digits_are_tokens_of_the_analysis():
    """The settings both engines receive: every character and pair of a run, in order."""
    analysis = INDEX_SETTINGS["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["tokenizer"] == "zh_substring"
    assert analysis["tokenizer"]["zh_substring"] == {
        "type": "ngram",
        "min_gram": 1,
        "max_gram": 2,
        "token_chars": ["letter", "digit"],
    }
