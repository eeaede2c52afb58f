"""The search bench on PostgreSQL: search.backends.postgres's tables and SQL (`tsquery.py`).

Chosen by `bench_search.make_store()` when DATABASE_URL names a PostgreSQL server. Everything
lives in a schema of its own (`bench_search`, dropped and rebuilt per run), so the bench can
share a database with the site. Rows are inserted first and the GIN indexes built after, then
ANALYZE, all inside the measured indexing time.
"""

import sys
import time

import psycopg

from bench.bench_search import CONTENT_TYPE, TOP_K, SqliteStore, progress
from search.backends.common import ranking_tiers, walk_tiers
from search.backends.tsquery import CONFIG, column_match, document_vectors, hits_sql, tier_sql

SCHEMA = "bench_search"


class PostgresStore(SqliteStore):
    name = "PostgreSQL tsvector + GIN"
    param = "%s"

    def __init__(self, url):
        self.db = psycopg.connect(url, autocommit=True)
        self.db.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        self.db.execute(f"CREATE SCHEMA {SCHEMA}")
        self.db.execute(f"SET search_path TO {SCHEMA}")

    def build(self, pages):
        db = self.db
        db.execute(
            "CREATE TABLE entries (id bigint PRIMARY KEY, content_type_id integer,"
            " object_id text, title tsvector, autocomplete tsvector, body tsvector)"
        )
        db.execute("CREATE TABLE page (id integer PRIMARY KEY, published text, text text)")
        started = time.perf_counter()
        insert = (
            f"INSERT INTO entries VALUES (%s, %s, %s, to_tsvector('{CONFIG}', %s),"
            f" to_tsvector('{CONFIG}', %s), to_tsvector('{CONFIG}', %s))"
        )
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

    def execute_many(self, sql, rows):
        with self.db.cursor() as cursor:
            cursor.executemany(sql, rows)

    def rows(self, sql, params=()):
        return self.db.execute(sql, params).fetchall()

    def index_top(self, query, limit=TOP_K):
        def fetch(match, n):
            sql = tier_sql("entries", match[0], [CONTENT_TYPE], n)
            return [int(row[0]) for row in self.rows(sql, [match[1]])]

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
        self.db.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        self.db.close()
