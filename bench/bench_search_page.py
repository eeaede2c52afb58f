"""`/search/` end to end at BENCH_PAGE_SIZE pages (default 100,000): p50/p95 per kind of query.

The whole page through Django's test client (every middleware, the view, the template: count,
filters, highlights, pagination, editors' picks, suggestions), in this process, on the database
of the settings: SQLite, or PostgreSQL when DATABASE_URL names one. The corpus is
`bench/corpus.py`'s pages as catalogue items (公开信息) of 5 offices × 7 columns, published one
after another from 2015 to 2025, written with bulk SQL (a Wagtail save per page would take
hours) and indexed with the backend's own analysis (`fts5.document_columns`,
`tsquery.document_vectors`) into modelsearch's tables. Analysing 100,000 pages takes minutes,
so the analysed columns are kept in VAR_DIR/bench_search_page_<size>.pickle; BENCH_KEEP=1
also keeps the database for the next run of the same size.

The search-term hand-over goes to the embedded broker (CELERY_TASK_ALWAYS_EAGER off), as in
production, so the page writes nothing to the database.
Run alone: `.venv/bin/python -m bench.bench_search_page`. Numbers: docs/performance.md.
"""

import os
import pickle
import sys
import time

from bench.bulk_pages import measure, p50_p95
from bench.corpus import ORGS, generate

SIZE = int(os.environ.get("BENCH_PAGE_SIZE", "100000"))
REPEATS = int(os.environ.get("BENCH_PAGE_REPEATS", "15"))
KEEP = os.environ.get("BENCH_KEEP") == "1"
COLUMNS = ["预算决算", "办事指南", "政策文件", "通知公告", "政务公开", "社会救助", "重点项目"]

# Kind -> query strings (the filters are filled in once the site exists).
QUERIES = {
    "one character": ["q=税", "q=镇"],
    "two characters": ["q=预算", "q=公开"],
    "multi-word": ["q=医疗保障 城乡居民", "q=乡村振兴 安全生产 便民服务"],
    "synonym": ["q=低保", "q=医保"],
    "no result": ["q=量子计算机", "q=不存在的词语"],
    "filtered: organisation": ["q=公开&org={org}", "q=低保&org={org}"],
    "filtered: column": ["q=公开&column={column}", "q=预算&column={column}"],
    "filtered: year": ["q=公开&year=2020", "q=低保&year=2023"],
    "page 2": ["q=公开&page=2", "q=低保&page=2"],
    "sorted by date": ["q=公开&sort=date", "q=医疗保障 城乡居民&sort=date"],
}


def build_offices():
    """5 offices, 7 columns each, and one published item: the template of the bulk rows."""
    from disclosure.catalogue.tests.factories import (
        CategoryPageFactory,
        DisclosureDocumentPageFactory,
        DisclosureIndexPageFactory,
        OrganisationFactory,
    )

    roots, columns = [], []
    for number, name in enumerate(ORGS):
        root = DisclosureIndexPageFactory(
            organisation=OrganisationFactory(name=name), slug=f"office-{number}"
        )
        roots.append(root)
        for column_number, title in enumerate(COLUMNS):
            columns.append(
                CategoryPageFactory(parent=root, title=title, slug=f"column-{column_number}")
            )
    template = DisclosureDocumentPageFactory(parent=columns[0], title="模板", slug="template")
    return roots, columns, template


def index_text(page, organisation):
    """What the search fields of a 公开信息 give the index: title, then the body text."""
    return page["title"], f"{page['body']}\n{organisation}"


def analysed(pages, columns_of):
    """(title, autocomplete, body) index columns per page, analysed once and kept on disk."""
    from django.conf import settings

    path = settings.VAR_DIR / f"bench_search_page_{len(pages)}.pickle"
    if path.exists():
        with path.open("rb") as file:
            return pickle.load(file)
    started = time.perf_counter()
    result = []
    for number, (page, organisation) in enumerate(pages):
        result.append(columns_of(*index_text(page, organisation)))
        if number % 1000 == 0:
            print(f"\r  analysing {number}/{len(pages)}", end="", file=sys.stderr, flush=True)
    print(
        f"\r  analysed {len(pages)} pages in {time.perf_counter() - started:.0f} s", file=sys.stderr
    )
    with path.open("wb") as file:
        pickle.dump(result, file)
    return result


def index_columns(title, body):
    """SQLite's marked title/autocomplete and body of one document (PostgreSQL's vectors are
    built when they are written: `write_index`)."""
    from search.backends.fts5 import document_columns

    return document_columns(title, title, body)


