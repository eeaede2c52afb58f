"""One walk of modelsearch's query tree (search.backends.common.walk_query): the database
backends' expressions, the engines' DSL and the text check render its leaves and joins, and no
other function walks the tree to render it again."""

import ast

from modelsearch.query import And, Boost, Not, Or, PlainText

from gongkai.tests.project_code import source_files
from search.backends.common import compile_query, text_matches
from search.backends.engine_query import match_clause

WALK = ("search/backends/common.py", "walk")


def rendering_walks(text):
    """Functions that recurse into `subqueries` and read the leaves' words (`query_string`):
    a walk that renders the tree. Transforms of the tree (`preferred`) read no leaf words."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.FunctionDef):
            continue
        names = {getattr(n, "id", None) or getattr(n, "attr", None) for n in ast.walk(node)}
        recursive = any(
            isinstance(n, ast.Call) and getattr(n.func, "id", None) == node.name
            for n in ast.walk(node)
        )
        if recursive and {"subqueries", "query_string"} <= names:
            found.append(node.name)
    return found


def test_only_walk_query_walks_the_tree_to_render_it():
    found = {
        str(path): walks
        for path, text in source_files()
        if str(path).startswith("search/") and (walks := rendering_walks(text))
    }
    assert found == {WALK[0]: [WALK[1]]}


def test_the_scan_finds_the_walks_it_replaced():
    old_engine_walk = (
        "def match_clause(query, fields):\n"
        "    if isinstance(query, (PlainText, Phrase)):\n"
        "        terms = analysis.query_terms(query.query_string)\n"
        "        return all_of([word_clause(term, fields) for term in terms])\n"
        "    if isinstance(query, (And, Or)):\n"
        "        parts = [match_clause(sub, fields) for sub in query.subqueries]\n"
        "        return all_of(parts)\n"
        "def preferred(query):\n"
        "    if isinstance(query, And):\n"
        "        return And([preferred(sub) for sub in query.subqueries])\n"
    )
    assert rendering_walks(old_engine_walk) == ["match_clause"]


def test_the_three_renderings_of_one_query_agree():
    query = And([Or([Boost(PlainText("低保"), 2), PlainText("最低生活保障")]), PlainText("申请")])
    expression = compile_query(query, lambda terms, op: f" {op} ".join(t.text for t in terms))
    assert expression == "((低保) OR (最低生活保障)) AND (申请)"
    assert text_matches(query, "最低生活保障申请") is True
    assert text_matches(query, "低保") is False
    clause = match_clause(query, ["_all_text"])
    assert clause == {
        "bool": {
            "filter": [
                {
                    "bool": {
                        "should": [
                            {"match_phrase": {"_all_text": "低保"}},
                            {"match_phrase": {"_all_text": "最低生活保障"}},
                        ],
                        "minimum_should_match": 1,
                    }
                },
                {"match_phrase": {"_all_text": "申请"}},
            ]
        }
    }
    for render in (
        lambda q: compile_query(q, lambda terms, op: "x"),
        lambda q: text_matches(q, "低保"),
        lambda q: match_clause(q, ["_all_text"]),
    ):
        assert render(Not(PlainText("低保"))) is None
        assert render(PlainText("")) is None
