"""The search bench on PostgreSQL: search.backends.postgres's tables and SQL (`tsquery.py`).

Chosen by `bench_search.make_store()` when DATABASE_URL names a PostgreSQL server. Everything
lives in a schema of its own (`bench_search_<size>`), so the bench can share a database with the
site. Rows are inserted first and the GIN indexes built after, then ANALYZE, all inside the
measured indexing time. The schema is dropped after the run unless BENCH_KEEP=1, and a kept
schema of the same size is reused (indexing is then not measured: 100,000 pages take minutes).
"""

import os
import sys
import time

import psycopg

from bench.bench_search import CONTENT_TYPE, TOP_K, SqliteStore, progress
from search.backends.common import ranking_tiers, walk_tiers
from search.backends.tsquery import column_match, document_vectors, hits_sql, newest_matches

KEEP = os.environ.get("BENCH_KEEP") == "1"


class PostgresStore(SqliteStore):
    name = "PostgreSQL tsvector + GIN"
    param = "%s"

    def __init__(self, url):
        self.db = psycopg.connect(url, autocommit=True)

    def build(self, pages):
        db = self.db
        self.schema = f"bench_search_{len(pages)}"
        db.execute(f"SET search_path TO {self.schema}")
        if KEEP and self.kept(len(pages)):
            print("  reusing the kept index (BENCH_KEEP=1)", file=sys.stderr)
            return float("nan")
        db.execute(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")
        db.execute(f"CREATE SCHEMA {self.schema}")
        db.execute(
            "CREATE TABLE entries (id bigint PRIMARY KEY, content_type_id integer,"
            " object_id text, title tsvector, autocomplete tsvector, body tsvector)"
        )
        db.execute("CREATE TABLE page (id integer PRIMARY KEY, published text, text text)")
        started = time.perf_counter()
        insert = "INSERT INTO entries VALUES (%s, %s, %s, %s::tsvector, %s::tsvector, %s::tsvector)"
        with db.cursor() as cursor:
            for start in range(0, len(pages), 1000):
                chunk = pages[start : start + 1000]
                cursor.executemany(
                    insert,
                    [
                        (
                            n,
                            CONTENT_TYPE,
                            str(n),
                            *document_vectors(p["title"], p["title"], p["body"]),
                        )
                        for n, p in enumerate(chunk, start + 1)
                    ],
                )
                progress(start + len(chunk), len(pages))
        print(file=sys.stderr)
        for column in ("title", "autocomplete", "body"):
            db.execute(f"CREATE INDEX ON entries USING gin ({column})")
        db.execute("ANALYZE entries")
        seconds = time.perf_counter() - started
        self.load_pages(pages)
        db.execute("ANALYZE page")
        return seconds

    def kept(self, size):
        found = self.rows("SELECT 1 FROM pg_tables WHERE schemaname = %s", [self.schema])
        return bool(found) and self.rows("SELECT count(*) FROM page")[0][0] == size

    def execute_many(self, sql, rows):
        with self.db.cursor() as cursor:
            cursor.executemany(sql, rows)

    def rows(self, sql, params=()):
        return self.db.execute(sql, params).fetchall()

    def index_top(self, query, limit=TOP_K):
        def fetch(match, n):
            rows = newest_matches(self.rows, "entries", match[0], [CONTENT_TYPE], match[1], n)
            return [int(row[0]) for row in rows]

        tiers = [column_match("title" if t else "body", q) for t, q in ranking_tiers(query)]
        return [pk for pk, _ in walk_tiers(fetch, [t for t in tiers if t], limit, 0)]

    def index_all(self, query):
        column, expression = column_match("body", query)
        sql = hits_sql("e.id", "entries", column, [CONTENT_TYPE])
        return {row[0] for row in self.rows(sql, [expression])}

    def index_count(self, query):
        column, expression = column_match("body", query)
        sql = hits_sql("count(*)", "entries", column, [CONTENT_TYPE])
        return self.rows(sql, [expression])[0][0]

    def substring_clause(self):
        return "strpos(text, %s) > 0"

    def close(self):
        if not KEEP:
            self.db.execute(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")
        self.db.close()
