"""Profile of the uncached item page, column listing and annual report (issue #20).

Reads the demo database of a VAR directory made by `BENCH_HTTP_KEEP=1 python -m bench.bench_http`
(or any directory where `manage.py load_demo` ran), with the page cache off, through Django's
test client (every middleware, production settings of bench/http_settings.py). For each page:
the queries one request runs (each printed with --sql), then cProfile over
BENCH_PROFILE_REQUESTS requests (default 200), its top entries by own time and by cumulative
time. Not a `make bench` target: it is what docs/performance.md's profile tables come from.
With --cold the page cache is on (in memory) and every request asks a new address of the
page, so each misses the cache, as a page does after its own change (what the site's token
keeps is read from memory).
Run: `GONGKAI_VAR_DIR=/tmp/bench-http-…/var .venv/bin/python -m bench.profile_pages`
(`--sql`, `--cold`).
"""

import cProfile
import io
import os
import pstats
import secrets
import sys

from bench.bench_http import OUR_PAGES


def main():
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.http_settings"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    cold = "--cold" in sys.argv
    os.environ["PAGE_CACHE_URL"] = "locmemcache://" if cold else "dummycache://"
    os.environ["LOG_LEVEL"] = "WARNING"
    var_dir = os.environ["GONGKAI_VAR_DIR"]
    os.environ["DATABASE_URL"] = f"sqlite:///{var_dir}/db.sqlite3"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    requests = int(os.environ.get("BENCH_PROFILE_REQUESTS", "200"))
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    only = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    for name, path in OUR_PAGES.items():
        if only and name not in only:
            continue
        addresses = (f"{path}?cold={number}" if cold else path for number in range(10**9))
        assert client.get(next(addresses)).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            client.get(next(addresses))
        print(f"== {name} {path}: {len(queries)} queries")
        if "--sql" in sys.argv:
            for query in queries:
                sql = query["sql"]
                print("  ", sql[:60], "…", sql[sql.find(" FROM ") :][:400])
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(requests):
            client.get(next(addresses))
        profile.disable()
        for order in ("tottime", "cumulative"):
            out = io.StringIO()
            stats = pstats.Stats(profile, stream=out).strip_dirs().sort_stats(order)
            stats.print_stats(int(os.environ.get("BENCH_PROFILE_TOP", "25")))
            print(f"-- by {order}, {requests} requests")
            print(out.getvalue().split("\n", 6)[-1])


if __name__ == "__main__":
    main()
