"""Recall, P@10 and top-20 latency of the bigram FTS5 index against a LIKE scan of the same text.

Runs on SQLite directly (same analysis, same MATCH expressions and ranking SQL shape as
search.backends.sqlite), so page sizes of 10,000+ are quick to build.
Sizes: BENCH_SIZES="10000,100000" (default 10000).
"""

import os
import sqlite3
import statistics
import sys
import time

from bench.corpus import generate, queries
from search import analysis

TOP_K = 20


def build(pages):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE page (id INTEGER PRIMARY KEY, title TEXT, body TEXT, norm TEXT)")
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body)")
    started = time.perf_counter()
    for start in range(0, len(pages), 1000):
        chunk = pages[start : start + 1000]
        rows = [(start + i + 1, p["title"], p["body"]) for i, p in enumerate(chunk)]
        db.executemany(
            "INSERT INTO page VALUES (?, ?, ?, ?)",
            [(i, t, b, analysis.normalise(t + "\n" + b)) for i, t, b in rows],
        )
        db.executemany(
            "INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)",
            [(i, analysis.analyse_document(t), analysis.analyse_document(b)) for i, t, b in rows],
        )
        done = start + len(chunk)
        print(f"\r  indexing {done}/{len(pages)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return db, time.perf_counter() - started


def fts_top_bm25(db, query):
    """What search.backends.sqlite runs: every match ranked (title matches first, then bm25)."""
    terms = analysis.query_terms(query)
    if not terms:
        return []
    match = "{title body} : (" + analysis.fts5_match_expression(terms) + ")"
    return [
        row[0]
        for row in db.execute(
            "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY (bm25(fts, 1.0, 0.0) < 0) DESC,"
            f" bm25(fts, 10.0, 1.0), rowid DESC LIMIT {TOP_K}",
            [match],
        )
    ]


def fts_top(db, query):
    """Candidate ranking: title matches by bm25, then body-only matches newest first."""
    terms = analysis.query_terms(query)
    if not terms:
        return []
    expression = analysis.fts5_match_expression(terms)
    title = f"{{title}} : ({expression})"
    ranked = [
        row[0]
        for row in db.execute(
            f"SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT {TOP_K}", [title]
        )
    ]
    if len(ranked) < TOP_K:
        body = f"{{body}} : ({expression}) NOT {title}"
        ranked += [
            row[0]
            for row in db.execute(
                "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC"
                f" LIMIT {TOP_K - len(ranked)}",
                [body],
            )
        ]
    return ranked


def fts_all(db, query):
    terms = analysis.query_terms(query)
    if not terms:
        return set()
    match = "{title body} : (" + analysis.fts5_match_expression(terms) + ")"
    return {row[0] for row in db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", [match])}


def like_scan(db, query):
    words = [analysis.normalise(w) for w in query.split()]
    where = " AND ".join("instr(norm, ?) > 0" for _ in words)
    sql = f"SELECT id FROM page WHERE {where} ORDER BY id DESC LIMIT {TOP_K}"
    return [row[0] for row in db.execute(sql, words)]


def like_count(db, query):
    """What the search page also needs: how many pages match, i.e. a full scan."""
    words = [analysis.normalise(w) for w in query.split()]
    where = " AND ".join("instr(norm, ?) > 0" for _ in words)
    return db.execute(f"SELECT count(*) FROM page WHERE {where}", words).fetchone()


def fts_count(db, query):
    return len(fts_all(db, query))


def truth(db, query):
    words = [analysis.normalise(w) for w in query.split()]
    where = " AND ".join("instr(norm, ?) > 0" for _ in words)
    return {row[0] for row in db.execute(f"SELECT id FROM page WHERE {where}", words)}


def timed(fn, *args):
    started = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - started) * 1000


def run(size):
    print(f"-- {size} pages")
    db, seconds = build(generate(size))
    print(f"  indexing: {seconds:.1f} s ({seconds / size * 1000 * 1000:.0f} ms per 1,000 pages)")
    recall, precision, fts_ms, like_ms, fcount_ms, lcount_ms = [], [], [], [], [], []
    bm25_ms = []
    qs = [q for q in queries() if all(len(w) >= 2 for w in q.split())]
    for n, query in enumerate(qs, 1):
        expected = truth(db, query)
        if expected:
            recall.append(len(fts_all(db, query) & expected) / len(expected))
            top = fts_top(db, query)[:10]
            precision.append(sum(1 for pk in top if pk in expected) / len(top))
        fts_ms.append(min(timed(fts_top, db, query) for _ in range(3)))
        like_ms.append(min(timed(like_scan, db, query) for _ in range(3)))
        bm25_ms.append(min(timed(fts_top_bm25, db, query) for _ in range(3)))
        fcount_ms.append(min(timed(fts_count, db, query) for _ in range(3)))
        lcount_ms.append(min(timed(like_count, db, query) for _ in range(3)))
        print(f"\r  queries {n}/{len(qs)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    def p95(xs):
        return sorted(xs)[int(0.95 * (len(xs) - 1))]

    print(f"  queries (≥2 characters per word): {len(qs)}, with hits: {len(recall)}")
    print(f"  recall {statistics.mean(recall):.3f}  P@10 {statistics.mean(precision):.3f}")
    print(
        f"  top-{TOP_K} all-bm25 (the backend): median {statistics.median(bm25_ms):.2f} ms,"
        f" p95 {p95(bm25_ms):.2f} ms"
    )
    print("  (LIKE top-20: newest first, stops at 20 hits; index top-20: two-tier candidate)")
    print(
        f"  top-{TOP_K} median: index {statistics.median(fts_ms):.2f} ms,"
        f" LIKE {statistics.median(like_ms):.2f} ms,"
        f" ratio {statistics.median(like_ms) / statistics.median(fts_ms):.1f}x"
    )
    print(
        f"  top-{TOP_K} p95:    index {p95(fts_ms):.2f} ms, LIKE {p95(like_ms):.2f} ms,"
        f" ratio {p95(like_ms) / p95(fts_ms):.1f}x"
    )
    print(
        f"  count median: index {statistics.median(fcount_ms):.2f} ms,"
        f" LIKE {statistics.median(lcount_ms):.2f} ms,"
        f" ratio {statistics.median(lcount_ms) / statistics.median(fcount_ms):.1f}x;"
        f" p95 ratio {p95(lcount_ms) / p95(fcount_ms):.1f}x"
    )
    return statistics.median(fts_ms)


def main():
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000").split(",")]
    print(f"query set: {len(queries())} queries")
    medians = [run(size) for size in sizes]
    if len(medians) > 1:
        print(f"  median growth {sizes[0]} -> {sizes[-1]}: {medians[-1] / medians[0]:.1f}x")
