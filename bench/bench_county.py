"""A county platform: 300 organisations, BENCH_COUNTY_SIZE catalogue items (default 100,000), on
PostgreSQL with the OpenSearch node as the search backend.

The site is written with bulk SQL (`bench/bulk_pages.py`): 300 organisations, each a disclosure
root with 4 columns; the corpus of `bench/corpus.py` as 公开信息 pages spread over the columns,
one column holding 10,000 of them (a third of the items below 30,000). Then, in this process:
- Wagtail's `update_index` into the OpenSearch node (objects/s, wall time);
- p50/p95 of whole pages through Django's test client, one warm-up request then
  BENCH_COUNTY_REPEATS timed (default 10): an item page and column listings rendered (the page
  cache emptied before each request) and one page-cache hit, `/search/` queries, the admin
  explorer of the big column signed in as a superuser (the test settings do not require two-factor
  sign-in: GONGKAI_TWO_FACTOR_REQUIRED is off outside production);
- 索引号 under 16 concurrent publishers (threads, each with its own connection), each
  publishing BENCH_COUNTY_PUBLISHES drafts (default 10) through Wagtail's publish, in 16
  organisations and then all in one: publications/s, and whether every number is distinct and
  every organisation-year's serials follow on from its counter without a gap. Wagtail's index
  updates go to a dummy task backend, as the worker, not the publisher, runs them in production.

Needs PostgreSQL (DATABASE_URL) and the OpenSearch node (TEST_OPENSEARCH_URL or
BENCH_OPENSEARCH_URL), so `make bench` skips it. Run:
    GONGKAI_SERVICES_DIR=/tmp/county-svc GONGKAI_PG_PORT=54420 tests/services.sh start > svc.env
    GONGKAI_SERVICES_DIR=/tmp/county-svc GONGKAI_OPENSEARCH_PORT=9270 tests/opensearch.sh start
    DATABASE_URL=... TEST_OPENSEARCH_URL=... .venv/bin/python -m bench.bench_county
BENCH_KEEP=1 keeps the database (the publishers' pages stay) and the indexes for the next run of
the same size.
"""

import io
import os
import re
import sys
import threading
import time
import traceback
import uuid

from bench.bulk_pages import BulkTree, build_items, measure, p50_p95

SIZE = int(os.environ.get("BENCH_COUNTY_SIZE", "100000"))
REPEATS = int(os.environ.get("BENCH_COUNTY_REPEATS", "10"))
PUBLISHES = int(os.environ.get("BENCH_COUNTY_PUBLISHES", "10"))
KEEP = os.environ.get("BENCH_KEEP") == "1"
ORGANISATIONS = 300
COLUMNS = ["通知公告", "政策文件", "政务公开", "社会救助"]
BIG_COLUMN = 10000
PUBLISHERS = 16
# Rows 451-500 of the explorer's 50 a page: its cost grows with the rows before the page (each
# row's own-draft annotation scans the page table), 27 s for page 100 at 30,000 items.
EXPLORER_DEEP_PAGE = 10
INDEX_PREFIX = "bench_county_"


def organisation_name(number):
    return f"第{number + 1}镇人民政府"


