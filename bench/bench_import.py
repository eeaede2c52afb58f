"""Cost of `import_documents` per new document: SQL queries and seconds, per 1,000 documents.

Builds a fresh database (migrations, like the test suite; SQLite unless DATABASE_URL says
otherwise), one organisation with one empty column, then imports BENCH_IMPORT_SIZE generated
documents (default 200) through the same code as the command, counting every SQL statement.
Search and reference indexing run in the process (as the test settings do), so they are counted.
Run alone: `.venv/bin/python -m bench.bench_import`.
"""

import json
import os
import time

RECORD_YEAR = 2021


def record(n):
    return json.dumps(
        {
            "title": f"关于做好第{n}批垃圾分类工作的通知",
            "body": f"<p>各村（社区）：</p><p>第{n}批垃圾分类工作安排如下。</p>",
            "category": "政策信息",
            "published_at": f"{RECORD_YEAR}-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
            "doc_number": f"测政发〔{RECORD_YEAR}〕{n}号",
            "keywords": ["垃圾分类"],
            "source_url": f"http://old.example.gov.cn/xxgk/{n}.html",
        },
        ensure_ascii=False,
    )


def catalogue_with_one_column():
    from wagtail.models import Site

    from disclosure.catalogue.models import CategoryPage, DisclosureIndexPage, Organisation
    from disclosure.moderation.publication import sanctioned_publication

    organisation = Organisation.objects.create(
        name="测试镇人民政府", short_name="测试镇", code="1123052200432650XW"
    )
    root = DisclosureIndexPage(title="测试镇政府信息公开", slug="xxgk", organisation=organisation)
    Site.objects.get(is_default_site=True).root_page.add_child(instance=root)
    column = CategoryPage(title="政策信息", slug="notices")
    with sanctioned_publication("benchmark set-up"):  # set-up, not what is measured
        root.save_revision().publish()
        root.add_child(instance=column)
        column.save_revision().publish()


def measure(size):
    from django.db import connection

    from disclosure.imports.importer import import_documents

    import_documents([record(0)])  # warm per-process caches
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    lines = [record(n) for n in range(1, size + 1)]
    started = time.perf_counter()
    with connection.execute_wrapper(count):
        summary = import_documents(lines)
    seconds = time.perf_counter() - started
    assert len(summary.created) == size, summary.skipped[:3]
    return queries / size, seconds / size * 1000


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    size = int(os.environ.get("BENCH_IMPORT_SIZE", "200"))
    if connection.vendor == "sqlite":
        # Never the test suite's file: a suite may be running.
        connection.settings_dict["TEST"]["NAME"] = str(settings.VAR_DIR / "bench-import.db")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        catalogue_with_one_column()
        per_document, per_thousand = measure(size)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(
        f"  import_documents, {size} new documents on {connection.vendor}: "
        f"{per_document:.1f} queries per document, {per_thousand:.0f} s per 1,000 documents"
    )


if __name__ == "__main__":
    main()
