"""Large sites for the benches, written as bulk SQL copies of template pages.

A Wagtail save per page (revision, signals, tree lock) takes hours at 100,000 pages; a bench
needs the rows a published page has, not its history. Each page is a copy of a template page
made by the factories (its Page row and its own table's row), with a new place in the tree.
The copies have no revision: what the benches measure reads live rows only.
"""

import datetime
import json
import statistics
import sys
import time
import uuid

FIRST_DAY = datetime.datetime(2015, 1, 1, tzinfo=datetime.UTC)
YEARS = 11
CHUNK = 2000


def publication_time(number, count):
    """Pages published one after another over YEARS years, the last the newest."""
    return FIRST_DAY + datetime.timedelta(minutes=number * YEARS * 365 * 24 * 60 / count)


def row_of(table, key, value):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE {key} = %s", [value])
        names = [column[0] for column in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))


def insert_rows(table, rows):
    from django.db import connection

    names = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, [[row[name] for name in names] for row in rows])


class BulkTree:
    """Copies of template pages under parents of any kind (saved pages or earlier copies).
    Treebeard's paths come from each parent's child count, kept here from one call to the next
    and written back to the parents once, by `finish`."""

    def __init__(self):
        self.children = {}
        self.templates = {}

    def template_rows(self, template):
        from wagtail.models import Page

        if template.pk not in self.templates:
            table = template.specific_class._meta.db_table
            self.templates[template.pk] = (
                Page.objects.filter(pk=template.pk).values()[0],
                table,
                row_of(table, "page_ptr_id", template.pk),
            )
        return self.templates[template.pk]

    def add(self, template, copies):
        """`copies`: (parent, Page fields, own-table fields) per page; the new Page objects."""
        from wagtail.models import Page

        page_row, table, own_row = self.template_rows(template)
        pages = []
        for parent, page_fields, _own in copies:
            count = self.children.get(parent.pk, parent.numchild) + 1
            self.children[parent.pk] = count
            slug = page_fields["slug"]
            pages.append(
                Page(
                    **{
                        **page_row,
                        "id": None,
                        "path": Page._get_path(parent.path, parent.depth + 1, count),
                        "depth": parent.depth + 1,
                        "numchild": 0,
                        "draft_title": page_fields.get("title", page_row["title"]),
                        "url_path": f"{parent.url_path}{slug}/",
                        "live_revision_id": None,
                        "latest_revision_id": None,
                        "translation_key": uuid.uuid4(),
                        **page_fields,
                    }
                )
            )
        Page.objects.bulk_create(pages)
        insert_rows(
            table,
            [
                {**own_row, **own, "page_ptr_id": page.pk}
                for page, (_parent, _fields, own) in zip(pages, copies, strict=True)
            ],
        )
        return pages

    def finish(self):
        from django.db import connection
        from wagtail.models import Page

        for pk, count in self.children.items():
            Page.objects.filter(pk=pk).update(numchild=count)
        self.children.clear()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")


def build_items(corpus, column_of, template, written=None):
    """The corpus as published 公开信息 pages, oldest first, item `number` in
    `column_of(number)`, CHUNK pages a transaction; `written(pages, numbers)` is called inside
    each chunk's transaction (bench_search_page writes the chunk's index rows there).
    Seconds taken."""
    from django.db import transaction

    size = len(corpus)
    tree = BulkTree()
    started = time.perf_counter()
    for start in range(0, size, CHUNK):
        numbers = range(start, min(size, start + CHUNK))
        copies = []
        for number in numbers:
            page, when = corpus[number], publication_time(number, size)
            text = page["body"]
            body = [{"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}]
            page_fields = {
                "title": page["title"],
                "slug": f"item-{number}",
                "first_published_at": when,
                "last_published_at": when,
                "latest_revision_created_at": when,
            }
            own = {
                "body": json.dumps(body, ensure_ascii=False),
                "doc_number": text.split("号")[0] + "号",
                "published_on": when.date(),
                "index_number": f"BENCH-{number:07d}",
            }
            copies.append((column_of(number), page_fields, own))
        with transaction.atomic():
            pages = tree.add(template, copies)
            if written:
                written(pages, numbers)
        print(f"\r  writing {numbers.stop}/{size}", end="", file=sys.stderr, flush=True)
    tree.finish()
    seconds = time.perf_counter() - started
    print(f"\r  wrote {size} pages in {seconds:.0f} s", file=sys.stderr)
    return seconds


def percentile(values, share):
    return sorted(values)[round(share * (len(values) - 1))]


def p50_p95(times):
    return statistics.median(times), percentile(times, 0.95)


def measure(urls, repeats, client=None, before_each=None):
    """Milliseconds per request, the first request of each URL (warm-up) not counted;
    `before_each()` runs untimed before every request (emptying a cache, say)."""
    from django.test import Client

    client = client or Client()
    times = []
    for url in urls:
        if before_each:
            before_each()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        for _ in range(repeats):
            if before_each:
                before_each()
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    return times
