"""Recall, P@10 and top-20 latency of the search index against a LIKE '%q%' scan of the same text.

The index side runs what search.backends.sqlite runs — the same column values
(`fts5.document_columns`), the same MATCH strings (`fts5.column_match`), the same tier SQL with the
join to the entries table (`fts5.tier_sql`) and the same tier walk (`common.walk_tiers`) — on
tables shaped like modelsearch's, built directly in SQLite so that 100,000 pages are quick to load.
The baseline is what a site without an index would run on the same normalised text in the same
database: `WHERE text LIKE '%q%' ORDER BY published DESC LIMIT 20`, a full scan.
Sizes: BENCH_SIZES="10000,100000" (default 10000).

With DATABASE_URL naming a PostgreSQL server, the same measures run there (`postgres_store.py`):
the tables of search.backends.postgres (tsvector columns with GIN indexes) in a schema of their
own, queried with the SQL of `search.backends.tsquery`. With BENCH_OPENSEARCH_URL naming a search
engine (the OpenSearch node of tests/opensearch.sh), the index is the engine's, with the settings
and queries of the engine backends (`opensearch_store.py`).
"""

import datetime
import os
import sqlite3
import statistics
import sys
import time

from modelsearch.query import And, PlainText

from bench.corpus import generate, queries
from search import analysis
from search.backends.common import ranking_tiers, walk_tiers
from search.backends.fts5 import column_match, document_columns, tier_sql

TOP_K = 20
REPEATS = 3
CONTENT_TYPE = 7
FIRST_DAY = datetime.datetime(2015, 1, 1)


def publication_dates(count):
    minutes = 11 * 365 * 24 * 60 / count
    return [(FIRST_DAY + datetime.timedelta(minutes=n * minutes)).isoformat() for n in range(count)]


def progress(done, total):
    print(f"\r  indexing {done}/{total}", end="", file=sys.stderr, flush=True)


def search_query(text):
    """What search.query.expand builds for a text without synonyms."""
    words = [PlainText(word) for word in text.split()]
    return And(words) if len(words) > 1 else words[0]


def like_params(text):
    words = [analysis.normalise(w) for w in text.split()]
    return [
        "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for w in words
    ]


class SqliteStore:
    """search.backends.sqlite's tables and SQL, in an in-memory SQLite database."""

    name = "SQLite FTS5"
    param = "?"

    def __init__(self):
        self.db = sqlite3.connect(":memory:")
        self.tier = tier_sql("entries_fts", "entries", [CONTENT_TYPE]).replace("%s", "?")

    def build(self, pages):
        db = self.db
        db.execute(
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, content_type_id INTEGER,"
            " object_id TEXT, title TEXT, autocomplete TEXT, body TEXT)"
        )
        db.execute("CREATE VIRTUAL TABLE entries_fts USING fts5(autocomplete, body, title)")
        db.execute("CREATE TABLE page (id INTEGER PRIMARY KEY, published TEXT, text TEXT)")
        started = time.perf_counter()
        for start in range(0, len(pages), 1000):
            chunk = pages[start : start + 1000]
            rows = [(start + i + 1, p["title"], p["body"]) for i, p in enumerate(chunk)]
            columns = [(i, *document_columns(t, t, b)) for i, t, b in rows]
            db.executemany(
                "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)",
                [(i, CONTENT_TYPE, str(i), t, a, b) for i, t, a, b in columns],
            )
            db.executemany(
                "INSERT INTO entries_fts (rowid, title, autocomplete, body) VALUES (?, ?, ?, ?)",
                columns,
            )
            progress(start + len(chunk), len(pages))
        print(file=sys.stderr)
        seconds = time.perf_counter() - started
        self.load_pages(pages)
        return seconds

    def load_pages(self, pages):
        rows = zip(range(1, len(pages) + 1), publication_dates(len(pages)), pages, strict=True)
        self.execute_many(
            f"INSERT INTO page VALUES ({self.param}, {self.param}, {self.param})",
            [(n, d, analysis.normalise(p["title"] + "\n" + p["body"])) for n, d, p in rows],
        )

    def execute_many(self, sql, rows):
        self.db.executemany(sql, rows)

    def rows(self, sql, params=()):
        return self.db.execute(sql, params).fetchall()

    def index_top(self, query, limit=TOP_K):
        def fetch(match, n):
            return [int(row[0]) for row in self.rows(f"{self.tier} LIMIT {int(n)}", [match])]

        tiers = [column_match("title" if t else "body", q) for t, q in ranking_tiers(query)]
        return [pk for pk, _ in walk_tiers(fetch, [t for t in tiers if t], limit, 0)]

    def index_all(self, query):
        match = column_match("body", query)
        return {row[0] for row in self.rows("SELECT rowid FROM entries_fts(?)", [match])}

    def index_count(self, query):
        match = column_match("body", query)
        return self.rows("SELECT count(*) FROM entries_fts(?)", [match])[0][0]

    def like_where(self, text):
        params = like_params(text)
        clause = f"text LIKE {self.param} ESCAPE '\\'"
        return " AND ".join(clause for _ in params), params

    def like_top(self, text):
        """The baseline: a full LIKE scan, the top 20 by publication date."""
        where, params = self.like_where(text)
        sql = f"SELECT id FROM page WHERE {where} ORDER BY published DESC LIMIT {TOP_K}"
        return [row[0] for row in self.rows(sql, params)]

    def like_top_early_stop(self, text):
        """LIKE's best case, for reference: walking newest rowids first, stopping at 20 hits."""
        where, params = self.like_where(text)
        sql = f"SELECT id FROM page WHERE {where} ORDER BY id DESC LIMIT {TOP_K}"
        return [row[0] for row in self.rows(sql, params)]

    def like_count(self, text):
        where, params = self.like_where(text)
        return self.rows(f"SELECT count(*) FROM page WHERE {where}", params)[0][0]

    def truth(self, text):
        """The ground truth: pages whose normalised text holds every word as a substring."""
        words = [analysis.normalise(w) for w in text.split()]
        where = " AND ".join(self.substring_clause() for _ in words)
        return {row[0] for row in self.rows(f"SELECT id FROM page WHERE {where}", words)}

    def substring_clause(self):
        return "instr(text, ?) > 0"

    def close(self):
        self.db.close()


