"""The search bench on a search engine: the OpenSearch node (tests/opensearch.sh start).

Chosen by `bench_search.make_store()` when BENCH_OPENSEARCH_URL is set. The index gets the
settings the backends send (`search.engine.INDEX_SETTINGS`) and the fields of modelsearch's
mapping that searches read (`title`, and `_all_text`, which title and text are copied into), and
is queried with the query and sort our engine compiler sends (`search.backends.engine_query`).
Documents carry the text normalised, as the engine mapping sends it
(`engines.AttachmentTextMapping`). The ground truth and the LIKE baseline run on the same
normalised text in SQLite, as for the SQLite bench. The index (`bench_search_<size>`) is
deleted after the run.

BENCH_ENGINE_LEGACY=1 measures what the engines did before that compiler: the `cjk_bigram`
analysis and modelsearch's query for the text (its bigrams ORed in one `match`).
"""

import os
import sys
import time

from modelsearch.query import And, PlainText
from opensearchpy import OpenSearch
from opensearchpy.helpers import bulk, scan

from bench.bench_search import TOP_K, SqliteStore, progress, publication_dates
from search import analysis
from search.backends.engine_query import newest_first_sort, search_query
from search.engine import INDEX_SETTINGS

LEGACY = os.environ.get("BENCH_ENGINE_LEGACY") == "1"
LEGACY_ANALYZER = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["cjk_width", "lowercase", "cjk_bigram"],
}
TEXT = "_all_text"
MAPPING = {
    "properties": {
        "title": {"type": "text", "copy_to": TEXT},
        "body": {"type": "text", "copy_to": TEXT},
        TEXT: {"type": "text"},
        "published": {"type": "date"},
    }
}


def legacy_query(query) -> dict:
    """What modelsearch's compiler sent for the text typed (`Page.objects.search(text)`, the API's
    `?search=`): one `match` of all its tokens, ORed (its default operator for the engines)."""
    words = query.subqueries if isinstance(query, And) else [query]
    assert all(isinstance(word, PlainText) for word in words)
    return {"match": {TEXT: {"query": " ".join(word.query_string for word in words)}}}


class OpenSearchStore(SqliteStore):
    name = "OpenSearch node" + (" (before: cjk_bigram, modelsearch's query)" if LEGACY else "")

    def __init__(self, url):
        super().__init__()
        self.es = OpenSearch([url], timeout=60)

    def build(self, pages):
        self.index = f"bench_search_{len(pages)}"
        self.es.indices.delete(index=self.index, ignore_unavailable=True)
        settings = INDEX_SETTINGS["settings"]
        if LEGACY:
            settings = {"analysis": {"analyzer": {"default": LEGACY_ANALYZER}}}
        self.es.indices.create(index=self.index, body={"settings": settings, "mappings": MAPPING})
        started = time.perf_counter()
        dates = publication_dates(len(pages))
        # The engine mapping sends the searched text normalised (engines.AttachmentTextMapping).
        text = (lambda value: value) if LEGACY else analysis.normalise
        for start in range(0, len(pages), 1000):
            chunk = pages[start : start + 1000]
            bulk(
                self.es,
                [
                    {
                        "_index": self.index,
                        "_id": n,
                        "title": text(p["title"]),
                        "body": text(p["body"]),
                        "published": dates[n - 1],
                    }
                    for n, p in enumerate(chunk, start + 1)
                ],
            )
            progress(start + len(chunk), len(pages))
        self.es.indices.refresh(index=self.index)
        print(file=sys.stderr)
        seconds = time.perf_counter() - started
        self.db.execute("CREATE TABLE page (id INTEGER PRIMARY KEY, published TEXT, text TEXT)")
        self.load_pages(pages)
        return seconds

    def query(self, query) -> dict:
        return legacy_query(query) if LEGACY else search_query(query, [TEXT], ["title"])

    def index_top(self, query, limit=TOP_K):
        body = {"query": self.query(query), "size": limit, "_source": False}
        if not LEGACY:
            body["sort"] = newest_first_sort("published")
        hits = self.es.search(index=self.index, body=body)["hits"]["hits"]
        return [int(hit["_id"]) for hit in hits]

    def index_all(self, query):
        hits = scan(self.es, index=self.index, query={"query": self.query(query)}, _source=False)
        return {int(hit["_id"]) for hit in hits}

    def index_count(self, query):
        return self.es.count(index=self.index, body={"query": self.query(query)})["count"]

    def close(self):
        self.es.indices.delete(index=self.index, ignore_unavailable=True)
        super().close()