def write_index(entries):
    """modelsearch's index rows, as the backends' add_items writes them (FTS5 by trigger; on
    PostgreSQL the vectors are built here, `tsquery.document_vectors`, not kept on disk)."""
    from django.db import connection
    from modelsearch.conf import get_app_config

    from search.backends.tsquery import document_vectors

    table = get_app_config().get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.executemany(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,"
                " title_norm, title_text, body_text) VALUES (%s, %s, %s::tsvector, %s::tsvector,"
                " %s::tsvector, 1.0, %s, %s)",
                [
                    (ct, str(pk), *document_vectors(title, title, body), title, body)
                    for ct, pk, _columns, title, body in entries
                ],
            )
        else:
            cursor.executemany(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,"
                " title_norm) VALUES (%s, %s, %s, %s, %s, 1.0)",
                [(ct, str(pk), m, a, tokens) for ct, pk, (m, a, tokens, *_), _t, _b in entries],
            )


def analysed_corpus(size):
    """The corpus, each page's office (the page's column is number % 35) and index columns."""
    corpus = generate(size)
    offices = [ORGS[number % (len(ORGS) * len(COLUMNS)) // len(COLUMNS)] for number in range(size)]
    return corpus, offices, analysed(list(zip(corpus, offices, strict=True)), index_columns)


def build_items(size, columns, template):
    """`size` published 公开信息 pages spread over the columns, with their index rows."""
    from django.contrib.contenttypes.models import ContentType

    from bench import bulk_pages
    from disclosure.catalogue.models import DisclosureDocumentPage

    content_type = ContentType.objects.get_for_model(DisclosureDocumentPage).pk
    corpus, organisations, columns_data = analysed_corpus(size)

    def written(pages, numbers):
        write_index(
            [
                (
                    content_type,
                    page.pk,
                    columns_data[number],
                    *index_text(corpus[number], organisations[number]),
                )
                for page, number in zip(pages, numbers, strict=True)
            ]
        )

    bulk_pages.build_items(corpus, lambda number: columns[number % len(columns)], template, written)


def site(size):
    """The offices, columns and items, built unless a kept database already holds them."""
    from disclosure.catalogue.models import (
        CategoryPage,
        DisclosureDocumentPage,
        DisclosureIndexPage,
    )

    existing = DisclosureDocumentPage.objects.count()
    if existing == size + 1:
        print("  reusing the kept database (BENCH_KEEP=1)", file=sys.stderr)
        return list(DisclosureIndexPage.objects.order_by("path")), list(
            CategoryPage.objects.order_by("path")
        )
    if existing:  # a kept database left by a run that failed half-way
        from django.db import connection

        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
    from tests.factories import publishing_as_fixture

    with publishing_as_fixture():
        roots, columns, template = build_offices()
    build_items(size, columns, template)
    return roots, columns


def upkeep():
    """What the beat does on a running site: the index's b-trees merged into one (bulk writing
    leaves about twenty)."""
    from search.tasks import merge_search_index

    started = time.perf_counter()
    merge_search_index()
    print(f"  index merged: {time.perf_counter() - started:.1f} s", file=sys.stderr)


def run():
    from django.db import connection

    roots, columns = site(SIZE)
    upkeep()
    org, column = roots[2].pk, columns[len(columns) // 2].pk
    print(f"-- /search/ end to end, {SIZE} pages, {connection.vendor}, Django test client")
    print(f"   {REPEATS} timed requests per query after one warm-up; load {os.getloadavg()[0]:.1f}")
    worst = 0.0
    for kind, queries in QUERIES.items():
        urls = ["/search/?" + q.format(org=org, column=column) for q in queries]
        p50, p95 = p50_p95(measure(urls, REPEATS))
        worst = max(worst, p95)
        print(f"  {kind:24} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    print(f"  worst p95 {worst:.1f} ms (goal < 50 ms); load after {os.getloadavg()[0]:.1f}")


def main():
    os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "false")
    # A queue, cache prefix and media folder of its own (gongkai/settings/test.py): the searches
    # it hands over must not land in the queue a test run in this checkout drains and asserts.
    os.environ.setdefault("PYTEST_XDIST_WORKER", "bench")
    from bench.fresh_database import fresh_database

    with fresh_database(f"bench_search_page_{SIZE}.sqlite3", keep=KEEP):
        run()


if __name__ == "__main__":
    main()
