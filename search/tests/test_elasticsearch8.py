"""The Elasticsearch 8 client path: the requests it sends, recorded by a local HTTP endpoint
that answers like Elasticsearch (no server can be installed here). When ELASTICSEARCH_URL is set,
the same backend also runs against that real server (last test)."""

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.engine import INDEX_SETTINGS

ANSWER = {
    "acknowledged": True,
    "result": "created",
    "_id": "1",
    "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
}


class Recorder(BaseHTTPRequestHandler):
    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.requests.append(
            (self.command, self.path, json.loads(body) if body.strip() else None)
        )
        payload = json.dumps(ANSWER).encode()
        self.send_response(200)
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Type", "application/vnd.elasticsearch+json; compatible-with=8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def es8(url):
    return get_search_backend(
        "search.backends.elasticsearch8",
        URLS=[url],
        INDEX_PREFIX="gk_",
        INDEX_SETTINGS=INDEX_SETTINGS,
        TIMEOUT=5,
    )


def requests_to(server, method):
    return [(path, body) for verb, path, body in server.requests if verb == method]


@pytest.mark.django_db
def test_index_creation_sends_the_chinese_analysis(recorder):
    backend = es8(f"http://127.0.0.1:{recorder.server_port}")
    backend.get_index_for_model(Page).put()
    [(path, body)] = requests_to(recorder, "PUT")
    assert path.startswith("/gk_")
    analysis = body["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {
        "type": "custom",
        "tokenizer": "zh_substring",
        "filter": ["cjk_width", "lowercase"],
    }
    assert analysis["tokenizer"]["zh_substring"]["type"] == "ngram"


@pytest.mark.django_db
def test_documents_searches_and_deletions(recorder):
    backend = es8(f"http://127.0.0.1:{recorder.server_port}")
    home = Page.objects.get(depth=2).specific
    backend.add(home)
    [(path, document)] = [r for r in requests_to(recorder, "PUT") if "/_doc/" in r[0]]
    assert path.endswith(f"/_doc/{home.pk}")
    assert home.title in json.dumps(document, ensure_ascii=False)

    list(backend.search("政务公开", Page.objects.live())[:10])
    [(path, body)] = [r for r in requests_to(recorder, "POST") if r[0].endswith("/_search")]
    text = json.dumps(body, ensure_ascii=False)
    assert "政务公开" in text and '{"live_filter": true}' in text  # query, published only
    assert body["size"] == 10

    backend.delete(home)
    assert any(path.endswith(f"/_doc/{home.pk}") for path, _ in requests_to(recorder, "DELETE"))


@pytest.mark.django_db
def test_the_typed_word_ranks_above_its_synonyms(recorder):
    """The engine ranks by the tiers our compiler sends (search.backends.engine_query): the
    words as typed, in the title, then in the text, outweigh a page found only through a
    synonym; every word is a phrase filter (search/tests/test_shared_queries.py runs them)."""
    from search.query import expand

    backend = es8(f"http://127.0.0.1:{recorder.server_port}")
    list(backend.search(expand("低保").search_query, Page.objects.live())[:10])
    [(_, body)] = [r for r in requests_to(recorder, "POST") if r[0].endswith("/_search")]
    inner = body["query"]["bool"]["must"]
    assert inner["bool"]["filter"] == [
        {
            "bool": {
                "should": [
                    {"match_phrase": {"_all_text": "低保"}},
                    {"match_phrase": {"_all_text": "最低生活保障"}},
                    {"match_phrase": {"_all_text": "低报"}},  # the shipped group's mistyping
                ],
                "minimum_should_match": 1,
            }
        }
    ]
    tiers = [
        (c["constant_score"]["filter"], c["constant_score"]["boost"])
        for c in inner["bool"]["should"]
    ]
    assert [clause for clause, _ in tiers][:2] == [
        {"match_phrase": {"title": "低保"}},
        {"match_phrase": {"_all_text": "低保"}},
    ]
    boosts = [boost for _, boost in tiers]
    assert boosts == sorted(boosts, reverse=True) and boosts[0] > sum(boosts[1:])
    assert body["sort"][0] == "_score"


@pytest.mark.django_db
def test_documents_carry_the_attachment_text_of_live_pages_only(recorder, corpus):
    from search.models import AttachmentText
    from search.tests.factories import attach

    backend = es8(f"http://127.0.0.1:{recorder.server_port}")
    page = attach(corpus["budget"], "危房改造补助对象名单")
    backend.get_index_for_model(Page).add_model(Page)
    [(_, created)] = [r for r in requests_to(recorder, "PUT") if r[0].endswith("/_mapping")]
    mapping = created["properties"]["_attachment_text"]
    assert mapping == {"type": "text", "copy_to": "_all_text"}
    backend.add(page)
    [(_, document)] = [r for r in requests_to(recorder, "PUT") if "/_doc/" in r[0]]
    assert document["_attachment_text"] == "危房改造补助对象名单"
    page.unpublish()
    backend.add(page)
    [*_, (_, document)] = [r for r in requests_to(recorder, "PUT") if "/_doc/" in r[0]]
    assert document["_attachment_text"] == ""
    assert AttachmentText.objects.exists()


@pytest.mark.django_db
def test_unpublishing_deletes_the_page_from_the_engine(recorder, settings, corpus):
    from search.tasks import remove_page_from_index

    url = f"http://127.0.0.1:{recorder.server_port}"
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "es8": {
            "BACKEND": "search.backends.elasticsearch8",
            "URLS": [url],
            "INDEX_PREFIX": "gk_",
        },
    }
    page = corpus["dibao_title"]
    Page.objects.filter(pk=page.pk).update(live=False)
    remove_page_from_index(page.pk)
    assert any(path.endswith(f"/_doc/{page.pk}") for path, _ in requests_to(recorder, "DELETE"))