def big_column_size(size):
    return min(BIG_COLUMN, size // 3)


def column_chooser(big, others, size):
    """Every stride-th item in the big column, so that its items span the years as the others'."""
    stride = size // big_column_size(size)

    def column_of(number):
        return big if number % stride == 0 else others[number % len(others)]

    return column_of


def build_site(size):
    """Seconds to write the organisations, roots, columns and items."""
    from bench.corpus import generate
    from disclosure.catalogue.models import Organisation
    from disclosure.catalogue.tests.factories import (
        CategoryPageFactory,
        DisclosureDocumentPageFactory,
        DisclosureIndexPageFactory,
        OrganisationFactory,
    )
    from tests.factories import publishing_as_fixture

    started = time.perf_counter()
    # One office by the factories: the templates the bulk rows copy.
    with publishing_as_fixture():
        first_root = DisclosureIndexPageFactory(
            organisation=OrganisationFactory(name=organisation_name(0)), slug="office-0"
        )
        first_columns = [
            CategoryPageFactory(parent=first_root, title=title, slug=f"column-{number}")
            for number, title in enumerate(COLUMNS)
        ]
        template = DisclosureDocumentPageFactory(
            parent=first_columns[1], title="模板", slug="template"
        )
    organisations = Organisation.objects.bulk_create(
        Organisation(name=organisation_name(number)) for number in range(1, ORGANISATIONS)
    )
    tree = BulkTree()
    home = first_root.get_parent()
    roots = tree.add(
        first_root,
        [
            (home, {"title": f"{o.name}信息公开", "slug": f"office-{n}"}, {"organisation_id": o.pk})
            for n, o in enumerate(organisations, 1)
        ],
    )
    columns = list(first_columns)
    for template_column in first_columns:
        columns += tree.add(
            template_column,
            [
                (root, {"title": template_column.title, "slug": template_column.slug}, {})
                for root in roots
            ],
        )
    tree.finish()
    print(
        f"  wrote {ORGANISATIONS} offices in {time.perf_counter() - started:.0f} s", file=sys.stderr
    )
    big, others = columns[0], columns[1:]
    build_items(generate(size), column_chooser(big, others, size), template)
    return time.perf_counter() - started


def site(size):
    """(seconds to build or None when a kept database holds the site, roots, big column, a
    normal column)."""
    from disclosure.catalogue.models import (
        CategoryPage,
        DisclosureDocumentPage,
        DisclosureIndexPage,
    )

    seconds = None
    if DisclosureDocumentPage.objects.filter(slug__startswith="item-").count() != size:
        seconds = build_site(size)
    else:
        print("  reusing the kept database (BENCH_KEEP=1)", file=sys.stderr)
    roots = list(DisclosureIndexPage.objects.order_by("path"))
    big = CategoryPage.objects.child_of(roots[0]).get(slug="column-0")
    normal = CategoryPage.objects.child_of(roots[1]).get(slug="column-1")
    return seconds, roots, big, normal


def update_index():
    """(seconds, objects indexed) of Wagtail's update_index into the default backend."""
    from django.core.management import call_command

    output = io.StringIO()
    started = time.perf_counter()
    call_command("update_index", backend_name="default", stdout=output)
    seconds = time.perf_counter() - started
    return seconds, sum(int(n) for n in re.findall(r"indexed (\d+) objects", output.getvalue()))


def captured(client, url):
    """(number of queries, slowest query's ms, its SQL) of one more request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        client.get(url)
    if not context.captured_queries:
        return 0, 0.0, ""
    slowest = max(context.captured_queries, key=lambda query: float(query["time"]))
    return len(context), float(slowest["time"]) * 1000, slowest["sql"]


def page_measurements(roots, big, normal):
    """Rows of (kind, p50, p95, queries, slowest query ms, slowest SQL)."""
    from django.contrib.auth import get_user_model
    from django.core.cache import caches
    from django.test import Client

    from disclosure.catalogue.models import DisclosureDocumentPage
    from disclosure.catalogue.models.listing import PAGE_SIZE

    def pages_of(column):
        return -(-column.get_children().count() // PAGE_SIZE)

    item = DisclosureDocumentPage.objects.child_of(normal).filter(slug__startswith="item-").first()
    big_pages, normal_pages = pages_of(big), pages_of(normal)
    rendered = caches["pages"].clear
    public = Client()
    admin = Client()
    admin.force_login(
        get_user_model().objects.get_or_create(
            username="bench-county-admin", defaults={"is_superuser": True, "is_staff": True}
        )[0]
    )
    org = roots[2].pk
    kinds = [
        ("item page, rendered", item.url, public, rendered),
        ("item page, page-cache hit", item.url, public, None),
        (f"column ({normal_pages} pages) p1", normal.url, public, rendered),
        (f"column p{normal_pages}", f"{normal.url}?page={normal_pages}", public, rendered),
        (f"big column ({big_pages} pages) p1", big.url, public, rendered),
        (f"big column p{big_pages // 2}", f"{big.url}?page={big_pages // 2}", public, rendered),
        (f"big column p{big_pages}", f"{big.url}?page={big_pages}", public, rendered),
        ("/search/?q=公开", "/search/?q=公开", public, None),
        ("/search/?q=低保", "/search/?q=低保", public, None),
        ("/search/?q=税 (one char)", "/search/?q=税", public, None),
        ("/search/?q=公开&org=…", f"/search/?q=公开&org={org}", public, None),
        ("admin explorer, big column", f"/admin/pages/{big.pk}/", admin, None),
        (
            f"admin explorer, big col. p{EXPLORER_DEEP_PAGE}",
            f"/admin/pages/{big.pk}/?p={EXPLORER_DEEP_PAGE}",
            admin,
            None,
        ),
    ]
    rows = []
    for kind, url, client, before_each in kinds:
        p50, p95 = p50_p95(measure([url], REPEATS, client, before_each))
        if before_each:
            before_each()
        rows.append((kind, p50, p95, *captured(client, url)))
        print(f"  {kind:32} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms", file=sys.stderr)
    return rows


def serial_counters():
    from disclosure.catalogue.models import IndexNumberCounter

    return {(c.organisation_id, c.year): c.last_serial for c in IndexNumberCounter.objects.all()}


def publish_concurrently(columns, label):
    """16 threads, thread t publishing PUBLISHES drafts in columns[t]: (publications/s,
    check result). The drafts are made first, one Wagtail save each, untimed."""
    from django.db import connection

    from disclosure.catalogue.models import DisclosureDocumentPage
    from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
    from tests.factories import publishing_as_fixture

    run = uuid.uuid4().hex[:8]
    drafts = [
        [
            DisclosureDocumentPageFactory(
                parent=column, title=f"并发发布{t}-{k}", slug=f"publish-{run}-{t}-{k}", live=False
            ).pk
            for k in range(PUBLISHES)
        ]
        for t, column in enumerate(columns)
    ]
    before = serial_counters()
    moments, errors = [], []
    barrier = threading.Barrier(PUBLISHERS, action=lambda: moments.append(time.perf_counter()))

    def publisher(pks):
        try:
            revisions = [DisclosureDocumentPage.objects.get(pk=pk).latest_revision for pk in pks]
            barrier.wait(timeout=120)
            # The sanction is a context variable: each thread starts without it.
            with publishing_as_fixture():
                for revision in revisions:
                    revision.publish()
        except Exception:  # reported with the others below
            errors.append(traceback.format_exc())
        finally:
            connection.close()

    threads = [threading.Thread(target=publisher, args=(pks,)) for pks in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - moments[0]
    if errors:
        print(errors[0], file=sys.stderr)
        return 0.0, f"{len(errors)} publishers failed"
    return PUBLISHERS * PUBLISHES / seconds, numbering_check(
        [pk for pks in drafts for pk in pks], before, label
    )


def numbering_check(pks, before, label):
    """Distinct numbers, and each organisation-year's new serials exactly the counter's range
    from its value before the run to its value after (no serial skipped or shared)."""
    from disclosure.catalogue.models import DisclosureDocumentPage

    pages = DisclosureDocumentPage.objects.filter(pk__in=pks)
    rows = [(page.organisation.pk, page.published_on.year, page.index_number) for page in pages]
    numbers = [number for _org, _year, number in rows]
    problems = []
    if len(rows) != len(pks) or None in numbers:
        problems.append(f"{len(pks) - sum(n is not None for n in numbers)} pages without a number")
    if len(set(numbers)) != len(numbers):
        problems.append(f"{len(numbers) - len(set(numbers))} numbers shared")
    elsewhere = (
        DisclosureDocumentPage.objects.filter(index_number__in=numbers).exclude(pk__in=pks).count()
    )
    if elsewhere:
        problems.append(f"{elsewhere} numbers also on older pages")
    serials = {}
    for org, year, number in rows:
        serials.setdefault((org, year), []).append(int(number.rsplit("-", 1)[1]))
    after = serial_counters()
    for key, taken in serials.items():
        expected = list(range(before.get(key, 0) + 1, after[key] + 1))
        if sorted(taken) != expected:
            problems.append(f"organisation-year {key}: serials {sorted(taken)}, counter {expected}")
    verdict = "; ".join(problems) or f"{len(numbers)} distinct, no serial skipped"
    print(f"  {label}: {verdict}", file=sys.stderr)
    return verdict


def run():
    import logging

    from django.conf import settings
    from django.db import connection

    # The client logs every request to the node, thousands of lines in update_index, and the
    # 404 of each atomic rebuild's first look for the alias.
    logging.getLogger("opensearch").setLevel(logging.ERROR)

    load_before = os.getloadavg()
    seconds, roots, big, normal = site(SIZE)
    index_seconds, indexed = update_index()
    print(f"  update_index: {indexed} objects in {index_seconds:.0f} s", file=sys.stderr)
    rows = page_measurements(roots, big, normal)
    spread = [root.get_children().first() for root in roots[1 : PUBLISHERS + 1]]
    distinct = publish_concurrently(spread, "16 organisations")
    shared = publish_concurrently([normal] * PUBLISHERS, "one organisation")
    load_after = os.getloadavg()

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    print(f"-- county: {ORGANISATIONS} organisations x {len(COLUMNS)} columns, {SIZE} items")
    print(f"   big column {big_column_size(SIZE)} items; PostgreSQL {version}, OpenSearch node")
    print(
        f"   load average (1, 5, 15 min) before {' '.join(f'{v:.1f}' for v in load_before)},"
        f" after {' '.join(f'{v:.1f}' for v in load_after)}; {os.cpu_count()} CPUs"
    )
    built = "kept database" if seconds is None else f"{seconds:.0f} s"
    print(f"  build (bulk SQL)                 {built}")
    print(
        f"  update_index                     {index_seconds:.0f} s, {indexed} objects,"
        f" {indexed / index_seconds:.0f} objects/s"
    )
    print(f"  {REPEATS} timed requests after one warm-up      p50 ms    p95 ms  queries slowest ms")
    for kind, p50, p95, queries, slowest, _sql in rows:
        print(f"  {kind:32} {p50:8.1f}  {p95:8.1f}  {queries:7} {slowest:10.1f}")
    for label, (rate, verdict) in (("16 organisations", distinct), ("one organisation", shared)):
        print(
            f"  {PUBLISHERS} publishers x {PUBLISHES}, {label:17} {rate:6.1f} publications/s;"
            f" 索引号: {verdict}"
        )
    path = settings.VAR_DIR / f"bench_county_{SIZE}_queries.txt"
    path.write_text(
        "".join(f"-- {kind}: {slowest:.1f} ms\n{sql}\n\n" for kind, *_n, slowest, sql in rows)
    )
    print(f"  the slowest query of each kind, in full: {path}")


def services():
    """The OpenSearch URL, or None when PostgreSQL or the node is missing."""
    url = os.environ.get("BENCH_OPENSEARCH_URL") or os.environ.get("TEST_OPENSEARCH_URL")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not url:
        return None
    return url


def configure(url):
    """The variables the settings read, set before Django starts."""
    # The OpenSearch node as the site's only backend (base settings), in indexes of its own;
    # the test settings would add it beside the database backend, and update_index would
    # then rebuild both.
    os.environ["OPENSEARCH_URL"] = url
    os.environ["SEARCH_INDEX_PREFIX"] = INDEX_PREFIX
    os.environ.pop("TEST_OPENSEARCH_URL", None)
    # The test settings give a pytest worker ("gw3") a Redis database by its number; the
    # services' Redis URLs would make them read a number from this bench's name. The cache and
    # queue fall back to this process's memory and an embedded broker of the bench's own.
    for name in ("CACHE_URL", "CELERY_BROKER_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    os.environ.setdefault("PYTEST_XDIST_WORKER", "bench-county")
    os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "false")
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.dummy.DummyBackend")


def main():
    url = services()
    if url is None:
        print(
            "skipped: needs PostgreSQL (DATABASE_URL) and the OpenSearch node"
            " (TEST_OPENSEARCH_URL); see bench/bench_county.py for the commands"
        )
        return
    configure(url)
    from bench.fresh_database import fresh_database

    with fresh_database(f"bench_county_{SIZE}.sqlite3", keep=KEEP):
        try:
            run()
        finally:
            if not KEEP:
                from modelsearch.backends import get_search_backend

                get_search_backend().es.indices.delete(index=f"{INDEX_PREFIX}*")


if __name__ == "__main__":
    main()
