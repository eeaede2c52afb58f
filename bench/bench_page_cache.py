"""Page-cache hit rate while a county publishes: one publication a minute across its offices.

Builds a fresh SQLite database with BENCH_CACHE_OFFICES offices (default 50), each a disclosure
root with two columns of BENCH_CACHE_ITEMS items (default 4). Then simulates BENCH_CACHE_MINUTES
minutes (default 30): each minute one item of a random office is retitled and published, and
BENCH_CACHE_VISITS anonymous visits (default 200) ask pages drawn with a Zipf-like popularity
(the home page and offices' roots most, items least), through Django's test client: the real
views, middleware and settings. Run twice with the same seed and visits:
- by what changed (gongkai/page_cache.py as it is);
- emptying the whole cache on every publication (the rule it replaced);
- publishing nothing: the ceiling that the visits themselves allow (first visits miss).
Prints each hit rate and the ratio of misses.
Run alone: `.venv/bin/python -m bench.bench_page_cache`.
Numbers: docs/performance.md.
"""

import os
import random

from bench.fresh_database import fresh_database


def build_county(offices, items):
    from disclosure.catalogue.tests.factories import (
        CategoryPageFactory,
        DisclosureDocumentPageFactory,
        DisclosureIndexPageFactory,
        OrganisationFactory,
    )
    from tests.factories import home_page

    pages, leaves = [(home_page(), 50.0)], []
    for number in range(offices):
        organisation = OrganisationFactory(name=f"第{number + 1}镇人民政府")
        root = DisclosureIndexPageFactory(organisation=organisation, slug=f"office-{number}")
        pages.append((root, 5.0))
        for column_number, column_title in enumerate(("通知公告", "政策文件")):
            column = CategoryPageFactory(
                parent=root, title=column_title, slug=f"column-{column_number}"
            )
            pages.append((column, 2.0))
            for item_number in range(items):
                item = DisclosureDocumentPageFactory(
                    parent=column, title=f"{organisation.name}{column_title}第{item_number}号"
                )
                pages.append((item, 1.0 / (item_number + 1)))
                leaves.append(item)
    return pages, leaves


def simulate(pages, leaves, minutes, visits, policy, seed=20261130):
    """Hit rate of `visits` a minute while, each minute, `policy` is one of "renewed" (one
    publication, as the cache is), "emptied" (one publication, then the whole cache cleared)
    or "none" (no publication: the ceiling the visits themselves allow)."""
    from django.test import Client

    from gongkai.page_cache import page_cache
    from tests.factories import publish_fixture

    rng = random.Random(seed)
    urls = [page.url for page, _ in pages]
    weights = [weight for _, weight in pages]
    client = Client()
    page_cache().clear()
    hits = total = 0
    for minute in range(minutes):
        item = rng.choice(leaves)
        if policy != "none":
            item.title = f"{item.title.split('（')[0]}（第{minute}分钟更新）"
            publish_fixture(item)
        if policy == "emptied":
            page_cache().clear()
        for url in rng.choices(urls, weights=weights, k=visits):
            response = client.get(url)
            total += 1
            hits += response.get("X-Page-Cache") == "hit"
    return hits / total


def main():
    offices = int(os.environ.get("BENCH_CACHE_OFFICES", "50"))
    items = int(os.environ.get("BENCH_CACHE_ITEMS", "4"))
    minutes = int(os.environ.get("BENCH_CACHE_MINUTES", "30"))
    visits = int(os.environ.get("BENCH_CACHE_VISITS", "200"))
    with fresh_database("bench-page-cache.db"):
        pages, leaves = build_county(offices, items)
        print(
            f"{offices} offices, {len(pages)} pages; {minutes} minutes, one publication and "
            f"{visits} visits a minute"
        )
        renewed = simulate(pages, leaves, minutes, visits, "renewed")
        emptied = simulate(pages, leaves, minutes, visits, "emptied")
        ceiling = simulate(pages, leaves, minutes, visits, "none")
        print(f"hit rate, emptied on every publication: {emptied:.3f}")
        print(f"hit rate, renewed by what changed:       {renewed:.3f}")
        print(f"hit rate, nothing published (ceiling):   {ceiling:.3f}")
        print(f"misses: {(1 - renewed) / (1 - emptied):.2f}x of before")


if __name__ == "__main__":
    main()
