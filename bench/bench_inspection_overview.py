"""The platform overview of the website inspection (issue 22): what one request costs when it
computes every indicator for every organisation, as it did, against reading the stored results
(disclosure/inspection/snapshots.py), and what the background refresh that stores them costs.

Builds a fresh SQLite database (migrations, like the test suite) with the township office of
the review tests and BENCH_INSPECTION_ORGANISATIONS more organisations (default 4), each with
six columns, and BENCH_INSPECTION_ITEMS live items (default 1,500) spread over every column
(one in ten a 规范性文件, one in twenty linking another item). Then:
1. the live computation the overview made on each request: the platform and every organisation
   (indicators.inspect), timed BENCH_INSPECTION_RUNS times (default 3);
2. the refresh task (snapshots.refresh_inspections): the same work, once, in Celery;
3. GET /admin/inspection/ as a site administrator through Django's test client (the real view,
   middleware and templates), reading the stored results, and its number of queries.
Run alone: `.venv/bin/python -m bench.bench_inspection_overview`. Numbers: docs/inspection.md.
"""

import os
import statistics
import time

from bench.fresh_database import fresh_database

COLUMNS = ["工作动态", "通知公告", "规范性文件", "办事指南", "预算决算", "机构职能"]


def timed(call, runs=1):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def build(organisations, items):
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.rich_text import RichText

    from disclosure.catalogue.tests.factories import (
        CategoryPageFactory,
        DisclosureDocumentPageFactory,
        DisclosureIndexPageFactory,
        OrganisationFactory,
        PolicyDocumentPageFactory,
    )
    from disclosure.moderation.tests.offices import build_office

    office = build_office()
    admin = office["users"]["admin"]
    roots = [office["root"], office["county_root"]]
    for n in range(organisations):
        organisation = OrganisationFactory(name=f"基准{n}镇人民政府", short_name=f"基准{n}镇")
        roots.append(
            DisclosureIndexPageFactory(
                title=f"基准{n}镇信息公开", slug=f"bench-{n}", organisation=organisation
            )
        )
    columns = [
        CategoryPageFactory(parent=root, title=title, slug=f"c{i}", revised_by=admin)
        for root in roots
        for i, title in enumerate(COLUMNS)
    ]
    today = timezone.localdate()
    previous = None
    for n in range(items):
        column = columns[n % len(columns)]
        fields = {
            "parent": column,
            "title": f"基准信息{n}",
            "published_on": today - timedelta(days=n % 400),
        }
        if n % 10 == 0:
            PolicyDocumentPageFactory(kind="normative", **fields)
            continue
        if n % 20 == 1 and previous is not None:
            link = f'<p><a linktype="page" id="{previous.pk}">相关信息</a></p>'
            fields["body"] = [("paragraph", RichText(link))]
        previous = DisclosureDocumentPageFactory(**fields)
    return office


def run(organisations, items, runs):
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from disclosure.catalogue.models import Organisation
    from disclosure.inspection import snapshots
    from disclosure.inspection.indicators import inspect

    started = time.perf_counter()
    office = build(organisations, items)
    print(
        f"built {items} items in {Organisation.objects.count()} organisations "
        f"in {time.perf_counter() - started:.0f} s"
    )

    def live_overview():
        inspect(None)
        for organisation in Organisation.objects.order_by("name"):
            inspect(organisation)

    before = timed(live_overview, runs)
    print(f"before: the overview computed live on each request: {before:.2f} s (median of {runs})")
    refresh = timed(snapshots.refresh_inspections)
    print(f"the refresh task (Celery, beat and after publications): {refresh:.2f} s")

    client = Client()
    client.force_login(office["users"]["admin"])
    url = reverse("inspection:overview")
    client.get(url)  # warm up: templates
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        response = client.get(url)
    assert response.status_code == 200 and "检查时间" in response.content.decode()
    after = timed(lambda: client.get(url), runs)
    print(
        f"after: GET {url} reading the stored results: {after * 1000:.0f} ms "
        f"(median of {runs}, {len(queries)} queries)"
    )
    print(f"ratio: {before / after:.0f}x")


def main():
    organisations = int(os.environ.get("BENCH_INSPECTION_ORGANISATIONS", "4"))
    items = int(os.environ.get("BENCH_INSPECTION_ITEMS", "1500"))
    runs = int(os.environ.get("BENCH_INSPECTION_RUNS", "3"))
    with fresh_database("bench-inspection.db"):
        run(organisations, items, runs)


if __name__ == "__main__":
    main()