@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL (a real server)"
)
@pytest.mark.django_db
def test_a_real_elasticsearch_8_accepts_the_settings_and_finds_bigrams():
    backend = es8(os.environ["ELASTICSEARCH_URL"])
    index = backend.get_index_for_model(Page)
    index.delete()
    index.put()
    index.add_model(Page)
    home = Page.objects.get(depth=2).specific
    home.title = "政府信息公开"
    backend.add(home)
    index.refresh()
    assert [p.pk for p in backend.search("公开", Page)] == [home.pk]
    index.delete()


@pytest.mark.parametrize(
    "module", ["search.backends.elasticsearch8", "search.backends.opensearch2"]
)
def test_engine_backends_are_named_by_their_module(module):
    """/healthz/ reports the search backend by its class's module: the engine must be named."""
    from importlib import import_module

    backend_class = import_module(module).SearchBackend
    assert backend_class.__module__ == module
    assert backend_class.mapping_class.__module__ == module


@pytest.mark.parametrize(
    "module", ["search.backends.elasticsearch8", "search.backends.opensearch2"]
)
def test_engine_backends_are_plain_subclasses_written_in_their_module(module):
    """Each class is a `class` statement of its module (inspect finds its source), and the query
    compilers map documents with the backend's own mapping."""
    import inspect
    from importlib import import_module

    backend_class = import_module(module).SearchBackend
    compilers = [
        backend_class.query_compiler_class,
        backend_class.autocomplete_query_compiler_class,
    ]
    for cls in [backend_class, backend_class.mapping_class, *compilers]:
        assert cls.__module__ == module
        assert inspect.getsource(cls).startswith(f"class {cls.__name__}(")
    for compiler in compilers:
        assert compiler.mapping_class is backend_class.mapping_class


@pytest.mark.django_db
def test_documents_carry_the_searched_text_normalised_like_the_database_index(corpus):
    """Titles, StreamField bodies and attachment text are folded (traditional→simplified,
    width, case) before the engine sees them: the engines have no such filter without a plugin,
    and the query words they get are normalised (search.backends.engine_query)."""
    from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
    from search.backends.elasticsearch8 import ChineseElasticsearch8Mapping

    page = DisclosureDocumentPageFactory(
        parent=corpus["budget"],
        title="醫療保障資訊公開ＰＤＦ",
        body=[("paragraph", "<p>繁體字頁面。</p>")],
    )
    document = ChineseElasticsearch8Mapping(type(page)).get_document(page)
    text = json.dumps(document, ensure_ascii=False, default=str)
    assert document["title"] == "医疗保障资讯公开pdf"
    assert "繁体字页面" in text and "繁體" not in text
    assert document["title_filter"] == "醫療保障資訊公開ＰＤＦ"  # filters keep the value


@pytest.mark.django_db
def test_every_filter_of_the_search_page_is_sent_to_the_engine(recorder, corpus, items):
    """The organisation, column, year, domain and validity filters narrow the queryset the
    engine is given; each must compile to the engine's filters, not fail as unsupported."""
    from search.query import expand
    from search.views import Filters, public_pages

    filters = Filters(
        organisation=corpus["township_root"],
        column=corpus["budget"],
        year=2024,
        domain=items["valid"].domain,
        validity="valid",
    )
    backend = es8(f"http://127.0.0.1:{recorder.server_port}")
    list(backend.search(expand("救助").search_query, filters.apply(public_pages()))[:10])
    [(_, body)] = [r for r in requests_to(recorder, "POST") if r[0].endswith("/_search")]
    [_, (narrowed)] = body["query"]["bool"]["filter"]
    clauses = narrowed["bool"]["must"]
    assert {"prefix": {"path_filter": corpus["budget"].path}} in clauses
    # The year's bounds in the site's time zone, as the database backends count it.
    assert {"range": {"first_published_at_filter": {"gte": "2024-01-01T00:00:00+08:00"}}} in clauses
    assert {"range": {"first_published_at_filter": {"lt": "2025-01-01T00:00:00+08:00"}}} in clauses
    # The year lists documents: the roots and columns set up in it are left out.
    assert any("content_type_id_filter" in str(clause.get("bool", {})) for clause in clauses)


def test_on_a_translation_s_site_the_year_is_sent_as_the_pages_showing_it(recorder, items):
    """A translation shows its source's date, which no engine field filters on: the year is
    sent as the keys of the pages showing it."""
    from django.utils import translation

    from gongkai.languages.tests.helpers import translate
    from search.query import expand
    from search.views import Filters, public_pages

    source = items["valid"]
    source.refresh_from_db()
    english = translate(source, "en")
    year = source.first_published_at.year
    Page.objects.filter(pk=english.pk).update(
        first_published_at=source.first_published_at.replace(year=year + 1)
    )
    backend = es8(f"http://127.0.0.1:{recorder.server_port}")
    with translation.override("en"):
        for shown in (year, year + 1):
            list(
                backend.search(
                    expand("救助").search_query, Filters(year=shown).apply(public_pages())
                )[:10]
            )
    bodies = [body for path, body in requests_to(recorder, "POST") if path.endswith("/_search")]
    keys = [
        clause["terms"]["id_filter"]
        for body in bodies
        for clause in body["query"]["bool"]["filter"][1]["bool"]["must"]
        if "terms" in clause
    ]
    assert keys == [[english.pk], []]