def timed(fn, *args):
    best = None
    for _ in range(REPEATS):
        started = time.perf_counter()
        fn(*args)
        elapsed = (time.perf_counter() - started) * 1000
        best = elapsed if best is None else min(best, elapsed)
    return best


def p95(xs):
    return sorted(xs)[int(0.95 * (len(xs) - 1))]


def report(name, index_ms, like_ms):
    print(
        f"  {name}: index median {statistics.median(index_ms):.2f} ms, p95 {p95(index_ms):.2f} ms;"
        f" LIKE median {statistics.median(like_ms):.2f} ms, p95 {p95(like_ms):.2f} ms;"
        f" ratio median {statistics.median(like_ms) / statistics.median(index_ms):.1f}x,"
        f" p95 {p95(like_ms) / p95(index_ms):.1f}x"
    )


def quality(store, texts) -> tuple[float, float]:
    """Mean recall and P@10 against the substring ground truth, over the texts with hits."""
    recall, precision = [], []
    for text in texts:
        query = search_query(text)
        expected = store.truth(text)
        if expected:
            recall.append(len(store.index_all(query) & expected) / len(expected))
            top = store.index_top(query, 10)
            precision.append(sum(1 for pk in top if pk in expected) / max(len(top), 1))
    return statistics.mean(recall), statistics.mean(precision)


def make_store():
    engine = os.environ.get("BENCH_OPENSEARCH_URL", "")
    if engine:
        from bench.opensearch_store import OpenSearchStore

        return OpenSearchStore(engine)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        from bench.postgres_store import PostgresStore

        return PostgresStore(url)
    return SqliteStore()


def run(size):
    store = make_store()
    print(f"-- {size} pages, {store.name}")
    seconds = store.build(generate(size))
    print(f"  indexing: {seconds:.1f} s ({seconds / size * 1000:.2f} s per 1,000 pages)")
    recall, precision = [], []
    top_ms, like_ms, early_ms, count_ms, like_count_ms = [], [], [], [], []
    texts = [q for q in queries() if all(len(w) >= 2 for w in q.split())]
    for n, text in enumerate(texts, 1):
        query = search_query(text)
        expected = store.truth(text)
        if expected:
            recall.append(len(store.index_all(query) & expected) / len(expected))
            top = store.index_top(query, 10)
            precision.append(sum(1 for pk in top if pk in expected) / max(len(top), 1))
        top_ms.append(timed(store.index_top, query))
        like_ms.append(timed(store.like_top, text))
        early_ms.append(timed(store.like_top_early_stop, text))
        count_ms.append(timed(store.index_count, query))
        like_count_ms.append(timed(store.like_count, text))
        print(f"\r  queries {n}/{len(texts)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    print(f"  queries (≥2 characters per word): {len(texts)}, with hits: {len(recall)}")
    print(f"  recall {statistics.mean(recall):.3f}  P@10 {statistics.mean(precision):.3f}")
    short = [q for q in queries() if q not in texts]
    short_recall, short_precision = quality(store, short)
    print(
        f"  one-character queries ({', '.join(short)}): recall {short_recall:.3f}"
        f"  P@10 {short_precision:.3f}"
    )
    report(f"top-{TOP_K} (LIKE: full scan, newest {TOP_K} by date)", top_ms, like_ms)
    report(f"top-{TOP_K} (LIKE best case: newest rows first, stops at {TOP_K})", top_ms, early_ms)
    report("count", count_ms, like_count_ms)
    store.close()
    return statistics.median(top_ms), p95(top_ms)


def main():
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000").split(",")]
    print(f"query set: {len(queries())} queries; best of {REPEATS} runs per query and measure")
    results = [run(size) for size in sizes]
    if len(results) > 1:
        (m0, p0), (m1, p1) = results[0], results[-1]
        print(
            f"  index top-{TOP_K} growth {sizes[0]} -> {sizes[-1]} pages:"
            f" median {m1 / m0:.1f}x, p95 {p1 / p0:.1f}x"
        )
